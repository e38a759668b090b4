/**
 * Opening reads janela.json's head only; contacts are read when needed and in the background.
 * Whatever the order of reads and changes, the store ends up with what was saved plus what
 * changed since, and damage the background read finds is handled like damage found at opening.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { nodeStoreFs, type StoreFs } from '../../../../../electron/backend/store/store-fs';
import type { StoreNotice } from '../../../../../electron/backend/store/store-types';
import { chatIdOf, contact, defaultData, open, start, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const mainFile = () => path.join(work.dir, 'janela.json');

async function saveContacts(chats: number[]) {
  const store = await open(work.dir);
  store.update((data) => {
    for (const chat of chats) data.contacts[chatIdOf(chat)] = contact(chat, { lastInboundAt: start + chat });
  });
  await store.close();
}

/** Changes bytes of one contact's row on disk, keeping the file's size (the head stays intact). */
function damageRow(find: string, replace: string) {
  const bytes = readFileSync(mainFile());
  const at = bytes.lastIndexOf(find);
  expect(at).toBeGreaterThan(0);
  expect(Buffer.byteLength(replace)).toBe(Buffer.byteLength(find));
  bytes.write(replace, at);
  writeFileSync(mainFile(), bytes);
}

test('a reopened store reads contacts on demand and in the background, and ends with all of them', async () => {
  await saveContacts([1, 2, 3, 4, 5]);
  const store = await open(work.dir);
  expect(store.allContactsLoaded).toBe(false);
  expect(store.data.contacts[chatIdOf(3)]).toEqual(contact(3, { lastInboundAt: start + 3 }));
  expect(chatIdOf(5) in store.data.contacts).toBe(true);
  expect(store.data.contacts[chatIdOf(9)]).toBeUndefined();
  // The list's order needs only the head: every contact's times, none of them read.
  const { chatIds, times } = store.contactTimes();
  expect([...chatIds].sort()).toEqual([1, 2, 3, 4, 5].map(chatIdOf));
  expect(times[chatIds.indexOf(chatIdOf(4)) * 3]).toBe(start + 4);
  await store.contactsLoaded();
  expect(store.allContactsLoaded).toBe(true);
  expect(store.data.contacts).toEqual(
    Object.fromEntries([1, 2, 3, 4, 5].map((chat) => [chatIdOf(chat), contact(chat, { lastInboundAt: start + chat })])),
  );
  expect(store.loadNotices).toEqual([]);
  const loadedTimes = store.contactTimes();
  expect(loadedTimes.times[loadedTimes.chatIds.indexOf(chatIdOf(4)) * 3]).toBe(start + 4);
  await store.close();
});

test('changes made before the background read finishes win over what the file says', async () => {
  await saveContacts([1, 2, 3]);
  const store = await open(work.dir);
  store.update((data) => {
    data.contacts[chatIdOf(2)] = contact(2, { notes: 'changed while loading' });
    Reflect.deleteProperty(data.contacts, chatIdOf(3));
    data.contacts[chatIdOf(7)] = contact(7);
  });
  const { chatIds, times } = store.contactTimes();
  expect([...chatIds].sort()).toEqual([1, 2, 7].map(chatIdOf));
  expect(times[chatIds.indexOf(chatIdOf(2)) * 3]).toBe(start);
  await store.contactsLoaded();
  expect(Object.keys(store.data.contacts).sort()).toEqual([1, 2, 7].map(chatIdOf));
  expect(store.data.contacts[chatIdOf(2)]?.notes).toBe('changed while loading');
  await store.close();
  const again = await open(work.dir);
  await again.contactsLoaded();
  expect(Object.keys(again.data.contacts).sort()).toEqual([1, 2, 7].map(chatIdOf));
  expect(again.data.contacts[chatIdOf(2)]?.notes).toBe('changed while loading');
  await again.close();
});

