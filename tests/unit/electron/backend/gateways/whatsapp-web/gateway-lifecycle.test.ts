/** Every `disconnected` reason, the retry policy, the watchdog and initialize() failures, on fake Clients. */
import { describe, expect, it, vi } from 'vitest';
import { gatewayHarness, T0, useFakeGatewayTimers } from './gateway-harness';

let harness: ReturnType<typeof gatewayHarness>;

useFakeGatewayTimers(() => harness);

async function connectedHarness(overrides: Parameters<typeof gatewayHarness>[0] = {}) {
  harness = gatewayHarness(overrides);
  harness.world.linked = true;
  await harness.gateway.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(harness.gateway.status().state).toBe('connected');
  return harness;
}

describe('disconnected reasons', () => {
  it.each(['LOGOUT', 'UNPAIRED', 'UNPAIRED_IDLE'])(
    '%s: a fresh Client shows a new QR at once, with no retry loop',
    async (reason) => {
      const h = await connectedHarness();
      h.world.linked = false;
      h.client().emit('disconnected', reason);
      expect(h.gateway.status()).toEqual({ state: 'starting' });
      await vi.advanceTimersByTimeAsync(100);
      expect(h.clients).toHaveLength(2);
      expect(h.gateway.status()).toMatchObject({ state: 'qr' });
      expect(h.createdAfterDestroy).toEqual([true, true]);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(h.clients).toHaveLength(2);
      expect(h.states()).not.toContain('offline');
    },
  );

  it('stops trying new QRs when the phone unlinks again and again', async () => {
    const h = await connectedHarness();
    for (let i = 0; i < 4; i++) {
      h.client().scan();
      h.client().emit('disconnected', 'UNPAIRED');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(h.gateway.status()).toEqual({ state: 'disconnected', reason: 'UNPAIRED' });
    expect(h.clients).toHaveLength(4);
  });

  it.each(['TOS_BLOCK', 'SMB_TOS_BLOCK'])('%s: stops and says blocked', async (reason) => {
    const h = await connectedHarness();
    h.client().emit('disconnected', reason);
    expect(h.gateway.status()).toEqual({ state: 'blocked', reason });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(h.clients).toHaveLength(1);
    expect(h.client().destroyed).toBe(true);
  });

  it('DEPRECATED_VERSION: stops and says an update is needed', async () => {
    const h = await connectedHarness();
    h.client().emit('disconnected', 'DEPRECATED_VERSION');
    expect(h.gateway.status()).toEqual({ state: 'update-needed', reason: 'DEPRECATED_VERSION' });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(h.clients).toHaveLength(1);
  });

  it('CONFLICT: waits for the person, then reconnect() takes over', async () => {
    const h = await connectedHarness();
    h.client().emit('disconnected', 'CONFLICT');
    expect(h.gateway.status()).toEqual({ state: 'disconnected', reason: 'CONFLICT' });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(h.clients).toHaveLength(1);
    await h.gateway.reconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.clients).toHaveLength(2);
    expect(h.gateway.status().state).toBe('connected');
  });

  it.each(['TIMEOUT', 'NAVIGATION', 'PROXYBLOCK'])(
    '%s: offline with retryAt, then a fresh Client after the backoff',
    async (reason) => {
      const h = await connectedHarness();
      h.client().emit('disconnected', reason);
      expect(h.gateway.status()).toEqual({ state: 'offline', retryAt: T0 + 1_000, reason });
      await vi.advanceTimersByTimeAsync(999);
      expect(h.clients).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(h.clients).toHaveLength(2);
      expect(h.createdAfterDestroy).toEqual([true, true]);
      expect(h.gateway.status().state).toBe('connected');
      expect(h.clients.every((client) => client.calls.filter((call) => call === 'initialize').length === 1)).toBe(true);
    },
  );

  it('a crashed browser is replaced by a fresh Client', async () => {
    const h = await connectedHarness();
    h.client().pupBrowser?.crash();
    expect(h.gateway.status()).toMatchObject({ state: 'offline', reason: 'BROWSER_CLOSED' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.clients).toHaveLength(2);
    expect(h.clients[0]?.destroyed).toBe(true);
    expect(h.gateway.status().state).toBe('connected');
  });
});

describe('initialize() failures', () => {
  it('offline (net::ERR_NAME_NOT_RESOLVED) retries with exponential backoff, capped, reset by a success', async () => {
    harness = gatewayHarness();
    const h = harness;
    h.world.linked = true;
    for (let i = 0; i < 5; i++)
      h.world.initializeFailures.push(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/'));
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.gateway.status()).toEqual({
      state: 'offline',
      retryAt: T0 + 1_000,
      reason: 'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/',
    });
    for (const delay of [1_000, 2_000, 4_000, 8_000, 8_000]) await vi.advanceTimersByTimeAsync(delay);
    const retryDelays = h.statuses.flatMap((status) => (status.state === 'offline' ? [status.retryAt - T0] : []));
    expect(retryDelays).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(h.clients).toHaveLength(6);
    expect(h.gateway.status().state).toBe('connected');
    expect(h.createdAfterDestroy.every(Boolean)).toBe(true);
    h.client().emit('disconnected', 'TIMEOUT');
    expect(h.gateway.status()).toMatchObject({ retryAt: T0 + 1_000 });
  });

  it('handles a plain-string rejection, and after three inject failures in a row says an update is needed', async () => {
    harness = gatewayHarness();
    const h = harness;
    h.world.initializeFailures.push('auth timeout', 'ready timeout', 'auth timeout');
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.gateway.status()).toMatchObject({ state: 'offline', reason: 'auth timeout' });
    await vi.advanceTimersByTimeAsync(1_000 + 2_000);
    expect(h.gateway.status()).toEqual({ state: 'update-needed', reason: 'auth timeout' });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(h.clients).toHaveLength(3);
  });

  it('a browser that cannot start is reported, not retried', async () => {
    harness = gatewayHarness();
    const h = harness;
    h.world.initializeFailures.push(new Error('Failed to launch the browser process!\nspawn /usr/bin/chromium EACCES'));
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.gateway.status()).toEqual({
      state: 'disconnected',
      reason: 'BROWSER_FAILED: Failed to launch the browser process!',
    });
    expect(h.clients).toHaveLength(1);
  });

  it('no browser installed: says so and creates no Client; reconnect() looks again', async () => {
    let installed: string | null = null;
    harness = gatewayHarness({ detectBrowser: () => installed });
    const h = harness;
    await h.gateway.start();
    expect(h.gateway.status()).toEqual({ state: 'no-browser' });
    expect(h.clients).toHaveLength(0);
    installed = '/usr/bin/chromium';
    await h.gateway.reconnect();
    expect(h.clients).toHaveLength(1);
    expect(h.gateway.status().state).toBe('qr');
  });

  it('an initialize() that never settles is abandoned after its timeout', async () => {
    harness = gatewayHarness({ initializeTimeoutMs: 30_000 });
    const h = harness;
    h.world.initializeHangs = 1;
    await h.gateway.start();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(h.gateway.status()).toEqual({ state: 'starting' });
    await vi.advanceTimersByTimeAsync(1);
    expect(h.gateway.status()).toMatchObject({ state: 'offline', reason: 'INIT_TIMEOUT' });
    expect(h.client().destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.clients).toHaveLength(2);
    expect(h.gateway.status().state).toBe('qr');
  });
});

