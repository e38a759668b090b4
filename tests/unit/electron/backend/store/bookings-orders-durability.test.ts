/**
 * The bookings and orders collections are top-level keys of janela.json: they must ride the
 * journal (a change without a checkpoint, then a crash), be written into janela.json at close, and
 * a janela.json written before they existed must still read, with empty collections.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { decodeStoreDocument, encodeStoreDocument } from '../../../../../electron/backend/store/store-document-codec';
import type { StoreData } from '../../../../../electron/backend/store/store-types';
import { chatIdOf, open, tempDataDir } from './store-fixtures';

let work: ReturnType<typeof tempDataDir>;
beforeEach(() => (work = tempDataDir()));
afterEach(() => work.remove());

const chat = chatIdOf(3);

function fill(data: StoreData): void {
  data.services = [{ id: 's1', name: 'Degustação', durationMin: 60, priceCents: 3000, active: true }];
  data.agendaSettings = { ...data.agendaSettings, capacity: 2, reminderBeforeMin: 180 };
  data.bookings = [
    {
      id: 'b1',
      chatId: chat,
      serviceId: 's1',
      start: 10_000_000,
      end: 13_600_000,
      status: 'booked',
      createdAt: 1000,
      confirmedAt: null,
      reminderSentAt: null,
    },
  ];
  data.bookingFlows = { [chat]: { step: 'service', choices: ['s1'], page: 0, hasMore: false, updatedAt: 5 } };
  data.products = [{ id: 'p1', name: 'Coxinha', priceCents: 750, category: 'Salgados', available: true }];
  data.orderSettings = { delivery: true, pickup: false, deliveryFeeCents: 800, minimumOrderCents: 0 };
  data.orders = [
    {
      id: '1001',
      chatId: chat,
      items: [{ productId: 'p1', name: 'Coxinha', unitPriceCents: 750, quantity: 4 }],
      fulfilment: 'delivery',
      address: 'Rua A, 1',
      note: '',
      subtotalCents: 3000,
      deliveryFeeCents: 800,
      totalCents: 3800,
      status: 'accepted',
      createdAt: 2000,
      statusChangedAt: 3000,
    },
  ];
  data.orderFlows = {
    [chat]: {
      step: 'note',
      cart: [{ productId: 'p1', name: 'Coxinha', unitPriceCents: 750, quantity: 2 }],
      category: null,
      choices: [],
      page: 0,
      hasMore: false,
      fulfilment: 'delivery',
      address: 'Rua A, 1',
      note: null,
      updatedAt: 9,
    },
  };
  data.deliveryAddresses = { [chat]: 'Rua A, 1' };
  data.orderStatusTemplates = { accepted: 'Recebemos, {{first_name|cliente}}!' };
}

const keys = [
  'services',
  'agendaSettings',
  'bookings',
  'bookingFlows',
  'products',
  'orderSettings',
  'orders',
  'orderFlows',
  'deliveryAddresses',
  'orderStatusTemplates',
] as const;

function pick(data: StoreData) {
  return Object.fromEntries(keys.map((key) => [key, data[key]]));
}

test('bookings and orders ride the journal: a crash before any checkpoint keeps them', async () => {
  const store = await open(work.dir);
  store.update(fill);
  const expected = structuredClone(pick(store.data));
  await store.flush();
  // Deliberately not closed, as after a crash.
  const second = await open(work.dir);
  expect(pick(second.data)).toEqual(expected);
  await second.close();
  await store.close().catch(() => undefined);
});

test('bookings and orders are written into janela.json at close and read back', async () => {
  const store = await open(work.dir);
  store.update(fill);
  const expected = structuredClone(pick(store.data));
  await store.close();
  const onDisk = decodeStoreDocument(readFileSync(path.join(work.dir, 'janela.json')));
  expect(onDisk.ok && pick(onDisk.data)).toEqual(expected);
  const again = await open(work.dir);
  expect(pick(again.data)).toEqual(expected);
  await again.close();
});

test('a janela.json from before bookings and orders reads with empty collections and default settings', async () => {
  const store = await open(work.dir);
  await store.close();
  const file = path.join(work.dir, 'janela.json');
  const decoded = decodeStoreDocument(readFileSync(file));
  if (!decoded.ok) throw new Error(decoded.problem);
  const before = Object.fromEntries(
    Object.entries(decoded.data).filter(([key]) => !(keys as readonly string[]).includes(key)),
  );
  const parts = await encodeStoreDocument(before as unknown as StoreData, 0);
  writeFileSync(file, Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))));
  expect(readFileSync(file, 'utf8')).not.toContain('deliveryAddresses');
  const old = await open(work.dir);
  expect(old.loadNotices).toEqual([]);
  expect(old.data.bookings).toEqual([]);
  expect(old.data.orders).toEqual([]);
  expect(old.data.deliveryAddresses).toEqual({});
  expect(old.data.orderStatusTemplates).toEqual({});
  expect(old.data.agendaSettings).toEqual({
    maxDaysAhead: 30,
    minNoticeMin: 120,
    slotStepMin: 30,
    capacity: 1,
    reminderBeforeMin: 1440,
  });
  expect(old.data.orderSettings).toEqual({ delivery: false, pickup: true, deliveryFeeCents: 0, minimumOrderCents: 0 });
  await old.close();
});
