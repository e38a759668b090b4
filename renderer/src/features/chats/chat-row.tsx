import { memo } from 'react';
import { isUnanswered } from '../../../../shared/chats/chat-order';
import type { ChatId, ChatSummary, Language } from '../../../../shared/domain';
import { previewText } from '../../../../shared/media/media-kind';
import { withoutWhatsAppFormatting } from '../../../../shared/text/whatsapp-format';
import { selectLanguage, useSettings } from '../settings/settings-store';
import { useFormatter, usePlural, useT } from '../../i18n/use-i18n';
import { useChats } from './chats-store';
import { useClock } from '../../app/clock-store';
import { useUi } from '../../app/ui-store';
import { HandledBy } from '../automations/handled-by';
import { Avatar } from './avatar';
import { ChatRowLabels } from './chat-row-labels';
import { WindowBadge } from './window-badge';

const MINUTE_MS = 60_000;

/** Marked done ("Concluir") after the customer's last message. */
function isDone(chat: ChatSummary): boolean {
  return chat.doneAt != null && chat.lastInboundAt !== null && chat.doneAt >= chat.lastInboundAt;
}

function previewOf(chat: ChatSummary, youPrefix: string, empty: string, language: Language): string {
  if (!chat.lastMessage) return empty;
  const media = chat.lastMessage.media;
  const text = media
    ? previewText(media, language)
    : withoutWhatsAppFormatting(chat.lastMessage.text).replace(/\s+/g, ' ').trim();
  return chat.lastMessage.direction === 'out' ? `${youPrefix}${text}` : text;
}

/** One row; it selects only its own chat, so a change elsewhere does not re-render it. */
export const ChatRow = memo(function ChatRow({
  chatId,
  onSelect,
  tabbable = true,
}: {
  chatId: ChatId;
  onSelect: (chatId: ChatId) => void;
  /** Only one row of the list takes Tab; the arrows move between rows. */
  tabbable?: boolean;
}) {
  const t = useT();
  const plural = usePlural();
  const format = useFormatter();
  const chat = useChats((state) => state.byId.get(chatId));
  const language = useSettings(selectLanguage);
  const selected = useUi((state) => state.selectedChatId === chatId);
  // "Today" and "Yesterday" change with the date; minute resolution is enough for that.
  const minute = useClock((state) => Math.floor(state.now / MINUTE_MS));
  if (!chat) return null;
  const unanswered = isUnanswered(chat);
  const domId = `chat-${chat.chatId.replace(/\W/g, '-')}`;
  return (
    <button
      type="button"
      className={`chat-row${selected ? ' chat-row--selected' : ''}`}
      aria-label={chat.name}
      aria-describedby={`${domId}-badge ${domId}-status ${domId}-bot ${domId}-labels ${domId}-preview`}
      aria-current={selected ? 'true' : undefined}
      data-chat-id={chat.chatId}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onSelect(chat.chatId)}
    >
      <Avatar name={chat.name} />
      <span className="chat-row__body">
        <span className="chat-row__line">
          <span className="chat-row__name">{chat.name}</span>
          {chat.lastMessage && (
            <span
              className={`chat-row__time${chat.unreadCount > 0 || chat.markedUnread ? ' chat-row__time--unread' : ''}`}
            >
              {format.listTime(chat.lastMessage.at, minute * MINUTE_MS, {
                today: t('time.today'),
                yesterday: t('time.yesterday'),
              })}
            </span>
          )}
        </span>
        <span className="chat-row__line">
          <span id={`${domId}-preview`} className="chat-row__preview">
            {previewOf(chat, t('chatList.youPrefix'), t('chatList.noMessages'), language)}
          </span>
          {chat.unreadCount > 0 && (
            <span className="chat-row__unread" aria-label={plural('chatList.unread', chat.unreadCount)}>
              {chat.unreadCount}
            </span>
          )}
          {chat.markedUnread && chat.unreadCount === 0 && (
            <span className="chat-row__unread chat-row__unread--mark" aria-label={t('chatList.markedUnread')} />
          )}
        </span>
        <span className="chat-row__line chat-row__line--meta">
          <WindowBadge lastInboundAt={chat.lastInboundAt} id={`${domId}-badge`} />
          <span id={`${domId}-status`} className={unanswered ? 'chat-row__unanswered' : 'chat-row__done'}>
            {unanswered ? t('chatList.unanswered') : isDone(chat) ? t('metrics.done') : ''}
          </span>
          <HandledBy chat={chat} id={`${domId}-bot`} compact />
          <ChatRowLabels labelIds={chat.labels} id={`${domId}-labels`} />
        </span>
      </span>
    </button>
  );
});
