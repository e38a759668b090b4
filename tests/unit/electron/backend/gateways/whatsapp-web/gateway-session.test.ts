/** Session folders, stop, unlink, and surviving the library's stray rejections. */
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installLibraryErrorGuard } from '../../../../../../electron/backend/gateways/whatsapp-web/library-error-guard';
import {
  preparePrivateFolders,
  whatsAppFolders,
} from '../../../../../../electron/backend/gateways/whatsapp-web/session-folders';
import { gatewayHarness } from './gateway-harness';

const settle = async (predicate: () => boolean) => {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(predicate()).toBe(true);
};

const mode = (folder: string) => statSync(folder).mode & 0o777;

let harness: ReturnType<typeof gatewayHarness> | null = null;
afterEach(async () => {
  await harness?.gateway.stop();
  harness = null;
});

describe('session folders', () => {
  it('live under <dataDir>/whatsapp, private (0700) even when they existed with looser modes', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'janela-folders-'));
    const folders = whatsAppFolders(dataDir);
    expect(folders).toEqual({
      root: path.join(dataDir, 'whatsapp'),
      session: path.join(dataDir, 'whatsapp', 'session'),
      profile: path.join(dataDir, 'whatsapp', 'session', 'session-janela'),
      webCache: path.join(dataDir, 'whatsapp', 'web-cache'),
    });
    mkdirSync(folders.session, { recursive: true, mode: 0o755 });
    preparePrivateFolders(folders);
    for (const folder of Object.values(folders)) expect(mode(folder)).toBe(0o700);
  });

  it('refuses a relative data folder rather than writing into the working directory', () => {
    expect(() => whatsAppFolders('janela-data')).toThrow(/absolute/);
  });
});

describe('stop and unlink', () => {
  it('stop() closes the client and nothing restarts it', async () => {
    harness = gatewayHarness({ retry: { baseMs: 20, maxMs: 20 } });
    harness.world.linked = true;
    await harness.gateway.start();
    await settle(() => harness?.gateway.status().state === 'connected');
    await harness.gateway.stop();
    expect(harness.client().destroyed).toBe(true);
    expect(harness.gateway.status()).toEqual({ state: 'disconnected', reason: 'STOPPED' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(harness.clients).toHaveLength(1);
  });

  it('unlink() logs out, removes the session folder, and shows a new QR', async () => {
    harness = gatewayHarness({ newQrDelayMs: 10 });
    const h = harness;
    h.world.linked = true;
    await h.gateway.start();
    await settle(() => h.gateway.status().state === 'connected');
    const folders = whatsAppFolders(h.dataDir);
    writeFileSync(path.join(folders.profile, 'Local State'), '{}');
    await h.gateway.unlink();
    expect(h.clients[0]?.calls).toEqual(expect.arrayContaining(['logout', 'destroy']));
    expect(h.clients[0]?.calls.indexOf('logout')).toBeLessThan(h.clients[0]?.calls.indexOf('destroy') ?? -1);
    expect(existsSync(path.join(folders.profile, 'Local State'))).toBe(false);
    expect(h.clients).toHaveLength(2);
    expect(h.gateway.status().state).toBe('qr');
    expect(mode(folders.session)).toBe(0o700);
  });

  it('no reason other than unlink removes the session folder', async () => {
    harness = gatewayHarness({ newQrDelayMs: 10, retry: { baseMs: 10, maxMs: 10 } });
    const h = harness;
    h.world.linked = true;
    await h.gateway.start();
    await settle(() => h.gateway.status().state === 'connected');
    const marker = path.join(whatsAppFolders(h.dataDir).profile, 'Local State');
    writeFileSync(marker, '{}');
    for (const reason of ['UNPAIRED', 'TIMEOUT', 'TOS_BLOCK']) {
      h.client().emit('disconnected', reason);
      await h.gateway.reconnect();
      await settle(() => h.gateway.status().state === 'connected' || h.gateway.status().state === 'qr');
    }
    await h.gateway.stop();
    expect(existsSync(marker)).toBe(true);
  });
});

describe('library error guard', () => {
  it('the gateway survives the library rejecting on its own after a destroy() during re-injection', async () => {
    const others = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    const lines: string[] = [];
    harness = gatewayHarness({ newQrDelayMs: 10, log: (line) => lines.push(line) });
    const h = harness;
    try {
      h.world.linked = true;
      await h.gateway.start();
      await settle(() => h.gateway.status().state === 'connected');
      const first = h.client();
      const destroy = first.destroy.bind(first);
      first.destroy = async () => {
        // What Client.js's un-awaited framenavigated → inject() does when the page goes away under it.
        void Promise.reject(
          Object.assign(new Error('Protocol error (Runtime.callFunctionOn): Session closed.'), {
            name: 'TargetCloseError',
          }),
        );
        await destroy();
      };
      h.world.linked = false;
      first.emit('disconnected', 'LOGOUT');
      await settle(() => h.gateway.status().state === 'qr');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(
        lines.some((line) => line.includes('ignored a late whatsapp-web.js error') && line.includes('Session closed')),
      ).toBe(true);
      expect(h.clients).toHaveLength(2);
    } finally {
      await h.gateway.stop();
      for (const listener of others) process.on('unhandledRejection', listener);
    }
  });

  it('swallows a late Puppeteer rejection (destroy during re-injection) and reports it', async () => {
    const others = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    const reported: unknown[] = [];
    const uninstall = installLibraryErrorGuard((reason) => reported.push(reason));
    try {
      const error = new Error('Protocol error (Runtime.evaluate): Target closed');
      error.name = 'TargetCloseError';
      void Promise.reject(error);
      void Promise.reject('auth timeout');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(reported).toHaveLength(2);
    } finally {
      uninstall();
      for (const listener of others) process.on('unhandledRejection', listener);
    }
    expect(process.listeners('unhandledRejection')).toEqual(others);
  });
});
