import type { ChatSummary } from '../../../../shared/domain';
import { windowExpiresAt } from '../../../../shared/chats/window-rules';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { ConversationBotBar } from '../automations/conversation-bot-bar';
import { Avatar } from '../chats/avatar';
import { WindowBadge, useWindowBadge } from '../chats/window-badge';
import { ConversationMetricsActions } from '../metrics/conversation-metrics-actions';
import { formatPhone } from '../../../../shared/profiles/format-phone';
import { useChats } from '../chats/chats-store';
import { useUi } from '../../app/ui-store';
import { SidePanelToggle } from '../profiles/side-panel';

const MINUTE_MS = 60_000;

export function ConversationHeader({ chat }: { chat: ChatSummary }) {
  const t = useT();
  const format = useFormatter();
  const { state } = useWindowBadge(chat.lastInboundAt);
  const minute = useClock((clock) => Math.floor(clock.now / MINUTE_MS));
  const expiresAt = chat.lastInboundAt === null ? null : windowExpiresAt(chat.lastInboundAt);
  const markUnread = useChats((state) => state.markUnread);
  const selectChat = useUi((state) => state.selectChat);
  return (
    <header className="conversation-header">
      <Avatar name={chat.name} size={40} />
      <div className="conversation-header__who">
        <h2 className="conversation-header__name">{chat.name}</h2>
        <span className="conversation-header__phone">{formatPhone(chat.phone)}</span>
      </div>
      <ConversationBotBar chat={chat} />
      <ConversationMetricsActions key={chat.chatId} chat={chat} />
      <div className="conversation-header__window">
        <WindowBadge lastInboundAt={chat.lastInboundAt} />
        {expiresAt !== null && (
          <span className="conversation-header__expires">
            {t(state === 'closed' ? 'conversation.closedAt' : 'conversation.closesAt', {
              when: format.when(expiresAt, minute * MINUTE_MS),
            })}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button conversation-header__unread"
        // Closed on marking, as the person is done with it for now: opening it again reads it.
        onClick={() =>
          void markUnread(chat.chatId).then(
            () => selectChat(null),
            () => undefined,
          )
        }
      >
        {t('conversation.markUnread')}
      </button>
      <SidePanelToggle />
    </header>
  );
}
