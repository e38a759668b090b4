import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn } from '../../wa-standin/index';
import type { StandIn } from '../../wa-standin/index';
import { createClient, destroyAllClients, destroyClient, newAuthDir, nextEvent, startClient } from './harness';

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ qrRotateMs: 0 });
});
afterEach(async () => {
  await destroyAllClients();
  standIn.control.reset();
}, 30_000);
afterAll(async () => {
  await standIn.close();
});

describe('stand-in login with the real whatsapp-web.js Client', { timeout: 90_000 }, () => {
  it('shows a QR, rotates it, and after the scan goes authenticated → ready', async () => {
    const client = createClient(standIn);
    const events: string[] = [];
    const qrs: string[] = [];
    client.on('qr', (qr: string) => {
      qrs.push(qr);
      events.push('qr');
    });
    client.on('authenticated', () => events.push('authenticated'));
    const firstQr = nextEvent<[string]>(client, 'qr');
    const ready = nextEvent(client, 'ready', () => true, 20_000);
    void client.initialize().catch(() => undefined);

    const [qr] = await firstQr;
    const ref = await standIn.control.waitForQr();
    expect(qr.startsWith(`${ref},`)).toBe(true);
    expect(qr.split(',')).toHaveLength(5);

    const rotated = nextEvent<[string]>(client, 'qr');
    standIn.control.rotateQr();
    const [secondQr] = await rotated;
    expect(secondQr).not.toBe(qr);

    await standIn.control.scan();
    await ready;
    events.push('ready');
    expect(events).toEqual(['qr', 'qr', 'authenticated', 'ready']);
    expect(client.info.wid._serialized).toBe('5511900000000@c.us');
    expect(client.info.pushname).toBe('Loja Teste');
    expect(await client.getState()).toBe('CONNECTED');
    expect(standIn.control.isLinked()).toBe(true);
  });

  it('restores the linked session from the same LocalAuth folder without a QR', async () => {
    const authDir = newAuthDir();
    const first = await startClient(standIn, authDir);
    expect(first.qrs).toHaveLength(1);
    await destroyClient(first.client);

    const again = createClient(standIn, authDir);
    let qrShown = false;
    again.on('qr', () => {
      qrShown = true;
    });
    const authenticated = nextEvent(again, 'authenticated');
    const ready = nextEvent(again, 'ready', () => true, 20_000);
    void again.initialize().catch(() => undefined);
    await authenticated;
    await ready;
    expect(qrShown).toBe(false);
    expect(standIn.control.pages().filter((p) => p.linked)).toHaveLength(1);
  });

  it('a different LocalAuth folder is a different device and needs its own QR', async () => {
    await startClient(standIn);
    const other = createClient(standIn);
    const qr = nextEvent<[string]>(other, 'qr');
    void other.initialize().catch(() => undefined);
    await expect(qr).resolves.toHaveLength(1);
  });

  it('hands out a pairing code for linking with a phone number', async () => {
    const client = createClient(standIn);
    const qr = nextEvent(client, 'qr');
    void client.initialize().catch(() => undefined);
    await qr;
    const code = await client.requestPairingCode('5511988887777');
    expect(code).toMatch(/^[0-9A-F]{8}$/);
    expect(standIn.control.pairingCodes()).toEqual([{ code, phoneNumber: '5511988887777' }]);
  });
});
