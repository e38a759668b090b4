/** One browser host over a simulated session in a temp folder, closed after each test. */
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openAppSession, type AppSession } from '../../../../electron/backend/app-session';
import { createClock } from '../../../../electron/backend/clock';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../../../electron/host/browser-host';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function httpCall(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const running: { host: BrowserHost; session: AppSession }[] = [];

export async function startHost(
  testControl: boolean,
  extra: Partial<BrowserHostOptions> = {},
): Promise<{ host: BrowserHost; session: AppSession; port: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'janela-host-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Janela</title>');
  const session = await openAppSession({
    dataDir,
    mode: 'simulated',
    clock: createClock(),
    timeZone: 'America/Sao_Paulo',
    log: () => undefined,
    createRealGateway: () => {
      throw new Error('not in this test');
    },
  });
  const host = await startBrowserHost({ session, rendererDir, port: 0, testControl, log: () => undefined, ...extra });
  running.push({ host, session });
  return { host, session, port: host.port };
}

afterEach(async () => {
  for (const { host, session } of running.splice(0)) {
    await host.close();
    await session.close();
  }
});
