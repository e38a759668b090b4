/**
 * The head of the chat list sent while contacts are still being read must be exactly the top of
 * the full list, as the renderer orders it: groups, closing times, names breaking ties.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { chatListHead } from '../../../../../electron/backend/chats/chat-list-head';
import { toChatSummary } from '../../../../../electron/backend/profiles/profiles';
import type { StoredContact } from '../../../../../electron/backend/store/store-types';
import { orderChats } from '../../../../../shared/chats/chat-order';
import { chatIdOf, contact, open, start, tempDataDir } from '../store/store-fixtures';

const HOUR = 3_600_000;
const now = start + 30 * HOUR;

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

/** 300 customers in every state: open and unanswered, open and answered, closed, never wrote; many ties. */
function customer(chat: number): StoredContact {
  const hoursAgo = (chat * 7) % 40;
  const lastInboundAt = chat % 11 === 0 ? null : now - hoursAgo * HOUR;
  const answered = chat % 3 === 0;
  const lastOutboundAt = answered ? now - (hoursAgo - 1) * HOUR : null;
  const at = Math.max(lastInboundAt ?? 0, lastOutboundAt ?? 0) || now - 50 * HOUR;
  // Names repeat, so equal ranks are ordered by name, then id.
  return contact(chat, {
    waName: ['Ana', 'bia', 'Álvaro', 'Bia'][chat % 4] ?? 'Ana',
    lastInboundAt,
    lastOutboundAt,
    lastMessage: { text: 'oi', at, direction: answered ? 'out' : 'in' },
  });
}

async function reopenedWith(chats: number[]) {
  const first = await open(work.dir);
  first.update((data) => {
    for (const chat of chats) data.contacts[chatIdOf(chat)] = customer(chat);
  });
  await first.close();
  return open(work.dir);
}

const ids = (chats: readonly { chatId: string }[]) => chats.map((chat) => chat.chatId);
const fullOrder = (contacts: Record<string, StoredContact>) =>
  orderChats(Object.values(contacts).map(toChatSummary), now);

test('while contacts are still being read, the head is the top of the full list', async () => {
  const chats = Array.from({ length: 300 }, (_, index) => index + 1);
  const store = await reopenedWith(chats);
  expect(store.allContactsLoaded).toBe(false);
  const head = chatListHead(store, now, 40);
  const all = fullOrder(Object.fromEntries(chats.map((chat) => [chatIdOf(chat), customer(chat)])));
  expect(ids(head)).toEqual(ids(all.slice(0, 40)));
  // Through the closed group too: a head longer than the open chats.
  expect(ids(chatListHead(store, now, 250))).toEqual(ids(all.slice(0, 250)));
  await store.close();
});

test('a chat changed since opening takes its new place in the head', async () => {
  const store = await reopenedWith(Array.from({ length: 120 }, (_, index) => index + 1));
  // Chat 5 writes now, unanswered: it goes to the end of the unanswered open chats, then 1 closes soonest.
  store.update((data) => {
    const current = data.contacts[chatIdOf(5)] as StoredContact;
    data.contacts[chatIdOf(5)] = { ...current, lastInboundAt: now - 23.5 * HOUR, lastOutboundAt: null };
  });
  const head = chatListHead(store, now, 10);
  await store.contactsLoaded();
  expect(ids(head)).toEqual(ids(fullOrder(store.data.contacts).slice(0, 10)));
  expect(head[0]?.chatId).toBe(chatIdOf(5));
  await store.close();
});

test('fewer chats than the head holds: all of them, in order', async () => {
  const store = await reopenedWith([1, 2, 3]);
  const head = chatListHead(store, now, 100);
  await store.contactsLoaded();
  expect(ids(head)).toEqual(ids(fullOrder(store.data.contacts)));
  expect(head).toHaveLength(3);
  await store.close();
});

test('a chat waiting for a person after a hand-off is in the head where the full list puts it', async () => {
  const chats = Array.from({ length: 120 }, (_, index) => index + 1);
  const store = await reopenedWith(chats);
  // Chat 3 is answered (by the bot): waiting for a person makes it sort with the unanswered chats.
  const waiting = new Set([chatIdOf(3)]);
  const summarise = (contact: StoredContact) => ({
    ...toChatSummary(contact),
    waitingForPerson: waiting.has(contact.chatId),
  });
  const head = chatListHead(store, now, 10, summarise, (chatId) => waiting.has(chatId));
  await store.contactsLoaded();
  const all = orderChats(Object.values(store.data.contacts).map(summarise), now);
  expect(ids(head)).toEqual(ids(all.slice(0, 10)));
  expect(ids(head)).toContain(chatIdOf(3));
  expect(ids(chatListHead(store, now, 10))).not.toContain(chatIdOf(3));
  await store.close();
});

test('a chat marked done sorts with the answered chats in the head, as in the full list', async () => {
  const chats = Array.from({ length: 120 }, (_, index) => index + 1);
  const store = await reopenedWith(chats);
  // Chat 1 is unanswered and leads; marked done after the customer's message, it leaves the unanswered group.
  const doneAt = now - HOUR / 2;
  store.update((data) => (data.chatsDone[chatIdOf(1)] = doneAt));
  const summarise = (contact: StoredContact) => ({
    ...toChatSummary(contact),
    ...(store.data.chatsDone[contact.chatId] === undefined ? {} : { doneAt: store.data.chatsDone[contact.chatId] }),
  });
  const head = chatListHead(store, now, 10, summarise);
  await store.contactsLoaded();
  const all = orderChats(Object.values(store.data.contacts).map(summarise), now);
  expect(ids(head)).toEqual(ids(all.slice(0, 10)));
  expect(ids(head)).not.toContain(chatIdOf(1));
  await store.close();
});
