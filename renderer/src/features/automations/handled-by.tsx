/** Who answers a chat now: the bot, or a person after a hand-off (waiting for one, if nobody replied yet). */
import type { ChatSummary } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import './automations.css';

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
  const icon = chat.handledBy === 'bot' ? '🤖' : '👤';
  return (
    <span
      id={id}
      className={`handled-by handled-by--${waiting ? 'waiting' : chat.handledBy}`}
      title={label}
      data-handled-by={chat.handledBy}
    >
      <span aria-hidden="true">{icon}</span>
      <span className={compact && !waiting ? 'visually-hidden' : 'handled-by__text'}>{label}</span>
    </span>
  );
}
