/**
 * The store under test really writes to disk (lowdb's JSONFilePreset would silently keep it in
 * memory under NODE_ENV=test), and a burst of changes is written in one batch, not per change:
 * one journal append, with janela.json rewritten whole only at checkpoints.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { decodeStoreDocument } from '../../../../../electron/backend/store/store-document-codec';
import { faultyFs } from './faulty-fs';
import { chatIdOf, contact, message, open, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

test('under NODE_ENV=test the store is on disk, not in memory', async () => {
  expect(process.env.NODE_ENV).toBe('test');
  const store = await open(work.dir);
  store.update((data) => {
    data.contacts[chatIdOf(7)] = contact(7, { notes: 'pagou no pix' });
    data.sync.lastSyncAt = 42;
  });
  store.appendMessage(message(7, 'a', 1000));
  await store.flush();

  const journal = readFileSync(path.join(work.dir, 'history', 'journal.jsonl'), 'utf8');
  expect(journal).toContain('"id":"a"');
  expect(journal).toContain('"pagou no pix"');
  expect(journal).toContain('"lastSyncAt":42');
  // Deliberately not closed: a second store sees the same data from the files alone.
  const second = await open(work.dir);
  expect(second.data.contacts[chatIdOf(7)]?.notes).toBe('pagou no pix');
  expect(second.data.sync.lastSyncAt).toBe(42);
  expect(second.hasMessage(chatIdOf(7), 'a')).toBe(true);
  await second.close();

  const mainFile = path.join(work.dir, 'janela.json');
  const onDisk = decodeStoreDocument(readFileSync(mainFile));
  expect(onDisk.ok && onDisk.data.contacts[chatIdOf(7)]?.notes).toBe('pagou no pix');
  expect(onDisk.ok && onDisk.data.sync.lastSyncAt).toBe(42);
});

test('a first start writes the defaults, so janela.json exists from the start', async () => {
  const store = await open(work.dir);
  expect(existsSync(path.join(work.dir, 'janela.json'))).toBe(true);
  await store.close();
});

test('a burst of 500 messages and contact updates costs one journal append; janela.json waits for a checkpoint', async () => {
  const fs = faultyFs();
  const store = await open(work.dir, { fs, flushDelayMs: 200 });
  fs.calls.writes.clear();
  const syncsBefore = fs.calls.syncs;
  for (let n = 0; n < 500; n++) {
    store.appendMessage(message(n % 50, `m${n}`, 1000 + n));
    store.update((data) => void (data.contacts[chatIdOf(n % 50)] = contact(n % 50, { unreadCount: n })));
  }
  await store.flush();
  const writes = Object.fromEntries(
    [...fs.calls.writes].map(([file, count]) => [path.relative(work.dir, file), count]),
  );
  expect(writes).toEqual({ 'history/journal.jsonl': 1 });
  // The journal's fsync: the flush waited for it.
  expect(fs.calls.syncs - syncsBefore).toBe(1);
  // One line for the 50 contacts, in their last version.
  const journal = readFileSync(path.join(work.dir, 'history', 'journal.jsonl'), 'utf8');
  const changes = journal.split('\n').filter((line) => line.startsWith('{"changes"'));
  expect(changes).toHaveLength(1);
  expect(JSON.parse(changes[0] ?? '').changes.contactRows).toHaveLength(50);

  await store.close();
  const onDisk = decodeStoreDocument(readFileSync(path.join(work.dir, 'janela.json')));
  expect(onDisk.ok && onDisk.data.contacts[chatIdOf(49)]?.unreadCount).toBe(499);
  expect(readFileSync(path.join(work.dir, 'history', 'journal.jsonl'), 'utf8')).toBe('');
});

test('the journal is checkpointed once it passes its limit: janela.json rewritten, journal emptied', async () => {
  const store = await open(work.dir, { journalLimitBytes: 4096 });
  for (let n = 0; n < 40; n++) {
    store.appendMessage(message(n, `m${n}`, 1000 + n));
    store.update((data) => void (data.contacts[chatIdOf(n)] = contact(n, { unreadCount: n })));
    await store.flush();
  }
  const journalBytes = readFileSync(path.join(work.dir, 'history', 'journal.jsonl')).length;
  expect(journalBytes).toBeLessThanOrEqual(4096);
  const onDisk = decodeStoreDocument(readFileSync(path.join(work.dir, 'janela.json')));
  // Whatever the last checkpoint left in janela.json plus the journal after it is everything.
  expect(onDisk.ok && Object.keys(onDisk.data.contacts).length).toBeGreaterThan(0);
  const reopened = await open(work.dir);
  expect(Object.keys(reopened.data.contacts)).toHaveLength(40);
  expect(reopened.readMessages(chatIdOf(39), { limit: 5 }).messages.map((m) => m.id)).toEqual(['m39']);
  await reopened.close();
  await store.close();
});

test('changes made while a batch is being written go into the next one', async () => {
  const store = await open(work.dir);
  store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1)));
  const first = store.flush();
  store.update((data) => void (data.contacts[chatIdOf(2)] = contact(2, { notes: 'depois' })));
  await first;
  await store.flush();
  const reopened = await open(work.dir);
  expect(Object.keys(reopened.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
  expect(reopened.data.contacts[chatIdOf(2)]?.notes).toBe('depois');
  await reopened.close();
  await store.close();
});

test('after close the store refuses changes', async () => {
  const store = await open(work.dir);
  await store.close();
  expect(() => store.update(() => undefined)).toThrow(/closed/);
});
