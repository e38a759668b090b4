/**
 * "Mensagens": chats found by what was said, under the chats found by name or number. The
 * backend searches a bounded slice of history (the most recent chats, their newest messages).
 */
import { useEffect, useState } from 'react';
import type { CommandOutput } from '../../../../shared/contract';
import type { ChatId } from '../../../../shared/domain';
import { useFormatter, useT } from '../../i18n/use-i18n';
import { useClock } from '../../app/clock-store';
import { useChats } from './chats-store';

const DEBOUNCE_MS = 250;
const MIN_QUERY = 2;
const MINUTE_MS = 60_000;

type Found = CommandOutput<'searchMessages'>;
type SearchState = { query: string; found: Found | null; failed: boolean };

export function MessageSearchResults({ query, onSelect }: { query: string; onSelect: (chatId: ChatId) => void }) {
  const t = useT();
  const format = useFormatter();
  const byId = useChats((state) => state.byId);
  const searchMessages = useChats((state) => state.searchMessages);
  const minute = useClock((state) => Math.floor(state.now / MINUTE_MS));
  const trimmed = query.trim();
  const [state, setState] = useState<SearchState>({ query: '', found: null, failed: false });

  useEffect(() => {
    if (trimmed.length < MIN_QUERY) return;
    let current = true;
    const timer = setTimeout(() => {
      searchMessages(trimmed).then(
        (found) => current && setState({ query: trimmed, found, failed: false }),
        () => current && setState({ query: trimmed, found: null, failed: true }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, searchMessages]);

  if (trimmed.length < MIN_QUERY) return null;
  const ready = state.query === trimmed;
  const results = ready ? (state.found?.results.filter((result) => byId.has(result.chatId)) ?? []) : [];
  return (
    <section className="message-results" aria-labelledby="message-results-heading" aria-busy={!ready}>
      <h3 id="message-results-heading" className="message-results__heading">
        {t('chatList.messagesHeading')}
      </h3>
      {!ready && <p className="message-results__note">{t('chatList.messagesSearching')}</p>}
      {ready && state.failed && <p className="message-results__note">{t('chatList.messagesFailed')}</p>}
      {ready && !state.failed && results.length === 0 && (
        <p className="message-results__note">{t('chatList.messagesNone')}</p>
      )}
      {results.length > 0 && (
        <ul className="message-results__list">
          {results.map((result) => {
            const { text, start, end } = result.snippet;
            return (
              <li key={result.chatId}>
                <button type="button" className="message-results__item" onClick={() => onSelect(result.chatId)}>
                  <span className="message-results__line">
                    <span className="message-results__name">{byId.get(result.chatId)?.name}</span>
                    <span className="message-results__time">
                      {format.listTime(result.at, minute * MINUTE_MS, {
                        today: t('time.today'),
                        yesterday: t('time.yesterday'),
                      })}
                    </span>
                  </span>
                  <span className="message-results__snippet">
                    {text.slice(0, start)}
                    <mark>{text.slice(start, end)}</mark>
                    {text.slice(end)}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {ready && state.found?.limited && <p className="message-results__note">{t('chatList.messagesLimited')}</p>}
    </section>
  );
}
