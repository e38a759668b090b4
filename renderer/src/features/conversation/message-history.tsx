import { Fragment, useLayoutEffect, useRef, type UIEvent } from 'react';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { useConversation } from './conversation-store';
import { MessageBubble } from './message-bubble';

const NEAR_EDGE_PX = 120;
const MINUTE_MS = 60_000;

/** The open chat's messages, oldest first; scrolling to the top loads older ones. */
export function MessageHistory({ name }: { name: string }) {
  const t = useT();
  const format = useFormatter();
  const messages = useConversation((state) => state.messages);
  const status = useConversation((state) => state.status);
  const hasMore = useConversation((state) => state.hasMore);
  const loadingOlder = useConversation((state) => state.loadingOlder);
  const loadOlder = useConversation((state) => state.loadOlder);
  // Day headings (Today, Yesterday) follow the date; minute resolution is enough for that.
  const minute = useClock((state) => Math.floor(state.now / MINUTE_MS));
  const scrollRef = useRef<HTMLDivElement>(null);
  const previous = useRef({ firstId: '', lastId: '', height: 0, nearBottom: true });

  // Keep the reader's place: stick to the bottom for new messages, hold still when older ones load.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const firstId = messages[0]?.id ?? '';
    const last = messages[messages.length - 1];
    const before = previous.current;
    if (before.firstId && firstId !== before.firstId && last?.id === before.lastId) {
      element.scrollTop += element.scrollHeight - before.height;
    } else if (last && last.id !== before.lastId && (before.nearBottom || last.direction === 'out' || !before.lastId)) {
      element.scrollTop = element.scrollHeight;
    }
    previous.current = {
      firstId,
      lastId: last?.id ?? '',
      height: element.scrollHeight,
      nearBottom: element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_EDGE_PX,
    };
  }, [messages]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const element = event.currentTarget;
    previous.current.nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_EDGE_PX;
    if (element.scrollTop < NEAR_EDGE_PX && hasMore && !loadingOlder) void loadOlder();
  };

  const labels = { today: t('time.today'), yesterday: t('time.yesterday') };
  const now = minute * MINUTE_MS;

  return (
    <div
      className="history"
      ref={scrollRef}
      onScroll={onScroll}
      role="log"
      aria-label={t('conversation.historyLabel', { name })}
      tabIndex={0}
    >
      {hasMore && (
        <div className="history__older">
          <button type="button" className="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
            {loadingOlder ? t('app.loading') : t('conversation.loadOlder')}
          </button>
        </div>
      )}
      {status === 'loading' && messages.length === 0 && (
        <div className="history__state" role="status">
          <div className="spinner" aria-hidden="true" />
        </div>
      )}
      {status === 'error' && (
        <p className="history__state error-text" role="alert">
          {t('conversation.loadFailed')}
        </p>
      )}
      {status === 'ready' && messages.length === 0 && <p className="history__state">{t('conversation.noMessages')}</p>}
      <ol className="history__messages">
        {messages.map((message, index) => {
          const previousMessage = messages[index - 1];
          const heading = !previousMessage || format.dayKey(previousMessage.at) !== format.dayKey(message.at);
          return (
            <Fragment key={message.id}>
              {heading && (
                <li className="history__day">
                  <span>{format.dayHeading(message.at, now, labels)}</span>
                </li>
              )}
              <MessageBubble message={message} format={format} t={t} />
            </Fragment>
          );
        })}
      </ol>
    </div>
  );
}
