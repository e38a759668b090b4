import { useEffect } from 'react';
import { ConversationSidePanel } from '../../app/extension-slots';
import { useT } from '../../i18n/use-i18n';
import { useChats } from '../chats/chats-store';
import { useConversation } from './conversation-store';
import { useUi } from '../../app/ui-store';
import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { MessageHistory } from './message-history';

export function ConversationPane() {
  const t = useT();
  const chatId = useUi((state) => state.selectedChatId);
  const chat = useChats((state) => (chatId ? state.byId.get(chatId) : undefined));
  const open = useConversation((state) => state.open);

  useEffect(() => {
    if (chatId) void open(chatId);
  }, [chatId, open]);

  if (!chatId || !chat) {
    return (
      <section className="conversation conversation--empty" aria-label={t('conversation.emptyTitle')}>
        <div className="conversation__empty-card">
          <div className="conversation__empty-icon" aria-hidden="true">
            ◐
          </div>
          <h2>{t('conversation.emptyTitle')}</h2>
          <p>{t('conversation.emptyHint')}</p>
        </div>
      </section>
    );
  }

  return (
    <section className="conversation" aria-label={chat.name}>
      <ConversationHeader chat={chat} />
      <div className="conversation__body">
        <div className="conversation__main">
          <MessageHistory name={chat.name} />
          <Composer key={chatId} chatId={chatId} />
        </div>
        <ConversationSidePanel chatId={chatId} />
      </div>
    </section>
  );
}
