import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { ChatId } from '../../../../shared/domain';
import { useT } from '../../i18n/use-i18n';
import { useChats } from './chats-store';
import { selectClosingSoonMs, useSettings } from '../settings/settings-store';
import { useUi, type ChatFilter } from '../../app/ui-store';
import { filterByLabels, LabelFilter } from '../profiles/label-filter';
import { useProfiles } from '../profiles/profiles-store';
import { filterChats } from './chat-filter';
import { ChatRow } from './chat-row';
import { MessageSearchResults } from './message-search-results';
import { ListResizer } from './list-resizer';
import { WindowLegend } from './window-legend';

const ROW_HEIGHT = 84;
const filterOrder: readonly ChatFilter[] = ['open', 'closing', 'closed', 'unanswered'];

export function ChatList() {
  const t = useT();
  const ordered = useChats((state) => state.ordered);
  const orderedAt = useChats((state) => state.orderedAt);
  const total = useChats((state) => state.byId.size);
  const complete = useChats((state) => state.complete);
  const closingSoonMs = useSettings(selectClosingSoonMs);
  const filters = useUi((state) => state.filters);
  const search = useUi((state) => state.search);
  const setSearch = useUi((state) => state.setSearch);
  const toggleFilter = useUi((state) => state.toggleFilter);
  const clearFilters = useUi((state) => state.clearFilters);
  const selectChat = useUi((state) => state.selectChat);
  const selectedChatId = useUi((state) => state.selectedChatId);
  const focusComposer = useUi((state) => state.focusComposer);
  const width = useChats((state) => state.listWidth);
  /** The one row that takes Tab (roving tabindex); arrows move it, Enter opens its chat. */
  const [activeId, setActiveId] = useState<ChatId | null>(null);
  // Typing stays responsive while 10,000 chats are filtered behind it.
  const deferredSearch = useDeferredValue(search);
  const labelIds = useProfiles((state) => state.labelFilterIds);
  const clearLabels = useProfiles((state) => state.clearLabelFilter);

  // Window states only change when the store re-sorts (orderedAt), so filtering with that time is exact.
  const visible = useMemo(
    () => filterByLabels(filterChats(ordered, filters, deferredSearch, orderedAt, closingSoonMs), labelIds),
    [ordered, filters, deferredSearch, orderedAt, closingSoonMs, labelIds],
  );

  const activeIndex = useMemo(() => {
    const byActive = activeId === null ? -1 : visible.findIndex((chat) => chat.chatId === activeId);
    if (byActive >= 0) return byActive;
    const bySelected = selectedChatId === null ? -1 : visible.findIndex((chat) => chat.chatId === selectedChatId);
    return Math.max(0, bySelected);
  }, [visible, activeId, selectedChatId]);
  const tabbableId = visible[activeIndex]?.chatId ?? null;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The row that takes Tab is always rendered, even scrolled far away, so the list stays one Tab stop.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < visible.length && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex, visible.length],
  );
  // No React Compiler here, so the virtualizer's unmemoisable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => visible[index]?.chatId ?? index,
    rangeExtractor,
  });

  // Opening a chat (click, Enter or Space on its row) puts the caret in the composer.
  const onSelect = useCallback(
    (chatId: ChatId) => {
      setActiveId(chatId);
      selectChat(chatId);
      focusComposer();
    },
    [selectChat, focusComposer],
  );

  // Arrow keys move the focus through the whole list, also to rows not rendered yet; Enter opens.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    if (!(event.target instanceof HTMLElement) || !event.target.closest('.chat-row')) return;
    event.preventDefault();
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? visible.length - 1
          : Math.min(visible.length - 1, Math.max(0, activeIndex + (event.key === 'ArrowDown' ? 1 : -1)));
    const chat = visible[next];
    if (!chat) return;
    setActiveId(chat.chatId);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-chat-id="${CSS.escape(chat.chatId)}"]`)?.focus(),
    );
  };

  const filtering = filters.size > 0 || search.trim() !== '' || labelIds.size > 0;

  return (
    <nav
      className="chat-list"
      aria-label={t('chatList.label')}
      style={{ '--chat-list-width': `${width}px` } as CSSProperties}
    >
      <div className="chat-list__tools">
        <div className="chat-list__search-row">
          <div className="chat-list__search">
            <svg className="chat-list__search-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path
                fill="currentColor"
                d="M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 14 15.5l.3.3v.8l5 5 1.5-1.5-5-5Zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9Z"
              />
            </svg>
            <input
              type="search"
              className="chat-list__search-input"
              aria-label={t('chatList.searchLabel')}
              placeholder={t('chatList.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <WindowLegend />
        </div>
        <div className="chat-list__filters" role="group" aria-label={t('chatList.filtersLabel')}>
          {filterOrder.map((filter) => (
            <button
              key={filter}
              type="button"
              className={`filter-chip filter-chip--${filter}`}
              aria-pressed={filters.has(filter)}
              onClick={() => toggleFilter(filter)}
            >
              {t(`chatList.filter.${filter}`)}
            </button>
          ))}
        </div>
        {/* A narrow list shows the same filters as one compact select (CSS picks which one shows). */}
        <label className="chat-list__filter-select">
          <span className="visually-hidden">{t('chatList.filtersLabel')}</span>
          <select
            className="input"
            value={filters.size === 1 ? [...filters][0] : 'all'}
            onChange={(event) => {
              const chosen = event.target.value;
              for (const filter of filters) if (filter !== chosen) toggleFilter(filter);
              if (chosen !== 'all' && !filters.has(chosen as ChatFilter)) toggleFilter(chosen as ChatFilter);
            }}
          >
            <option value="all">{t('chatList.filter.all')}</option>
            {filterOrder.map((filter) => (
              <option key={filter} value={filter}>
                {t(`chatList.filter.${filter}`)}
              </option>
            ))}
          </select>
        </label>
        <LabelFilter />
        {/* Until every chat has arrived, a count or a search result would be short. */}
        {(filtering || !complete) && (
          <div className="chat-list__count" role="status">
            {complete ? t('chatList.count', { shown: visible.length, total }) : t('chatList.loadingRest')}
          </div>
        )}
      </div>
      {visible.length === 0 ? (
        <div className="chat-list__empty">
          <p>{total === 0 ? t('chatList.empty') : t('chatList.noMatch')}</p>
          {total > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => {
                clearFilters();
                clearLabels();
              }}
            >
              {t('chatList.clearFilters')}
            </button>
          )}
          <MessageSearchResults query={deferredSearch} onSelect={onSelect} />
        </div>
      ) : (
        <div className="chat-list__scroll" ref={scrollRef} onKeyDown={onKeyDown}>
          <ul className="chat-list__rows" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const chat = visible[item.index];
              if (!chat) return null;
              return (
                <li
                  key={item.key}
                  className="chat-list__row"
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  <ChatRow chatId={chat.chatId} onSelect={onSelect} tabbable={chat.chatId === tabbableId} />
                </li>
              );
            })}
          </ul>
          <MessageSearchResults query={deferredSearch} onSelect={onSelect} />
        </div>
      )}
      <ListResizer />
    </nav>
  );
}
