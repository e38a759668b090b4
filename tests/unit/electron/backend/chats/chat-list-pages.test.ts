/** The pages after the snapshot's head: every chat exactly once, however the list order moves. */
import { expect, test } from 'vitest';
import { chatListPage } from '../../../../../electron/backend/chats/chat-list-pages';
import { toChatSummary } from '../../../../../electron/backend/profiles/profiles';
import type { StoredContact } from '../../../../../electron/backend/store/store-types';
import { chatIdOf, contact } from '../store/store-fixtures';

const contactsOf = (chats: readonly number[]): Record<string, StoredContact> =>
  Object.fromEntries(chats.map((chat) => [chatIdOf(chat), contact(chat)]));

function pageAll(contacts: Record<string, StoredContact>, limit: number, between?: () => void): string[] {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page = chatListPage(contacts, after, limit, toChatSummary);
    expect(page.chats.length).toBeLessThanOrEqual(limit);
    seen.push(...page.chats.map((chat) => chat.chatId));
    after = page.next;
    between?.();
  } while (after !== null);
  return seen;
}

test('pages go through every chat once, in chat-id order, and the last one says there is no next', () => {
  // Inserted out of order: the pages sort by id, not by when a contact was added.
  const chats = [7, 3, 12, 1, 9, 4, 11, 2, 8, 5, 10, 6];
  expect(pageAll(contactsOf(chats), 5)).toEqual([...chats].sort((a, b) => a - b).map(chatIdOf));
  expect(chatListPage(contactsOf(chats), null, 12, toChatSummary).next).toBeNull();
  expect(chatListPage(contactsOf(chats), chatIdOf(12), 5, toChatSummary)).toEqual({ chats: [], next: null });
});

test('a contact added while paging comes in a later page when its id is after the cursor', () => {
  const contacts = contactsOf([1, 2, 3, 4, 5, 6]);
  let added = false;
  const seen = pageAll(contacts, 2, () => {
    if (added) return;
    added = true;
    contacts[chatIdOf(9)] = contact(9);
  });
  expect(seen).toEqual([1, 2, 3, 4, 5, 6, 9].map(chatIdOf));
});

test('no chats: one empty page', () => {
  expect(chatListPage({}, null, 500, toChatSummary)).toEqual({ chats: [], next: null });
});
