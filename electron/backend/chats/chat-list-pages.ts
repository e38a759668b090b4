/**
 * Every chat, a page at a time, for the renderer to fill in the list after the snapshot's head. Pages
 * go in chat-id order, which no message and no closing window changes, so paging never skips or
 * repeats a chat however the urgency order moves meanwhile; a chat that changes during paging also
 * arrives in `chatsChanged`.
 */
import type { ChatId, ChatSummary } from '../../../shared/domain';
import type { StoredContact } from '../store/store-types';

export interface ChatListPage {
  chats: ChatSummary[];
  /** The `after` of the following page; null after the last one. */
  next: ChatId | null;
}

export function chatListPage(
  contacts: Readonly<Record<ChatId, StoredContact>>,
  after: ChatId | null,
  limit: number,
  summarise: (contact: StoredContact) => ChatSummary,
): ChatListPage {
  const ids = Object.keys(contacts);
  const rest = (after === null ? ids : ids.filter((chatId) => chatId > after)).sort();
  const chats: ChatSummary[] = [];
  for (const chatId of rest.slice(0, limit)) {
    const contact = contacts[chatId];
    if (contact) chats.push(summarise(contact));
  }
  const last = chats.at(-1);
  return { chats, next: rest.length > limit && last ? last.chatId : null };
}
