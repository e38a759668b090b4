import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WAWebJS from 'whatsapp-web.js';
import { startStandIn } from '../../wa-standin/index';
import type { StandIn } from '../../wa-standin/index';
import { browserClosed, destroyAllClients, destroyClient, newAuthDir, nextEvent, sleep, startClient } from './harness';
import type { WaClient } from './harness';

const ANA = '5511911111111@c.us';

// Launching a browser is the slow part, so these tests run in order and share the linked client
// (and its LocalAuth folder); a test that ends the client starts the next one.
let standIn: StandIn;
const authDir = newAuthDir();
let client: WaClient;

beforeAll(async () => {
  standIn = await startStandIn({ qrRotateMs: 0, autoAck: { upTo: 3, stepMs: 30 } });
  ({ client } = await startClient(standIn, authDir));
}, 60_000);
afterAll(async () => {
  await destroyAllClients();
  await standIn.close();
}, 30_000);

function recordStates(of: WaClient): { states: string[]; disconnects: string[] } {
  const seen = { states: [] as string[], disconnects: [] as string[] };
  of.on('change_state', (state: string) => seen.states.push(state));
  of.on('disconnected', (reason: string) => seen.disconnects.push(reason));
  return seen;
}

describe('stand-in connection states with the real whatsapp-web.js Client', { timeout: 90_000 }, () => {
  it('TIMEOUT is reported through change_state, recovers to CONNECTED, and the client keeps working', async () => {
    const seen = recordStates(client);
    const connected = nextEvent(client, 'change_state', (state) => state === 'CONNECTED');
    standIn.control.setState('TIMEOUT', { recoverAfterMs: 100 });
    await connected;
    expect(seen.states).toEqual(['TIMEOUT', 'OPENING', 'CONNECTED']);
    expect(seen.disconnects).toEqual([]);
    const message = nextEvent<[WAWebJS.Message]>(client, 'message');
    standIn.control.inbound({ from: ANA, text: 'ainda aí?' });
    expect((await message)[0].body).toBe('ainda aí?');
  });

  it('survives a page reload: ready again, and messages still arrive', async () => {
    const readyAgain = nextEvent(client, 'ready', () => true, 40_000);
    standIn.control.reload();
    await readyAgain;
    const message = nextEvent<[WAWebJS.Message]>(client, 'message');
    standIn.control.inbound({ from: ANA, text: 'depois do reload' });
    expect((await message)[0].body).toBe('depois do reload');
  });

  it('a connection lost mid-send before the server took it: sendMessage rejects, nothing received, not in history', async () => {
    standIn.control.dropConnectionDuringNextSend({ received: false, then: 'reload' });
    const readyAgain = nextEvent(client, 'ready', () => true, 40_000);
    await expect(client.sendMessage(ANA, 'perdido')).rejects.toThrow();
    await readyAgain;
    expect(standIn.control.received()).toEqual([]);
    const history = await (await client.getChatById(ANA)).fetchMessages({ limit: 20 });
    expect(history.map((m) => m.body)).toEqual(['ainda aí?', 'depois do reload']);
  });

  it('a connection lost mid-send that comes back by itself: the servers confirm the message they took, once', async () => {
    const acked = nextEvent<[WAWebJS.Message, number]>(
      client,
      'message_ack',
      (m, ack) => m.body === 'volta já' && ack === 1,
    );
    const states = recordStates(client);
    standIn.control.dropConnectionDuringNextSend({ received: true, then: 'timeout', recoverAfterMs: 200 });
    const send = client.sendMessage(ANA, 'volta já');
    send.catch(() => undefined);
    await acked;
    expect(states.states).toEqual(['TIMEOUT', 'OPENING', 'CONNECTED']);
    expect(standIn.control.received().filter((r) => r.text === 'volta já')).toHaveLength(1);
  });

  it('a connection lost mid-send after the server took it: sendMessage hangs, received exactly once, in history after reconnect', async () => {
    const timeout = nextEvent(client, 'change_state', (state) => state === 'TIMEOUT');
    standIn.control.dropConnectionDuringNextSend({ received: true, then: 'timeout' });
    const send = client.sendMessage(ANA, 'pedido confirmado');
    const outcome = await Promise.race([
      send.then(
        () => 'resolved',
        () => 'rejected',
      ),
      sleep(1000).then(() => 'pending'),
    ]);
    expect(outcome).toBe('pending');
    await timeout;
    expect(standIn.control.received().map((r) => [r.to, r.text])).toEqual([
      [ANA, 'volta já'],
      [ANA, 'pedido confirmado'],
    ]);
    await destroyClient(client);

    ({ client } = await startClient(standIn, authDir));
    const history = await (await client.getChatById(ANA)).fetchMessages({ limit: 20, fromMe: true });
    expect(history.map((m) => [m.body, m.ack >= 1])).toEqual([
      ['volta já', true],
      ['pedido confirmado', true],
    ]);
    expect(standIn.control.received()).toHaveLength(2);
  });

  it('CONFLICT disconnects the client; the link survives, so a new client restores without QR', async () => {
    const seen = recordStates(client);
    const disconnected = nextEvent<[string]>(client, 'disconnected');
    standIn.control.setState('CONFLICT');
    expect(await disconnected).toEqual(['CONFLICT']);
    expect(seen.states).toEqual(['CONFLICT']);
    await browserClosed(client);
    await destroyClient(client);

    const again = await startClient(standIn, authDir);
    expect(again.qrs).toEqual([]);
    client = again.client;
  });

  it('logout from the phone: disconnected LOGOUT, the library is back at a QR, and a new scan links it again', async () => {
    const disconnected = nextEvent<[string]>(client, 'disconnected');
    const qr = nextEvent(client, 'qr');
    standIn.control.logoutFromPhone();
    expect(await disconnected).toEqual(['LOGOUT']);
    await qr;
    expect(standIn.control.isLinked()).toBe(false);
    await standIn.control.waitForPage({ linked: false, showingQr: true, injected: true });

    const ready = nextEvent(client, 'ready', () => true, 40_000);
    await standIn.control.scan();
    await ready;
    expect(standIn.control.isLinked()).toBe(true);
  });

  it('UNPAIRED disconnects the client and unlinks: the next client shows a QR', async () => {
    const disconnected = nextEvent<[string]>(client, 'disconnected');
    standIn.control.setState('UNPAIRED');
    expect(await disconnected).toEqual(['UNPAIRED']);
    expect(standIn.control.isLinked()).toBe(false);
    await browserClosed(client);
    await destroyClient(client);

    const again = await startClient(standIn, authDir);
    expect(again.qrs).toHaveLength(1);
    client = again.client;
  });

  it('unlinking from the app (client.logout) removes the device on the phone', async () => {
    await client.logout();
    expect(standIn.control.isLinked()).toBe(false);
  });

  it('upgrade canary: on these paths the library asked only for modules the stand-in provides or lists as optional', () => {
    expect(standIn.control.unknownModules()).toEqual([]);
  });
});
