/** A clicked notification (desktop or browser) brings the window forward on that chat. */
import type { ChatId } from '../../../../shared/domain';
import { useUi } from '../../app/ui-store';

export function openChatFromNotification(chatId: ChatId): void {
  window.focus();
  const ui = useUi.getState();
  ui.setSettingsOpen(false);
  ui.setView('chats');
  ui.selectChat(chatId);
}
