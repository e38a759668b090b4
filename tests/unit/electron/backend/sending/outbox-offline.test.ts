/**
 * Offline sending (issue 16, item 7): like WhatsApp's clock icon, a reply written while the
 * connection is down waits in the outbox, goes out once on reconnect, and fails with the reason
 * when the 24-hour window closed meanwhile.
 */
import { afterEach, expect, test } from 'vitest';
import { createManualClock } from '../manual-clock';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { Outbox } from '../../../../../electron/backend/sending/outbox';
import type { JanelaStore, StoredMessage } from '../../../../../electron/backend/store/store-types';
import { errorCodeOf } from '../../../../../shared/contract';
import { contact, chatIdOf, open, start, tempDataDir } from '../store/store-fixtures';

const HOUR = 3_600_000;
const chat = chatIdOf(1);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function world(dataDir = tempDataDir(), clock = createManualClock(start)) {
  const store = await open(dataDir.dir, { clock });
  if (!store.data.contacts[chat]) store.update((data) => void (data.contacts[chat] = contact(1)));
  const gateway = new SimulatedGateway({ clock, ackDelaysMs: [5, null, null] });
  await gateway.start();
  const seen: StoredMessage[] = [];
  const outbox = new Outbox({
    store,
    clock,
    gateway: () => gateway,
    settings: () => ({ ...store.data.settings, sendIntervalMs: 0 }),
    onMessage: (message) => seen.push(message),
    onContact: () => undefined,
    log: () => undefined,
  });
  gateway.on('ack', ({ chatId, waId, status }) => outbox.applyAck(chatId, waId, status));
  cleanups.push(async () => {
    outbox.close();
    await gateway.stop();
    await store.close();
  });
  return { store, gateway, outbox, clock, dataDir, seen };
}

function statusOf(store: JanelaStore, id: string) {
  return store.getMessage(chat, id)?.status;
}

test('offline, a reply is queued as pending with no attempt, and goes out once on reconnect', async () => {
  const dir = tempDataDir();
  cleanups.push(dir.remove);
  const w = await world(dir);
  w.gateway.setConnection(false);
  const queued = w.outbox.send(chat, 'Separei para você!');
  expect(queued.status).toBe('pending');
  w.outbox.kick();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(w.gateway.sent).toEqual([]);
  expect(w.store.data.outbox).toMatchObject([{ messageId: queued.id, attemptedAt: null }]);

  w.gateway.setConnection(true);
  w.outbox.kick();
  // A second kick (a reconnect reported twice) must not send a second copy.
  w.outbox.kick();
  await expect.poll(() => statusOf(w.store, queued.id)).toBe('sent');
  expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Separei para você!']);
  expect(w.store.data.outbox).toEqual([]);
});

test('a reply queued offline survives a restart as never attempted, and is sent (not looked up) after it', async () => {
  const dir = tempDataDir();
  cleanups.push(dir.remove);
  const clock = createManualClock(start);
  const first = await world(dir, clock);
  first.gateway.setConnection(false);
  const queued = first.outbox.send(chat, 'Chega amanhã');
  await first.store.flush();
  for (const cleanup of cleanups.splice(1)) await cleanup();

  const second = await world(dir, clock);
  // Never handed to WhatsApp: nothing to be uncertain about.
  expect(statusOf(second.store, queued.id)).toBe('pending');
  let lookups = 0;
  const findSent = second.gateway.findSent.bind(second.gateway);
  second.gateway.findSent = (...args) => {
    lookups++;
    return findSent(...args);
  };
  second.outbox.kick();
  await expect.poll(() => statusOf(second.store, queued.id)).toBe('sent');
  expect(lookups).toBe(0);
  expect(second.gateway.sent.map((sent) => sent.text)).toEqual(['Chega amanhã']);
});

test('the window closes while offline: on reconnect the reply fails with the reason and is never sent', async () => {
  const dir = tempDataDir();
  cleanups.push(dir.remove);
  const w = await world(dir);
  w.gateway.setConnection(false);
  const queued = w.outbox.send(chat, 'Ainda tem?');
  w.clock.advance(24 * HOUR);
  w.gateway.setConnection(true);
  w.outbox.kick();
  await expect.poll(() => statusOf(w.store, queued.id)).toBe('failed');
  expect(w.store.getMessage(chat, queued.id)?.failureReason).toBe('window-closed');
  expect(w.seen.at(-1)).toMatchObject({ id: queued.id, status: 'failed', failureReason: 'window-closed' });
  expect(w.gateway.sent).toEqual([]);
  expect(w.store.data.outbox).toEqual([]);
});

test('with no phone linked (QR on screen), a reply is refused rather than left waiting for nothing', async () => {
  const dir = tempDataDir();
  cleanups.push(dir.remove);
  const w = await world(dir);
  w.gateway.showStatus({ state: 'qr', qr: 'qr-data' });
  expect(() => w.outbox.send(chat, 'Oi')).toThrow();
  try {
    w.outbox.send(chat, 'Oi');
  } catch (error) {
    expect(errorCodeOf(error)).toBe('not-connected');
  }
  expect(w.store.data.outbox).toEqual([]);
});
