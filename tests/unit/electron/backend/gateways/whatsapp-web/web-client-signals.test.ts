/**
 * The app stops on SIGINT/SIGTERM by itself (flush the store, close the browser gracefully).
 * Puppeteer's own handlers would kill the browser first — losing the linked session's unflushed
 * localStorage, so the next start asked for a QR again — and exit on SIGINT before the store
 * flushed. The real Client, launched against the stand-in, must not install them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientLike } from '../../../../../../electron/backend/gateways/whatsapp-web/client-like';
import { whatsAppFolders } from '../../../../../../electron/backend/gateways/whatsapp-web/session-folders';
import { createWebClient } from '../../../../../../electron/backend/gateways/whatsapp-web/web-client';
import { startStandIn, type StandIn } from '../../../../../wa-standin/index';

const CHROMIUM = '/usr/bin/chromium';
const dataDir = mkdtempSync(join(tmpdir(), 'janela-signals-'));
let standIn: StandIn | null = null;
let client: ClientLike | null = null;

afterAll(async () => {
  await client?.destroy().catch(() => undefined);
  await standIn?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CHROMIUM))('the real Client and process signals', () => {
  it('leaves SIGINT and SIGTERM to the app while its browser runs', { timeout: 60_000 }, async () => {
    standIn = await startStandIn({ qrRotateMs: 0 });
    const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
    const launched = createWebClient({
      folders: whatsAppFolders(dataDir),
      executablePath: CHROMIUM,
      extraBrowserArgs: ['--no-sandbox', ...standIn.browserArgs],
      webVersionCache: 'none',
    });
    client = launched;
    const qr = new Promise<void>((resolve) => launched.on('qr', () => resolve()));
    void launched.initialize().catch(() => undefined);
    await qr;
    expect(launched.pupBrowser?.process?.()?.exitCode).toBeNull();
    expect({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }).toEqual(before);
  });
});
