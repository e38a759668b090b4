import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from '../../../../electron/backend/app-session';
import { createClock } from '../../../../electron/backend/clock';
import { mediaAnswer } from '../../../../electron/backend/media/media-response';
import { openMediaStore } from '../../../../electron/backend/media/media-store';
import { mediaPathOf } from '../../../../electron/main/url-rules';
import { startBrowserHost, type BrowserHost } from '../../../../electron/host/browser-host';
import { SESSION_COOKIE } from '../../../../electron/host/request-guard';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const running: { host: BrowserHost; session: AppSession }[] = [];

async function startHost() {
  const dataDir = mkdtempSync(join(tmpdir(), 'janela-media-host-'));
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
  const host = await startBrowserHost({ session, rendererDir, port: 0, testControl: false, log: () => undefined });
  running.push({ host, session });
  const secret = new URL(host.url).searchParams.get('secret') ?? '';
  const stored = await session.mediaStore().put(Buffer.from('%PDF-1.4 price list'));
  if (stored.status !== 'ok') throw new Error('not stored');
  return { port: host.port, cookie: `${SESSION_COOKIE}=${secret}`, sha256: stored.sha256, dataDir };
}

afterEach(async () => {
  for (const { host, session } of running.splice(0)) {
    await host.close();
    await session.close();
  }
});

describe('the browser host’s media route', () => {
  it('serves a stored file to the authenticated page, with its type and name', async () => {
    const { port, cookie, sha256 } = await startHost();
    const reply = await get(port, `/media/${sha256}?type=application/pdf&name=tabela.pdf`, {
      host: `127.0.0.1:${port}`,
      cookie,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('%PDF-1.4 price list');
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['content-disposition']).toMatch(/^inline; filename="tabela.pdf"/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a page without the session, and another site', async () => {
    const { port, sha256 } = await startHost();
    expect((await get(port, `/media/${sha256}`, { host: `127.0.0.1:${port}` })).status).toBe(401);
    expect((await get(port, `/media/${sha256}`, { host: 'evil.example' })).status).toBe(403);
  });

  it('serves only files of the media folder, by a valid address', async () => {
    const { port, cookie } = await startHost();
    const headers = { host: `127.0.0.1:${port}`, cookie };
    for (const path of [
      '/media/../janela.json',
      '/media/..%2Fjanela.json',
      `/media/${'A'.repeat(64)}`,
      `/media/${'0'.repeat(64)}`,
      '/media/',
    ]) {
      const reply = await get(port, path, headers);
      expect(reply.status === 404 || !reply.body.toString().includes('"contacts"'), path).toBe(true);
      expect(reply.headers['content-type'], path).not.toBe('application/json');
    }
  });

  it('serves SVG and HTML as downloads only, never inline', async () => {
    const { port, cookie, sha256 } = await startHost();
    const headers = { host: `127.0.0.1:${port}`, cookie };
    for (const type of ['image/svg+xml', 'text/html', 'application/xhtml+xml']) {
      const reply = await get(port, `/media/${sha256}?type=${encodeURIComponent(type)}&name=x`, headers);
      expect(reply.headers['content-type']).toBe('application/octet-stream');
      expect(reply.headers['content-disposition']).toMatch(/^attachment;/);
      expect(reply.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    }
  });
});

describe('mediaAnswer (both shells)', () => {
  it('asks for a download with download=1', async () => {
    const media = await openMediaStore({ dataDir: mkdtempSync(join(tmpdir(), 'janela-ma-')), clock: createClock() });
    const stored = await media.put(Buffer.from('png'));
    if (stored.status !== 'ok') throw new Error('not stored');
    const answer = await mediaAnswer(
      media,
      `/media/${stored.sha256}`,
      new URLSearchParams({ type: 'image/png', name: '../../foto.png', download: '1' }),
    );
    expect(answer.headers['Content-Disposition']).toMatch(/^attachment; filename="foto.png"/);
    expect(answer.headers['Content-Type']).toBe('image/png');
  });
});

describe('the desktop app’s media scheme', () => {
  it('accepts only janela-media://file/media/<sha256>', () => {
    const sha = 'a'.repeat(64);
    expect(mediaPathOf(`janela-media://file/media/${sha}?type=image/png`)).toBe(`/media/${sha}`);
    expect(mediaPathOf(`janela-media://other/media/${sha}`)).toBeNull();
    expect(mediaPathOf(`janela-media://u:p@file/media/${sha}`)).toBeNull();
    expect(mediaPathOf(`janela-media://file/media/../${sha}`)).toBeNull();
    expect(mediaPathOf(`https://file/media/${sha}`)).toBeNull();
    expect(mediaPathOf('janela-media://file/media/abc')).toBeNull();
  });
});