describe('rows damaged on disk behind an intact head', () => {
  test('found by the background read: a copy kept, the backup completed by the journal segments, changes since opening kept', async () => {
    await saveContacts([1]);
    await saveContacts([2]); // janela.json.bak holds contact 1 only; contact 2 is in the last journal segment
    damageRow('Cliente 2', 'Cliente X');
    const store = await open(work.dir);
    const notices: StoreNotice[] = [];
    store.onNotice((notice) => notices.push(notice));
    expect(store.loadNotices).toEqual([]);
    store.update((data) => void (data.contacts[chatIdOf(3)] = contact(3)));
    await store.contactsLoaded();

    expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2), chatIdOf(3)]);
    expect(store.data.contacts[chatIdOf(2)]?.waName).toBe('Cliente 2');
    expect(notices.map((notice) => notice.detail)).toEqual([
      expect.stringMatching(
        /^the contacts in janela\.json were damaged; kept a copy as janela\.json\.corrupt-\d+; took them from janela\.json\.bak/,
      ),
    ]);
    expect(notices.map(({ restored, lost }) => ({ restored, lost }))).toEqual([{ restored: ['everything'], lost: [] }]);
    const kept = readdirSync(work.dir).filter((name) => name.startsWith('janela.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(work.dir, kept[0] ?? '')).includes('Cliente X')).toBe(true);
    // janela.json is rewritten from memory, so the next start is clean.
    await store.flush();
    await store.close();
    const again = await open(work.dir);
    await again.contactsLoaded();
    expect(again.loadNotices).toEqual([]);
    expect(Object.keys(again.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2), chatIdOf(3)]);
    await again.close();
  });

  test('when the damaged file cannot be copied aside, that is said, and loading still finishes', async () => {
    await saveContacts([1]);
    await saveContacts([2]);
    damageRow('Cliente 2', 'Cliente X');
    const denied: StoreFs = {
      ...nodeStoreFs,
      copyFile: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
    };
    const store = await open(work.dir, { fs: denied });
    const notices: StoreNotice[] = [];
    store.onNotice((notice) => notices.push(notice));
    await store.contactsLoaded();
    expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
    expect(notices.map((notice) => notice.detail)).toEqual([
      'the contacts in janela.json were damaged; could not keep a copy (EACCES); took them from janela.json.bak and the journal segments and history files',
    ]);
    await store.close();
  });

  test('with no backup: the contacts come back from the journal segments, the unreadable row is reported', async () => {
    await saveContacts([1, 2]);
    rmSync(`${mainFile()}.bak`, { force: true });
    expect(existsSync(`${mainFile()}.bak`)).toBe(false);
    // Contact 2's row no longer parses.
    damageRow(`["${chatIdOf(2)}"`, `{"${chatIdOf(2)}"`);
    const store = await open(work.dir);
    const notices: StoreNotice[] = [];
    store.onNotice((notice) => notices.push(notice));
    await store.contactsLoaded();
    expect(Object.keys(store.data.contacts).sort()).toEqual([chatIdOf(1), chatIdOf(2)]);
    expect(notices.map((notice) => notice.detail)).toEqual([
      expect.stringMatching(/were damaged; kept a copy as janela\.json\.corrupt-\d+; no good copy was found/),
    ]);
    // Phone numbers never appear in notices.
    expect(notices.map((notice) => notice.detail).join()).not.toMatch(/5511/);
    await store.close();
  });
});

test('closing while contacts are still being read loses nothing', async () => {
  await saveContacts(Array.from({ length: 600 }, (_, index) => index + 1));
  const store = await open(work.dir);
  store.update((data) => void (data.contacts[chatIdOf(601)] = contact(601)));
  await store.close();
  const again = await open(work.dir);
  await again.contactsLoaded();
  expect(Object.keys(again.data.contacts)).toHaveLength(601);
  await again.close();
});

test('a janela.json in the single-document layout of earlier versions is read, then rewritten in the current one', async () => {
  const saved = contact(1);
  const { contacts, ...rest } = defaultData();
  expect(contacts).toEqual({});
  const columns = Object.keys(saved) as (keyof typeof saved)[];
  const legacy = {
    format: 'janela-store',
    ...rest,
    contactColumns: columns,
    contactRows: [[saved.chatId, ...columns.map((column) => saved[column])]],
  };
  writeFileSync(mainFile(), JSON.stringify(legacy));
  const store = await open(work.dir);
  expect(store.loadNotices).toEqual([]);
  expect(store.data.contacts).toEqual({ [chatIdOf(1)]: saved });
  store.update((data) => void (data.contacts[chatIdOf(2)] = contact(2)));
  await store.close();
  expect(readFileSync(mainFile(), 'latin1')).toMatch(/^\{"format":"janela-store","layout":"rows",/);
  const again = await open(work.dir);
  expect(again.allContactsLoaded).toBe(false);
  await again.contactsLoaded();
  expect(again.data.contacts).toEqual({ [chatIdOf(1)]: saved, [chatIdOf(2)]: contact(2) });
  await again.close();
});
