/** Windows and macOS: a rename refused for a moment (antivirus, indexer, OneDrive) is retried, a bounded number of times. */
import { expect, test } from 'vitest';
import { nodeStoreFs, renameWithRetry, type StoreFs } from '../../../../../electron/backend/store/store-fs';
import { chatIdOf, contact, open, tempDataDir } from './store-fixtures';

function busyFor(times: number, code: string): StoreFs & { attempts: number } {
  const fs = {
    ...nodeStoreFs,
    attempts: 0,
    async rename(from: string, to: string) {
      fs.attempts++;
      if (fs.attempts <= times) throw Object.assign(new Error(`${code}: held by another program`), { code });
      await nodeStoreFs.rename(from, to);
    },
  };
  return fs;
}

test('EPERM and EBUSY are retried with a backoff until the rename goes through', async () => {
  const work = tempDataDir();
  try {
    const fs = busyFor(2, 'EBUSY');
    const { writeFileSync, existsSync } = await import('node:fs');
    writeFileSync(`${work.dir}/a`, 'x');
    await renameWithRetry(fs, `${work.dir}/a`, `${work.dir}/b`, [1, 1, 1]);
    expect(fs.attempts).toBe(3);
    expect(existsSync(`${work.dir}/b`)).toBe(true);
  } finally {
    work.remove();
  }
});

test('bounded: a rename refused for good fails after the last delay; other errors at once', async () => {
  const held = busyFor(Number.POSITIVE_INFINITY, 'EPERM');
  await expect(renameWithRetry(held, '/nowhere/a', '/nowhere/b', [1, 1])).rejects.toMatchObject({ code: 'EPERM' });
  expect(held.attempts).toBe(3);
  const missing = busyFor(0, 'EPERM');
  await expect(renameWithRetry(missing, '/nowhere/a', '/nowhere/b', [1, 1])).rejects.toMatchObject({ code: 'ENOENT' });
  expect(missing.attempts).toBe(1);
});

test('the store saves through a janela.json that an antivirus holds for a moment', async () => {
  const work = tempDataDir();
  try {
    // The first start writes janela.json: its first three renames are refused.
    const fs = busyFor(3, 'EPERM');
    const store = await open(work.dir, { fs });
    store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1)));
    await store.close();
    expect(fs.attempts).toBeGreaterThan(3);
    const again = await open(work.dir);
    await again.contactsLoaded();
    expect(Object.keys(again.data.contacts)).toEqual([chatIdOf(1)]);
    await again.close();
  } finally {
    work.remove();
  }
});
