/** sendText, acks, a send cut off by a lost connection and findSent after the reconnect. */
import { describe, expect, it, vi } from 'vitest';
import { GatewayDisconnectedError } from '../../../../../../electron/backend/gateways/gateway';
import { gatewayHarness, T0, useFakeGatewayTimers } from './gateway-harness';
import { rawMessage } from './wa-structures';

const MARIA = '5511987654321@c.us';
let harness: ReturnType<typeof gatewayHarness>;

useFakeGatewayTimers(() => harness);

async function connected(overrides: Parameters<typeof gatewayHarness>[0] = {}) {
  harness = gatewayHarness(overrides);
  harness.world.linked = true;
  harness.world.addMessage(rawMessage({ chat: MARIA, body: 'Oi', t: T0 / 1000 - 60 }));
  await harness.gateway.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(harness.gateway.status().state).toBe('connected');
  return harness;
}

describe('sendText', () => {
  it('hands the text to WhatsApp and answers with its id; the own message is not emitted twice', async () => {
    const h = await connected();
    const { waId } = await h.gateway.sendText(MARIA, 'Temos sim!');
    expect(h.world.delivered).toEqual([{ chatId: MARIA, text: 'Temos sim!', waId }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.messages.filter((message) => message.waId === waId)).toEqual([
      expect.objectContaining({ fromMe: true, status: 'pending' }),
    ]);
  });

  it('follows the acks: pending → sent → delivered → read (3 and 4), or failed', async () => {
    const h = await connected();
    const { waId } = await h.gateway.sendText(MARIA, 'Pedido pronto');
    const raw = h.world.chats.get(MARIA)?.messages.find((message) => message.id._serialized === waId);
    if (!raw) throw new Error('sent message not recorded');
    for (const ack of [0, 1, 2, 3, 4, -1]) h.client().ack(raw, ack);
    h.client().ack(rawMessage({ chat: MARIA, body: 'não é nosso', t: T0 / 1000 }), 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.acks).toEqual(
      ['pending', 'sent', 'delivered', 'read', 'read', 'failed'].map((status) => ({ waId, chatId: MARIA, status })),
    );
  });

  it('refuses with GatewayDisconnectedError while not connected', async () => {
    harness = gatewayHarness();
    await harness.gateway.start();
    await expect(harness.gateway.sendText(MARIA, 'x')).rejects.toBeInstanceOf(GatewayDisconnectedError);
    expect(harness.client().calls).not.toContain('sendMessage');
  });

  it('a send cut off by a disconnect rejects as uncertain; findSent after the reconnect finds it, so nothing is sent twice', async () => {
    const h = await connected();
    let release = (): void => undefined;
    h.client().controls.sendGate = new Promise<void>((resolve) => (release = resolve));
    const since = h.clock.now();
    const sending = h.gateway.sendText(MARIA, 'Seu pedido saiu');
    const outcome = expect(sending).rejects.toBeInstanceOf(GatewayDisconnectedError);
    h.client().emit('disconnected', 'NAVIGATION');
    await outcome;
    release();
    await expect(h.gateway.findSent(MARIA, 'Seu pedido saiu', since)).rejects.toBeInstanceOf(GatewayDisconnectedError);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.gateway.status().state).toBe('connected');
    const found = await h.gateway.findSent(MARIA, 'Seu pedido saiu', since);
    expect(found).toEqual({ waId: h.world.delivered[0]?.waId, status: 'pending' });
    expect(await h.gateway.findSent(MARIA, 'Seu pedido saiu', since)).toEqual(found);
    expect(h.world.delivered).toHaveLength(1);
  });

  it('findSent says null when the cut-off send never reached WhatsApp, or when only an older identical reply exists', async () => {
    const h = await connected();
    h.world.addMessage(rawMessage({ chat: MARIA, fromMe: true, body: 'Obrigado!', t: T0 / 1000 - 600 }));
    h.client().controls.sendReachesServer = false;
    h.client().controls.sendGate = new Promise<void>(() => undefined);
    const since = h.clock.now();
    const sending = h.gateway.sendText(MARIA, 'Obrigado!');
    const outcome = expect(sending).rejects.toBeInstanceOf(GatewayDisconnectedError);
    h.client().pupBrowser?.crash();
    await outcome;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await h.gateway.findSent(MARIA, 'Obrigado!', since)).toBeNull();
  });

  it('a send WhatsApp never answers becomes uncertain after the send timeout', async () => {
    const h = await connected({ sendTimeoutMs: 10_000 });
    h.client().controls.sendGate = new Promise<void>(() => undefined);
    const outcome = expect(h.gateway.sendText(MARIA, 'x')).rejects.toBeInstanceOf(GatewayDisconnectedError);
    await vi.advanceTimersByTimeAsync(10_000);
    await outcome;
  });

  it('findSent does not claim a message another send already got', async () => {
    const h = await connected();
    const since = h.clock.now();
    await h.gateway.sendText(MARIA, 'Ok!');
    expect(await h.gateway.findSent(MARIA, 'Ok!', since)).toBeNull();
  });
});

describe('requestPairingCode', () => {
  it('asks the page for a code with the digits of the phone and shows it', async () => {
    harness = gatewayHarness();
    await harness.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(await harness.gateway.requestPairingCode('+55 (11) 98765-4321')).toBe('ABCD1234');
    expect(harness.client().calls).toContain('requestPairingCode:5511987654321');
    expect(harness.gateway.status()).toEqual({ state: 'pairing-code', code: 'ABCD1234' });
  });

  it('refuses once connected, and refuses a number that is not one', async () => {
    const h = await connected();
    await expect(h.gateway.requestPairingCode('5511987654321')).rejects.toThrow(/link screen/);
    await expect(h.gateway.requestPairingCode('12')).rejects.toThrow();
  });
});
