import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { chatIdOf, contact, open, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

test('a replaced contact is written anew; one changed in place is refused loudly, never written stale', async () => {
  const store = await open(work.dir);
  store.update((data) => {
    data.contacts[chatIdOf(1)] = contact(1, { unreadCount: 3 });
    data.contacts[chatIdOf(2)] = contact(2);
  });
  await store.flush();

  const written = store.data.contacts[chatIdOf(1)];
  expect(written).toBeDefined();
  expect(() => {
    (written as { unreadCount: number }).unreadCount = 0;
  }).toThrow(TypeError);

  store.update((data) => {
    const current = data.contacts[chatIdOf(1)];
    if (current) data.contacts[chatIdOf(1)] = { ...current, unreadCount: 0, notes: 'replaced' };
  });
  await store.close();
  const text = readFileSync(path.join(work.dir, 'janela.json'), 'utf8');
  expect(text).toContain('"replaced"');

  const reopened = await open(work.dir);
  expect(reopened.data.contacts[chatIdOf(1)]).toMatchObject({ unreadCount: 0, notes: 'replaced' });
  expect(reopened.data.contacts[chatIdOf(2)]).toEqual(contact(2));
  await reopened.close();
});
