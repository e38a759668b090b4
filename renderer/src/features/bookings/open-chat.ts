import { useUi } from '../../app/ui-store';
import type { ChatId } from '../../../../shared/domain';

/** From the agenda or the order board straight into the customer's chat. */
export function openChat(chatId: ChatId): void {
  const ui = useUi.getState();
  ui.selectChat(chatId);
  ui.setView('chats');
}
