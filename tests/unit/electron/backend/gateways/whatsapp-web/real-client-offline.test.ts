/**
 * The real whatsapp-web.js Client with Debian's Chromium, on this machine without internet:
 * initialize() really fails with net::ERR_NAME_NOT_RESOLVED, and the gateway must report offline,
 * retry with backoff, keep its session where it belongs, and leave no browser behind on stop().
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../../../../shared/domain';
import { createClock } from '../../../../../../electron/backend/clock';
import type { ClientLike } from '../../../../../../electron/backend/gateways/whatsapp-web/client-like';
import { createWebClient } from '../../../../../../electron/backend/gateways/whatsapp-web/web-client';
import { createWhatsAppWebGateway } from '../../../../../../electron/backend/gateways/whatsapp-web/whatsapp-web-gateway';

const CHROMIUM = '/usr/bin/chromium';

/** Processes whose command line mentions `needle` (the profile folder): observed, never killed by name. */
function processesMentioning(needle: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Running, not a zombie: in a container whose init does not reap, exited orphans stay as zombies. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

async function until<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!existsSync(CHROMIUM))('real whatsapp-web.js Client, offline', () => {
  it('reports offline, retries with backoff, keeps the session private under the data folder, and leaves no browser after stop()', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'janela-real-wa-'));
    const clock = createClock();
    const clients: ClientLike[] = [];
    const statuses: ConnectionStatus[] = [];
    const cwdHadAuth = existsSync(path.join(process.cwd(), '.wwebjs_auth'));
    const cwdHadCache = existsSync(path.join(process.cwd(), '.wwebjs_cache'));
    const gateway = createWhatsAppWebGateway({
      dataDir,
      clock,
      browserPath: () => CHROMIUM,
      lastSyncAt: () => null,
      createClient: (options) => {
        const client = createWebClient(options);
        clients.push(client);
        return client;
      },
      retry: { baseMs: 300, maxMs: 600 },
      extraBrowserArgs: ['--lang=pt-BR'],
      log: () => undefined,
    });
    gateway.on('status', (status) => statuses.push(status));
    const offline = () => statuses.flatMap((status, index) => (status.state === 'offline' ? [{ status, index }] : []));
    const profile = path.join(dataDir, 'whatsapp', 'session', 'session-janela');
    const pids = new Set<number>();
    const browserCommandLines = new Set<string>();
    const watchPids = setInterval(() => {
      for (const client of clients) {
        const pid = client.pupBrowser?.process?.()?.pid;
        if (pid) pids.add(pid);
        if (pid) browserCommandLines.add(commandLineOf(pid));
      }
      for (const pid of processesMentioning(profile)) pids.add(pid);
    }, 20);
    try {
      const started = clock.now();
      await gateway.start();
      // About a second on an idle machine; much more when the machine is busy.
      const first = await until(() => offline()[0], 60_000);
      expect(clock.now() - started).toBeLessThan(60_000);
      expect(first.status).toMatchObject({
        state: 'offline',
        reason: expect.stringContaining('net::ERR_NAME_NOT_RESOLVED'),
      });
      const firstDelay = first.status.state === 'offline' ? first.status.retryAt : 0;
      expect(firstDelay - clock.now()).toBeLessThanOrEqual(300);

      const second = await until(() => offline()[1], 60_000);
      expect(clients.length).toBeGreaterThanOrEqual(2);
      // Backoff: the second wait is twice the first.
      const secondStatus = second.status;
      if (secondStatus.state !== 'offline') throw new Error('expected offline');
      const setAt = clock.now();
      expect(secondStatus.retryAt - setAt).toBeGreaterThan(300);
      expect(secondStatus.retryAt - setAt).toBeLessThanOrEqual(600);

      // The browser profile (the linked session) is where it should be, private, and really used.
      expect(statSync(profile).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dataDir, 'whatsapp', 'session')).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dataDir, 'whatsapp', 'web-cache')).mode & 0o777).toBe(0o700);
      expect(readdirSync(profile).length).toBeGreaterThan(0);
      expect(existsSync(path.join(process.cwd(), '.wwebjs_auth'))).toBe(cwdHadAuth);
      expect(existsSync(path.join(process.cwd(), '.wwebjs_cache'))).toBe(cwdHadCache);
      expect(pids.size).toBeGreaterThan(0);
      // Headless, the background-networking flags, the test hook's argument and the private profile.
      const commandLine = [...browserCommandLines].find((line) => line.includes('--user-data-dir')) ?? '';
      for (const flag of [
        '--headless',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--lang=pt-BR',
        `--user-data-dir=${profile}`,
      ]) {
        expect(commandLine).toContain(flag);
      }
      expect(commandLine.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
    } finally {
      await gateway.stop();
      clearInterval(watchPids);
    }
    expect(gateway.status()).toEqual({ state: 'disconnected', reason: 'STOPPED' });
    // Chromium's helper processes exit a moment after the browser process itself.
    await until(
      () =>
        processesMentioning(profile).filter(isAlive).length === 0 && [...pids].filter(isAlive).length === 0
          ? true
          : undefined,
      5_000,
    ).catch(() => undefined);
    expect(processesMentioning(profile).filter(isAlive)).toEqual([]);
    expect([...pids].filter(isAlive)).toEqual([]);
    const afterStop = clients.length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(clients.length).toBe(afterStop);
  }, 180_000);
});
