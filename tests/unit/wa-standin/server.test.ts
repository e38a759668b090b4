import { get } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpControl, startStandIn } from '../../wa-standin/index';
import type { StandIn } from '../../wa-standin/index';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn.close();
});

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('stand-in server (no browser)', () => {
  it('serves the page over HTTPS with the boot settings and the page script', async () => {
    const page = await fetchText(standIn.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('window.__STANDIN_BOOT__ = {"version":"2.3000.1017054665"');
    expect(page.body).toContain('window.require = (name) =>');
    expect((await fetchText(`${standIn.url}favicon.ico`)).status).toBe(404);
  });

  it('gives the browser arguments and the app’s test-hook environment', () => {
    expect(standIn.browserArgs).toEqual([
      `--host-resolver-rules=MAP web.whatsapp.com 127.0.0.1:${standIn.port}`,
      '--ignore-certificate-errors',
    ]);
    expect(standIn.env).toEqual({ JANELA_WA_BROWSER_ARGS: standIn.browserArgs.join(' '), JANELA_WA_WEB_CACHE: 'none' });
  });

  it('is driven over HTTP from another process with the same method names', async () => {
    const remote = httpControl(standIn.url);
    await remote.seedChats([
      { id: '5511911111111@c.us', pushname: 'Ana', messages: [{ text: 'oi', at: Date.UTC(2025, 0, 1) }] },
    ]);
    const id = await remote.inbound({ from: '5511911111111@c.us', name: 'Ana', text: 'tem pão?' });
    const chat = await remote.chat('5511911111111@c.us');
    expect(chat?.messages.map((m) => [m.id === id, m.body])).toEqual([
      [false, 'oi'],
      [true, 'tem pão?'],
    ]);
    expect(chat?.unreadCount).toBe(2);
    expect(await remote.received()).toEqual([]);
    await expect(remote.waitForQr(50)).rejects.toThrow(/timed out/);
    await expect((remote as unknown as { close(): Promise<unknown> }).close()).rejects.toThrow(/no control method/);
  });
});
