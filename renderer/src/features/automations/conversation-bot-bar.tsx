/** In the conversation header: who answers this chat, and "Devolver ao robô" after a hand-off. */
import { useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import { useAutomations } from './automations-store';
import { HandledBy } from './handled-by';

export function ConversationBotBar({ chat }: { chat: ChatSummary }) {
  const t = useT();
  const returnChatToBot = useAutomations((state) => state.returnChatToBot);
  const enabled = useAutomations((state) => state.settings?.enabled === true);
  const [busy, setBusy] = useState(false);
  if (!chat.handledBy) return null;
  return (
    <>
      <HandledBy chat={chat} />
      {chat.handledBy === 'person' && enabled && (
        <button
          type="button"
          className="button return-to-bot"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void returnChatToBot(chat.chatId)
              .catch(() => undefined)
              .finally(() => setBusy(false));
          }}
        >
          {t('auto.returnToBot')}
        </button>
      )}
    </>
  );
}
