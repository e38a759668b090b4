/** Who answers a chat now: the bot, or a person after a hand-off (waiting for one, if nobody replied yet). */
import type { ChatSummary } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import { BotIcon, PersonIcon } from './bot-icons';

export function HandledBy({
  chat,
  id,
  compact = false,
}: {
  chat: Pick<ChatSummary, 'handledBy' | 'waitingForPerson'>;
  id?: string;
  /** In a chat row: the icon only, unless a person is awaited; the words stay for screen readers. */
  compact?: boolean;
}) {
  const t = useT();
  if (!chat.handledBy) return <span id={id} hidden />;
  const waiting = chat.waitingForPerson === true;
  const label = waiting
    ? t('auto.waitingForPerson')
    : chat.handledBy === 'bot'
      ? t('auto.handledByBot')
      : t('auto.handledByPerson');
  return (
    <span
      id={id}
      className={`handled-by handled-by--${waiting ? 'waiting' : chat.handledBy}`}
      title={label}
      data-handled-by={chat.handledBy}
    >
      {chat.handledBy === 'bot' ? <BotIcon /> : <PersonIcon />}
      <span className={compact && !waiting ? 'visually-hidden' : 'handled-by__text'}>{label}</span>
    </span>
  );
}
