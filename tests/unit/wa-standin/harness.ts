/**
 * Runs the real whatsapp-web.js Client (Debian's chromium, LocalAuth in a temp folder) against a
 * stand-in, and cleans up every browser it started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WAWebJS from 'whatsapp-web.js';
import type { StandIn } from '../../wa-standin/index';

const { Client, LocalAuth } = WAWebJS;
export type WaClient = InstanceType<typeof Client>;

const authDirs: string[] = [];
const clients = new Set<WaClient>();

export function newAuthDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-standin-auth-'));
  authDirs.push(dir);
  return dir;
}

export function createClient(standIn: StandIn, authDir = newAuthDir()): WaClient {
  const client = new Client({
    authStrategy: new LocalAuth({ dataPath: authDir }),
    webVersionCache: { type: 'none' },
    puppeteer: {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...standIn.browserArgs,
      ],
    },
  });
  clients.add(client);
  return client;
}

/** Resolves with the arguments of the next `event` for which `accept` holds. */
export function nextEvent<T extends unknown[]>(
  client: WaClient,
  event: string,
  accept: (...args: T) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = (...args: unknown[]): void => {
      if (!accept(...(args as T))) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args as T);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener);
  });
}

/** Starts a client and resolves once it is ready; scans the QR when one is shown. */
export async function startClient(standIn: StandIn, authDir?: string): Promise<{ client: WaClient; qrs: string[] }> {
  const client = createClient(standIn, authDir);
  const qrs: string[] = [];
  const scanFirstQr = (qr: string): void => {
    qrs.push(qr);
    if (qrs.length === 1) void standIn.control.scan();
  };
  client.on('qr', scanFirstQr);
  const ready = nextEvent(client, 'ready', () => true, 40_000);
  void client.initialize().catch(() => undefined);
  await ready;
  // Only the start-up QR is scanned by itself; later ones belong to the test.
  client.off('qr', scanFirstQr);
  return { client, qrs };
}

/** Closes the browser; if it has not exited a few seconds later, ends the process the library
 * started (never by name). Waiting matters: a killed browser loses unflushed localStorage. */
export async function destroyClient(client: WaClient): Promise<void> {
  clients.delete(client);
  const browserProcess = client.pupBrowser?.process();
  await client.destroy().catch(() => undefined);
  if (!browserProcess) return;
  const exited = (): boolean => browserProcess.exitCode !== null || browserProcess.signalCode !== null;
  for (let waited = 0; !exited() && waited < 5_000; waited += 50) await sleep(50);
  if (!exited()) browserProcess.kill('SIGKILL');
}

/** After `disconnected` the library closes its browser by itself; wait for that, so a test's own
 * destroy does not race it. */
export async function browserClosed(client: WaClient, timeoutMs = 15_000): Promise<void> {
  for (let waited = 0; client.pupBrowser?.connected && waited < timeoutMs; waited += 50) await sleep(50);
}

export async function destroyAllClients(): Promise<void> {
  await Promise.all([...clients].map((client) => destroyClient(client)));
  for (const dir of authDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
