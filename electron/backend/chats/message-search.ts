/**
 * Search by message text: which chats said something, with a snippet of the newest message that
 * matches. The cost is bounded, so a search never stalls the backend with 10,000 chats: only the
 * most recently active chats are read, only their newest messages, and the loop yields between
 * chats. Captions are a media message's text, so they are searched too.
 */
import type { ChatId } from '../../../shared/domain';
import { matchSnippet, type Snippet } from '../../../shared/chats/message-snippet';
import type { JanelaStore } from '../store/store-types';

export interface MessageSearchLimits {
  /** How many chats are read, most recent activity first. */
  recentChats: number;
  /** How many of each chat's newest messages are searched. */
  messagesPerChat: number;
  /** Results returned at most (one per chat). */
  maxResults: number;
}

export const defaultSearchLimits: MessageSearchLimits = { recentChats: 500, messagesPerChat: 200, maxResults: 30 };

export interface MessageSearchResult {
  chatId: ChatId;
  messageId: string;
  at: number;
  snippet: Snippet;
}

const chatsPerSlice = 25;

export async function searchMessages(
  store: JanelaStore,
  query: string,
  limits: MessageSearchLimits = defaultSearchLimits,
): Promise<{ results: MessageSearchResult[]; limited: boolean }> {
  if (!store.allContactsLoaded) await store.contactsLoaded();
  const chats = Object.values(store.data.contacts)
    .filter((contact) => contact.lastMessage !== null)
    .sort((a, b) => (b.lastMessage?.at ?? 0) - (a.lastMessage?.at ?? 0));
  let limited = chats.length > limits.recentChats;
  const results: MessageSearchResult[] = [];
  for (const [index, contact] of chats.slice(0, limits.recentChats).entries()) {
    if (index > 0 && index % chatsPerSlice === 0) await new Promise((resolve) => setImmediate(resolve));
    const { messages, hasMore } = store.readMessages(contact.chatId, { limit: limits.messagesPerChat });
    if (hasMore) limited = true;
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i];
      if (!message || (message.kind !== 'text' && message.kind !== 'media')) continue;
      const snippet = matchSnippet(message.text, query);
      if (!snippet) continue;
      results.push({ chatId: contact.chatId, messageId: message.id, at: message.at, snippet });
      break;
    }
    if (results.length >= limits.maxResults) return { results, limited: true };
  }
  return { results: results.sort((a, b) => b.at - a.at), limited };
}
