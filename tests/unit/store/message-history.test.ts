/** Conversation history: paging, de-duplication, status updates, reopening, and what loading reads. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { chatIdOf, message, open, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const ids = (page: { messages: { id: string }[] }) => page.messages.map((m) => m.id);

test('readMessages pages newest-last with before/limit/hasMore, also after reopening', async () => {
  const store = await open(work.dir);
  for (let n = 1; n <= 25; n++) store.appendMessage(message(1, `m${n}`, n * 1000));
  const check = (s: typeof store) => {
    const newest = s.readMessages(chatIdOf(1), { limit: 10 });
    expect(ids(newest)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 16}`));
    expect(newest.hasMore).toBe(true);
    const older = s.readMessages(chatIdOf(1), { before: 16_000, limit: 10 });
    expect(ids(older)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 6}`));
    expect(older.hasMore).toBe(true);
    const oldest = s.readMessages(chatIdOf(1), { before: 6_000, limit: 10 });
    expect(ids(oldest)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(oldest.hasMore).toBe(false);
    expect(s.readMessages(chatIdOf(2), { limit: 10 })).toEqual({ messages: [], hasMore: false });
  };
  check(store);
  await store.close();
  const reopened = await open(work.dir);
  check(reopened);
  await reopened.close();
});

test('beforeId pages through messages that share one time (WhatsApp times are whole seconds)', async () => {
  const store = await open(work.dir);
  for (const id of ['a', 'b', 'c', 'd', 'e']) store.appendMessage(message(1, id, id < 'c' ? 1000 : 2000));
  const newest = store.readMessages(chatIdOf(1), { limit: 2 });
  expect(ids(newest)).toEqual(['d', 'e']);
  const next = store.readMessages(chatIdOf(1), { beforeId: 'd', limit: 2 });
  expect(ids(next)).toEqual(['b', 'c']);
  expect(next.hasMore).toBe(true);
  // `before` by time alone would skip c, which shares d's second.
  expect(ids(store.readMessages(chatIdOf(1), { before: 2000, limit: 2 }))).toEqual(['a', 'b']);
  expect(ids(store.readMessages(chatIdOf(1), { beforeId: 'b', limit: 5 }))).toEqual(['a']);
  await store.close();
});

test('a message id is stored once; a catch-up message older than the newest takes its place in time', async () => {
  const store = await open(work.dir);
  expect(store.appendMessage(message(1, 'a', 1000))).toBe(true);
  expect(store.appendMessage(message(1, 'c', 3000))).toBe(true);
  expect(store.appendMessage(message(1, 'a', 9000, { text: 'again' }))).toBe(false);
  expect(store.appendMessage(message(1, 'b', 2000))).toBe(true);
  expect(ids(store.readMessages(chatIdOf(1), { limit: 10 }))).toEqual(['a', 'b', 'c']);
  expect(store.getMessage(chatIdOf(1), 'a')?.text).toBe('mensagem a');
  await store.close();
  const reopened = await open(work.dir);
  expect(reopened.appendMessage(message(1, 'b', 2000))).toBe(false);
  expect(ids(reopened.readMessages(chatIdOf(1), { limit: 10 }))).toEqual(['a', 'b', 'c']);
  await reopened.close();
});

test('status updates: the last version wins, in memory, after a crash (journal replay) and after a clean close', async () => {
  const store = await open(work.dir);
  store.appendMessage(message(1, 'out1', 1000, { direction: 'out', status: 'pending' }));
  expect(store.updateMessage(chatIdOf(1), 'out1', { status: 'sent', waId: 'wa-1' })?.status).toBe('sent');
  expect(store.updateMessage(chatIdOf(1), 'out1', { status: 'read' })).toMatchObject({ status: 'read', waId: 'wa-1' });
  expect(store.updateMessage(chatIdOf(1), 'nope', { status: 'read' })).toBeNull();
  expect(store.findMessageByWaId(chatIdOf(1), 'wa-1')?.id).toBe('out1');
  await store.flush();
  // Not closed: the next open replays the journal.
  const afterCrash = await open(work.dir);
  expect(afterCrash.getMessage(chatIdOf(1), 'out1')).toMatchObject({ status: 'read', waId: 'wa-1' });
  expect(afterCrash.findMessageByWaId(chatIdOf(1), 'wa-1')?.id).toBe('out1');
  afterCrash.updateMessage(chatIdOf(1), 'out1', { status: 'failed', failureReason: 'x' });
  afterCrash.updateMessage(chatIdOf(1), 'out1', { failureReason: undefined });
  await afterCrash.close();
  const reopened = await open(work.dir);
  const stored = reopened.getMessage(chatIdOf(1), 'out1');
  expect(stored).toMatchObject({ status: 'failed' });
  expect(stored && 'failureReason' in stored).toBe(false);
  expect(reopened.readMessages(chatIdOf(1), { limit: 10 }).messages).toHaveLength(1);
  await reopened.close();
});

test('an invalid message is refused instead of being journaled and lost on the next load', async () => {
  const store = await open(work.dir);
  expect(() => store.appendMessage({ ...message(1, 'a', 1000), chatId: 'not-a-chat' })).toThrow(
    /not a valid stored message/,
  );
  await store.close();
});

test('chats dropped from the memory cache read back everything, also what is only in the journal', async () => {
  const store = await open(work.dir, { cachedChats: 2 });
  for (let chat = 1; chat <= 6; chat++) store.appendMessage(message(chat, `first-${chat}`, 1000));
  await store.flush();
  for (let chat = 1; chat <= 6; chat++) store.appendMessage(message(chat, `second-${chat}`, 2000));
  for (let chat = 1; chat <= 6; chat++) {
    expect(ids(store.readMessages(chatIdOf(chat), { limit: 5 }))).toEqual([`first-${chat}`, `second-${chat}`]);
  }
  await store.flush();
  for (let chat = 6; chat >= 1; chat--) expect(store.hasMessage(chatIdOf(chat), `second-${chat}`)).toBe(true);
  await store.close();
});

test('loading reads no history: damaged chat files are not even opened until a conversation is', async () => {
  const store = await open(work.dir);
  for (let chat = 1; chat <= 5; chat++) store.appendMessage(message(chat, 'a', 1000));
  await store.close();
  const chatsDir = path.join(work.dir, 'history', 'chats');
  for (const name of readdirSync(chatsDir)) writeFileSync(path.join(chatsDir, name), 'garbage\n');
  const reopened = await open(work.dir);
  const told: string[] = [];
  reopened.onNotice((notice) => told.push(notice.detail));
  expect(reopened.loadNotices).toEqual([]);
  expect(reopened.readMessages(chatIdOf(3), { limit: 5 }).messages).toEqual([]);
  expect(told).toHaveLength(1);
  await reopened.close();
});

test('the layout on disk: per-chat JSON Lines files, journal emptied at close', async () => {
  const store = await open(work.dir);
  store.appendMessage(message(1, 'a', 1000));
  store.appendMessage(message(2, 'b', 1000));
  store.updateMessage(chatIdOf(1), 'a', { status: 'read' });
  await store.flush();
  const journal = readFileSync(path.join(work.dir, 'history', 'journal.jsonl'), 'utf8');
  expect(
    journal
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).id),
  ).toEqual(['a', 'b', 'a']);
  await store.close();
  expect(readFileSync(path.join(work.dir, 'history', 'journal.jsonl'), 'utf8')).toBe('');
  const chat1 = readFileSync(path.join(work.dir, 'history', 'chats', '5511900000001_c.us.jsonl'), 'utf8');
  expect(
    chat1
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).status ?? null),
  ).toEqual([null, 'read']);
});
