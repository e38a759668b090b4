/** QR → authenticated → ready → catch-up, driven through a fake Client. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gatewayHarness, T0, useFakeGatewayTimers } from './gateway-harness';
import { rawMessage } from './wa-structures';

const MARIA = '5511987654321@c.us';
const JOAO = '5521912345678@c.us';
const ANA = '5531955554444@c.us';
const GROUP = '120363012345678901@g.us';
const HOUR = 3_600_000;
const sec = (ms: number) => Math.floor(ms / 1000);

let harness: ReturnType<typeof gatewayHarness>;

useFakeGatewayTimers(() => harness);
beforeEach(() => {
  harness = gatewayHarness();
});

/** A phone with history: one chat read on the phone, one unread, one too old, one group. */
function seedHistory(h: typeof harness) {
  h.settings.lastSyncAt = T0 - 3 * HOUR;
  h.world.addContact(MARIA, { name: 'Maria Bolos' });
  h.world.addMessage(rawMessage({ chat: MARIA, body: 'antes do último sync', t: sec(T0 - 5 * HOUR) }));
  h.world.addMessage(rawMessage({ chat: MARIA, body: 'chegou com o PC desligado', t: sec(T0 - 2 * HOUR) }));
  h.world.addMessage(
    rawMessage({ chat: MARIA, fromMe: true, body: 'respondido no celular', t: sec(T0 - HOUR), ack: 3 }),
  );
  const maria = h.world.chats.get(MARIA);
  if (maria) maria.raw.unreadCount = 0; // read on the phone
  h.world.addMessage(rawMessage({ chat: JOAO, body: 'não lida', t: sec(T0 - 30 * 60_000), notifyName: 'João' }));
  h.world.addMessage(rawMessage({ chat: ANA, body: 'velha', t: sec(T0 - 48 * HOUR) }));
  h.world.addMessage(rawMessage({ chat: GROUP, author: MARIA, body: 'grupo', t: sec(T0 - HOUR) }));
}

describe('login', () => {
  it('goes starting → qr (rotated) → authenticating → loading → connected', async () => {
    const h = harness;
    expect(h.gateway.status()).toEqual({ state: 'starting' });
    await h.gateway.start();
    expect(h.statuses).toEqual([{ state: 'qr', qr: expect.stringContaining('qr-0-1') }]);
    h.client().rotateQr();
    expect(h.gateway.status()).toEqual({ state: 'qr', qr: expect.stringContaining('qr-0-2') });
    h.client().scan();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.states()).toEqual(['qr', 'qr', 'authenticating', 'loading', 'connected']);
    expect(h.statuses[3]).toEqual({ state: 'loading', percent: 50 });
    expect(h.gateway.status()).toEqual({ state: 'connected', since: T0 });
    expect(h.client().calls.filter((call) => call === 'initialize')).toHaveLength(1);
  });
});

describe('catch-up on ready', () => {
  it('brings in what arrived since the last sync, read-on-phone chats included, then says synced', async () => {
    const h = harness;
    seedHistory(h);
    h.world.linked = true;
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.messages.map((message) => [message.chatId, message.text, message.fromMe])).toEqual(
      expect.arrayContaining([
        [MARIA, 'chegou com o PC desligado', false],
        [MARIA, 'respondido no celular', true],
        [JOAO, 'não lida', false],
      ]),
    );
    expect(h.messages).toHaveLength(3);
    expect(h.messages.every((message) => message.catchUp === true)).toBe(true);
    expect(h.messages.find((message) => message.chatId === MARIA && !message.fromMe)).toMatchObject({
      contactName: 'Maria Bolos',
      at: T0 - 2 * HOUR,
    });
    expect(h.messages.find((message) => message.fromMe)).toMatchObject({ status: 'read' });
    expect(h.messages.find((message) => message.chatId === JOAO)?.contactName).toBe('João');
    expect(h.synced).toEqual([T0]);
  });

  it('changes nothing when it runs twice', async () => {
    const h = harness;
    seedHistory(h);
    h.world.linked = true;
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = h.messages.map((message) => message.waId).sort();
    h.settings.lastSyncAt = T0 - 3 * HOUR; // as if the first sync had not been saved
    h.client().emit('ready');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.synced).toHaveLength(2);
    expect(h.messages.map((message) => message.waId).sort()).toEqual(first);
  });

  it('reads back a busy chat page after page until it reaches the last sync', async () => {
    const h = harness;
    h.settings.lastSyncAt = T0 - 10 * HOUR;
    for (let i = 0; i < 130; i++)
      h.world.addMessage(rawMessage({ chat: MARIA, body: `m${i}`, t: sec(T0 - 9 * HOUR) + i }));
    h.world.linked = true;
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.messages).toHaveLength(130);
    expect(h.messages[0]?.text).toBe('m0');
    expect(h.messages.at(-1)?.text).toBe('m129');
  });

  it('reads a week back on the first link', async () => {
    const h = harness;
    h.world.addMessage(rawMessage({ chat: MARIA, body: 'seis dias', t: sec(T0 - 6 * 24 * HOUR) }));
    h.world.addMessage(rawMessage({ chat: JOAO, body: 'oito dias', t: sec(T0 - 8 * 24 * HOUR) }));
    h.world.linked = true;
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.messages.map((message) => message.text)).toEqual(['seis dias']);
  });

  it('does not say synced when a chat could not be read, so nothing is skipped next time', async () => {
    const h = harness;
    seedHistory(h);
    h.world.failFetchFor = MARIA;
    h.world.linked = true;
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.messages.map((message) => message.text)).toEqual(['não lida']);
    expect(h.synced).toEqual([]);
  });
});
