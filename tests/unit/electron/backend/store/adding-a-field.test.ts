/**
 * Adding a stored field or collection is one line in store-types.ts. This test makes exactly that
 * change (a contact field with a default, an optional one, and a new collection) and checks that
 * a file written before it opens with the new field defaulted and nothing lost, and that the new
 * field is saved and read back.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { z } from 'zod';
import type * as StoreTypes from '../../../../../electron/backend/store/store-types';
import { open, tempDataDir } from './store-fixtures';

vi.mock('../../../../../electron/backend/store/store-types', async (importOriginal) => {
  const original = await importOriginal<typeof StoreTypes>();
  // The one-line changes, as a colleague would write them in store-types.ts.
  const storedContactSchema = original.storedContactSchema.extend({
    bookingCount: z.number().int().nonnegative().default(0),
    botPaused: z.boolean().optional(),
  });
  const storeDataSchema = original.storeDataSchema.extend({
    contacts: z.record(z.string(), storedContactSchema).default({}),
    orders: z.array(z.object({ id: z.string(), total: z.number() })).default([]),
  });
  return { ...original, storedContactSchema, storeDataSchema };
});

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const maria = '5511987654321@c.us';

test('a file from before the new fields opens with them defaulted; they are saved and read back', async () => {
  cpSync(path.join(fixtures, 'layout-v1'), work.dir, { recursive: true });
  const store = await open(work.dir);
  expect(store.loadNotices).toEqual([]);
  await store.contactsLoaded();
  const before = store.data.contacts[maria] as unknown as Record<string, unknown>;
  expect(before).toMatchObject({ waName: 'Maria Silva', notes: 'Prefere entrega à tarde', bookingCount: 0 });
  expect(before).not.toHaveProperty('botPaused');
  expect((store.data as unknown as { orders: unknown }).orders).toEqual([]);
  expect(Object.keys(store.data.contacts)).toHaveLength(3);

  store.update((data) => {
    const contact = data.contacts[maria];
    if (contact) data.contacts[maria] = { ...contact, bookingCount: 2, botPaused: true } as typeof contact;
    (data as unknown as { orders: unknown[] }).orders.push({ id: 'p1', total: 120 });
  });
  await store.flush();
  // Read back from the journal, as after a crash now (a copy of the folder, this store stays open).
  const crashed = tempDataDir();
  cpSync(work.dir, crashed.dir, { recursive: true });
  const fromJournal = await open(crashed.dir);
  expect(fromJournal.data.contacts[maria]).toMatchObject({ bookingCount: 2, botPaused: true });
  await fromJournal.close();
  crashed.remove();
  // And from janela.json, after a checkpoint.
  await store.close();
  const again = await open(work.dir);
  await again.contactsLoaded();
  expect(again.data.contacts[maria]).toMatchObject({ bookingCount: 2, botPaused: true, labels: ['vip'] });
  expect((again.data as unknown as { orders: unknown }).orders).toEqual([{ id: 'p1', total: 120 }]);
  await again.close();
});