describe('watchdog', () => {
  it('replaces a client whose page stopped answering although no disconnected came', async () => {
    const h = await connectedHarness();
    h.client().controls.hung = true;
    await vi.advanceTimersByTimeAsync(5_000 + 2_000);
    expect(h.gateway.status()).toMatchObject({ state: 'offline', reason: 'WATCHDOG' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.clients).toHaveLength(2);
    expect(h.gateway.status().state).toBe('connected');
  });

  it('notices an unlinked phone without the disconnected event and shows a new QR', async () => {
    const h = await connectedHarness();
    h.world.linked = false;
    h.client().controls.state = 'UNPAIRED';
    await vi.advanceTimersByTimeAsync(5_000 + 100);
    expect(h.clients).toHaveLength(2);
    expect(h.gateway.status()).toMatchObject({ state: 'qr' });
  });

  it('lets WhatsApp Web ride out a short TIMEOUT, and catches up when it is back', async () => {
    const h = await connectedHarness();
    h.client().emit('change_state', 'TIMEOUT');
    expect(h.gateway.status()).toEqual({ state: 'offline', retryAt: T0 + 20_000, reason: 'TIMEOUT' });
    h.client().emit('change_state', 'CONNECTED');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.gateway.status()).toEqual({ state: 'connected', since: T0 });
    expect(h.synced).toHaveLength(2);
    expect(h.clients).toHaveLength(1);
  });

  it('replaces the client when TIMEOUT lasts longer than the grace period', async () => {
    const h = await connectedHarness();
    h.client().controls.state = 'TIMEOUT';
    h.client().emit('change_state', 'TIMEOUT');
    for (let i = 0; i < 3; i++) {
      h.clock.advance(5_000);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(h.gateway.status()).toEqual({ state: 'offline', retryAt: T0 + 20_000, reason: 'TIMEOUT' });
    h.clock.advance(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.client().destroyed).toBe(true);
    expect(h.gateway.status()).toEqual({ state: 'offline', retryAt: T0 + 20_000 + 1_000, reason: 'TIMEOUT' });
    expect(h.clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.clients).toHaveLength(2);
  });

  it('an expired QR (UNPAIRED_IDLE before login) waits for the person instead of cycling browsers', async () => {
    harness = gatewayHarness();
    const h = harness;
    await h.gateway.start();
    h.client().controls.state = 'UNPAIRED_IDLE';
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.gateway.status()).toEqual({ state: 'disconnected', reason: 'QR_EXPIRED' });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(h.clients).toHaveLength(1);
  });
});
