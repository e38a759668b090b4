/**
 * Where a rebuild reads the stored history: every chat's messages, in pages of whole chats, so a
 * rebuild yields to other work between pages. The store keeps one history file per chat, so a page
 * is put together from `readMessages` over the contact list.
 */
import type { ChatId } from '../../../shared/domain';
import type { JanelaStore, StoredMessage } from '../store/store-types';

export interface HistoryPage {
  /** Whole chats, each with its messages oldest first. */
  chats: { chatId: string; messages: StoredMessage[] }[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

export type ReadHistoryPage = (after: string | null, maxMessages: number) => HistoryPage;

/** Every message of a chat: the history API pages, a rebuild needs all of them. */
const WHOLE_HISTORY = Number.MAX_SAFE_INTEGER;

/** One chat's whole history, for rebuilding that chat alone. */
export function chatHistory(store: JanelaStore, chatId: string): StoredMessage[] {
  return store.readMessages(chatId as ChatId, { limit: WHOLE_HISTORY }).messages;
}

/** Pages over the contact list as it is when the rebuild starts; `after` is the last chat read. */
export function historyPages(store: JanelaStore): ReadHistoryPage {
  const { chatIds } = store.contactTimes();
  const positions = new Map<string, number>();
  chatIds.forEach((chatId, index) => positions.set(chatId, index));
  return (after, maxMessages) => {
    const chats: HistoryPage['chats'] = [];
    let index = after === null ? 0 : (positions.get(after) ?? chatIds.length) + 1;
    let messages = 0;
    for (; index < chatIds.length && messages < maxMessages; index++) {
      const chatId = chatIds[index] as string;
      const history = chatHistory(store, chatId);
      messages += history.length;
      if (history.length > 0) chats.push({ chatId, messages: history });
    }
    return { chats, next: index < chatIds.length ? (chatIds[index - 1] as string) : null };
  };
}
