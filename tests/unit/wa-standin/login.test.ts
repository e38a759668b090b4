import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn } from '../../wa-standin/index';
import type { StandIn } from '../../wa-standin/index';
import { createClient, destroyAllClients, destroyClient, newAuthDir, nextEvent } from './harness';
import type { WaClient } from './harness';

// Launching a browser is the slow part, so these tests run in order and hand the linked session
// (its LocalAuth folder) from one to the next.
let standIn: StandIn;
const authDir = newAuthDir();
let linked: WaClient | null = null;

beforeAll(async () => {
  standIn = await startStandIn({ qrRotateMs: 0 });
});
afterAll(async () => {
  await destroyAllClients();
  await standIn.close();
}, 30_000);

describe('stand-in login with the real whatsapp-web.js Client', { timeout: 90_000 }, () => {
  it('shows a QR, rotates it, and after the scan goes authenticated → ready', async () => {
    const client = createClient(standIn, authDir);
    const events: string[] = [];
    client.on('qr', () => events.push('qr'));
    client.on('authenticated', () => events.push('authenticated'));
    const firstQr = nextEvent<[string]>(client, 'qr');
    const ready = nextEvent(client, 'ready', () => true, 40_000);
    void client.initialize().catch(() => undefined);

    const [qr] = await firstQr;
    const ref = await standIn.control.waitForQr();
    expect(qr.startsWith(`${ref},`)).toBe(true);
    expect(qr.split(',')).toHaveLength(5);

    // The library may repeat the current QR (page timing); wait for the one with the new ref.
    const rotated = nextEvent<[string]>(client, 'qr', (next) => !next.startsWith(`${ref},`));
    standIn.control.rotateQr();
    const [secondQr] = await rotated;
    expect(secondQr).not.toBe(qr);
    // The page tells the stand-in's server over its own channel, which may lag the library's event.
    await expect.poll(() => standIn.control.qrCodes()).toHaveLength(2);

    await standIn.control.scan();
    await ready;
    events.push('ready');
    expect(events.filter((event) => event !== 'qr')).toEqual(['authenticated', 'ready']);
    expect(events.indexOf('authenticated')).toBeGreaterThanOrEqual(2);
    expect(client.info.wid._serialized).toBe('5511900000000@c.us');
    expect(client.info.pushname).toBe('Loja Teste');
    expect(await client.getState()).toBe('CONNECTED');
    expect(standIn.control.isLinked()).toBe(true);
    linked = client;
  });

  it('restores the linked session from the same LocalAuth folder without a QR', async () => {
    expect(linked).not.toBeNull();
    if (linked) await destroyClient(linked);

    const again = createClient(standIn, authDir);
    let qrShown = false;
    again.on('qr', () => {
      qrShown = true;
    });
    const authenticated = nextEvent(again, 'authenticated');
    const ready = nextEvent(again, 'ready', () => true, 40_000);
    void again.initialize().catch(() => undefined);
    await authenticated;
    await ready;
    expect(qrShown).toBe(false);
    expect(standIn.control.pages().filter((p) => p.linked)).toHaveLength(1);
  });

  it('a different LocalAuth folder is another device: it gets a QR, or a pairing code for a phone number', async () => {
    const other = createClient(standIn, newAuthDir());
    const qr = nextEvent(other, 'qr');
    void other.initialize().catch(() => undefined);
    await qr;
    await standIn.control.waitForPage({ showingQr: true, injected: true });
    const code = await other.requestPairingCode('5511988887777');
    expect(code).toMatch(/^[0-9A-F]{8}$/);
    // The page reports the code over its own socket, the library gets it over the DevTools
    // protocol: two channels, so the report may land a moment after the call resolves.
    await expect.poll(() => standIn.control.pairingCodes()).toEqual([{ code, phoneNumber: '5511988887777' }]);
  });

  it('upgrade canary: on these paths the library asked only for modules the stand-in provides or lists as optional', () => {
    expect(standIn.control.unknownModules()).toEqual([]);
  });
});
