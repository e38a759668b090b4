/** Conversation history: paging, de-duplication, status updates, reopening, and what loading reads. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
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

test('a burst over more chats than the cache holds keeps every unsaved chat, de-duplicates and saves them all', async () => {
  const store = await open(work.dir, { cachedChats: 2 });
  // Nothing saved yet: no chat may be dropped from memory, however far past its limit the cache goes.
  for (let chat = 1; chat <= 40; chat++) expect(store.appendMessage(message(chat, `m-${chat}`, 1000))).toBe(true);
  for (let chat = 1; chat <= 40; chat++) expect(store.appendMessage(message(chat, `m-${chat}`, 1000))).toBe(false);
  await store.flush();
  // Saved now: old chats are dropped and read back from the journal when asked for again.
  for (let chat = 41; chat <= 60; chat++) store.appendMessage(message(chat, `m-${chat}`, 1000));
  for (let chat = 1; chat <= 60; chat++)
    expect(ids(store.readMessages(chatIdOf(chat), { limit: 5 }))).toEqual([`m-${chat}`]);
  await store.close();
  const reopened = await open(work.dir, { cachedChats: 2 });
  for (let chat = 1; chat <= 60; chat++) expect(reopened.hasMessage(chatIdOf(chat), `m-${chat}`)).toBe(true);
  await reopened.close();
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

test('the layout on disk: per-chat JSON Lines files, updates marked, journal emptied at close', async () => {
  const store = await open(work.dir);
  store.appendMessage(message(1, 'a', 1000));
  store.appendMessage(message(2, 'b', 1000));
  store.updateMessage(chatIdOf(1), 'a', { status: 'read' });
  await store.flush();
  const lines = (file: string) =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id?: string; status?: string; update?: { id: string; status?: string } });
  const journal = path.join(work.dir, 'history', 'journal.jsonl');
  expect(lines(journal).map((line) => line.id ?? `update of ${line.update?.id}`)).toEqual(['a', 'b', 'update of a']);
  await store.close();
  expect(readFileSync(journal, 'utf8')).toBe('');
  const chat1 = lines(path.join(work.dir, 'history', 'chats', '5511900000001_c.us.jsonl'));
  expect(chat1.map((line) => line.status ?? line.update?.status ?? null)).toEqual([null, 'read']);
  expect(chat1[1]?.update?.id).toBe('a');
});

describe('opening a long conversation reads the end of its file only', () => {
  const chatFile = () => path.join(work.dir, 'history', 'chats', '5511900000001_c.us.jsonl');

  /** 1,000 messages (~110 kB): every third one ours, each read by the customer soon after. */
  async function longChat() {
    const store = await open(work.dir);
    for (let n = 1; n <= 1000; n++) {
      const ours = n % 3 === 0;
      store.appendMessage(message(1, `m${n}`, n * 1000, ours ? { direction: 'out', status: 'sent' } : {}));
      if (ours) store.updateMessage(chatIdOf(1), `m${n}`, { status: 'read' });
    }
    // Late news about old messages: a failure noticed for m3 long after.
    store.updateMessage(chatIdOf(1), 'm3', { status: 'failed', failureReason: 'late' });
    await store.close();
  }

  test('the newest page, with each message in its last version, while the start of the file is never read', async () => {
    await longChat();
    // Damage at the start of the file: reading the whole file would find and report it.
    const text = readFileSync(chatFile(), 'utf8');
    writeFileSync(chatFile(), `\u0000\u0000garbage\n${text.slice(text.indexOf('\n') + 1)}`);

    const store = await open(work.dir);
    const told: string[] = [];
    store.onNotice((notice) => told.push(notice.detail));
    const newest = store.readMessages(chatIdOf(1), { limit: 50 });
    expect(ids(newest)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 951}`));
    expect(newest.hasMore).toBe(true);
    expect(newest.messages.find((m) => m.id === 'm999')?.status).toBe('read');
    // m3's late update is at the end of the file, but m3 is not among the newest.
    expect(newest.messages.some((m) => m.id === 'm3')).toBe(false);
    expect(told).toEqual([]);

    // Paging back needs the whole conversation: now the damage is found and reported.
    const older = store.readMessages(chatIdOf(1), { beforeId: 'm951', limit: 50 });
    expect(ids(older)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 901}`));
    expect(told).toEqual([expect.stringMatching(/^a conversation file in history\/chats had 1 damaged line/)]);
    expect(store.getMessage(chatIdOf(1), 'm3')).toMatchObject({ status: 'failed', failureReason: 'late' });
    await store.close();
  });

  test('a message arriving older than the newest is put in its place in time, also in the file', async () => {
    await longChat();
    const store = await open(work.dir);
    // A catch-up brings a message from between m990 and m991.
    store.appendMessage(message(1, 'late', 990_500));
    await store.close();
    const lines = readFileSync(chatFile(), 'utf8').trim().split('\n');
    expect(lines.at(-11)).toContain('"id":"late"');
    expect(lines.some((line) => line.startsWith('{"update"'))).toBe(false);

    const reopened = await open(work.dir);
    const newest = reopened.readMessages(chatIdOf(1), { limit: 11 });
    expect(ids(newest)).toEqual(['late', ...Array.from({ length: 10 }, (_, i) => `m${i + 991}`)]);
    expect(reopened.getMessage(chatIdOf(1), 'm3')).toMatchObject({ status: 'failed' });
    await reopened.close();
  });
});
