/** A full disk or a blocked folder keeps the old files and the data in memory, says so, and retries. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { StoreWriteError } from '../../../../../electron/backend/store/open-store';
import type { StoreNotice } from '../../../../../electron/backend/store/store-types';
import { faultyFs } from './faulty-fs';
import { chatIdOf, contact, message, open, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const snapshot = (dir: string) => ({
  main: readFileSync(path.join(dir, 'janela.json'), 'utf8'),
  journal: readFileSync(path.join(dir, 'history', 'journal.jsonl'), 'utf8'),
});

for (const code of ['ENOSPC', 'EACCES']) {
  test(`${code}: old files and memory kept, error surfaced, a later flush saves everything`, async () => {
    const fs = faultyFs();
    const store = await open(work.dir, { fs, flushDelayMs: 1000 });
    const errors: StoreNotice[] = [];
    store.onNotice((notice) => errors.push(notice));
    store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1)));
    store.appendMessage(message(1, 'a', 1000));
    await store.flush();
    const before = snapshot(work.dir);

    fs.failWith = code;
    store.update((data) => void (data.contacts[chatIdOf(2)] = contact(2)));
    store.appendMessage(message(2, 'b', 2000));
    const failed = store.flush();
    await expect(failed).rejects.toThrow(StoreWriteError);
    await expect(failed).rejects.toThrow(new RegExp(`history/journal\\.jsonl \\(${code}\\)`));
    expect(errors).toEqual([
      {
        kind: 'store-write-failed',
        cause: code === 'ENOSPC' ? 'disk-full' : 'no-permission',
        detail: 'history/journal.jsonl',
        technical: `could not save history/journal.jsonl (${code})`,
      },
    ]);
    // Old files untouched on disk (the half-written journal append was cut back), new data in memory.
    expect(snapshot(work.dir)).toEqual(before);
    expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
    expect(store.getMessage(chatIdOf(2), 'b')?.text).toBe('mensagem b');

    fs.failWith = null;
    await store.flush();
    await store.close();
    const reopened = await open(work.dir);
    expect(Object.keys(reopened.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
    expect(reopened.readMessages(chatIdOf(2), { limit: 5 }).messages.map((m) => m.id)).toEqual(['b']);
    expect(reopened.loadNotices).toEqual([]);
    await reopened.close();
  });
}

test('a batch that failed is retried on its own, without a new change', async () => {
  const fs = faultyFs();
  const store = await open(work.dir, { fs, flushDelayMs: 10 });
  const errors: StoreNotice[] = [];
  store.onNotice((notice) => errors.push(notice));
  fs.failWith = 'ENOSPC';
  store.appendMessage(message(1, 'a', 1000));
  await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
  fs.failWith = null;
  // The retry comes ~2 s after the failure.
  const journal = path.join(work.dir, 'history', 'journal.jsonl');
  await vi.waitFor(() => expect(readFileSync(journal, 'utf8')).toContain('"id":"a"'), { timeout: 5000, interval: 100 });
  await store.close();
});

test('close() rejects while the disk is full, and data survives once it is freed', async () => {
  const fs = faultyFs();
  const store = await open(work.dir, { fs });
  store.appendMessage(message(1, 'a', 1000));
  fs.failWith = 'ENOSPC';
  await expect(store.close()).rejects.toThrow(/ENOSPC/);
  fs.failWith = null;
  await store.close();
  const reopened = await open(work.dir);
  expect(reopened.hasMessage(chatIdOf(1), 'a')).toBe(true);
  await reopened.close();
});

test('a checkpoint that cannot write janela.json says so; the journal keeps every change until it can', async () => {
  const fs = faultyFs();
  const store = await open(work.dir, { fs });
  const before = readFileSync(path.join(work.dir, 'janela.json'), 'utf8');
  store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1, { notes: 'só no diário' })));
  store.appendMessage(message(1, 'a', 1000));
  await store.flush();
  fs.failWith = 'ENOSPC';
  await expect(store.close()).rejects.toThrow(/could not save janela\.json \(ENOSPC\)/);
  expect(readFileSync(path.join(work.dir, 'janela.json'), 'utf8')).toBe(before);
  // As if the app were killed now: the next start replays the journal.
  fs.failWith = null;
  const reopened = await open(work.dir);
  expect(reopened.data.contacts[chatIdOf(1)]?.notes).toBe('só no diário');
  expect(reopened.hasMessage(chatIdOf(1), 'a')).toBe(true);
  expect(reopened.loadNotices).toEqual([]);
  await reopened.close();
});
