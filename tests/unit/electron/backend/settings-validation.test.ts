/** Settings that cannot work are refused with a message the person can act on. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from '../../../../electron/backend/app-session';
import { createClock } from '../../../../electron/backend/clock';
import { translate } from '../../../../shared/i18n';

const caller = { trusted: true, description: 'test' };
const sessions: AppSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function session() {
  const opened = await openAppSession({
    dataDir: mkdtempSync(join(tmpdir(), 'janela-settings-')),
    mode: 'simulated',
    clock: createClock(),
    timeZone: 'America/Sao_Paulo',
    log: () => undefined,
    createRealGateway: () => {
      throw new Error('not in this test');
    },
  });
  sessions.push(opened);
  return opened;
}

describe('updateSettings', () => {
  it('refuses a time zone Intl does not know, and keeps the old one', async () => {
    const janela = await session();
    const result = await janela.dispatch('updateSettings', { timeZone: 'Mars/Olympus' }, caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: /time zone/ } });
    const accepted = await janela.dispatch('updateSettings', { timeZone: 'Europe/Lisbon' }, caller);
    expect(accepted).toMatchObject({ ok: true, value: { timeZone: 'Europe/Lisbon' } });
  });

  it.runIf(process.platform !== 'win32')('refuses a browser path that is not a Chromium-family browser', async () => {
    const janela = await session();
    const result = await janela.dispatch('updateSettings', { browserPath: '/bin/sh' }, caller);
    expect(result).toMatchObject({ ok: false, error: { code: 'browser-not-usable' } });
    expect(translate('pt-BR', 'error.browser-not-usable')).toMatch(/Chrome, Edge ou Chromium/);
    const snapshot = await janela.dispatch('getSnapshot', {}, caller);
    expect(snapshot).toMatchObject({ ok: true, value: { settings: { browserPath: null } } });
  });

  it.runIf(process.platform !== 'win32')('accepts a Chromium, and an empty path means detect one', async () => {
    const janela = await session();
    const fake = join(mkdtempSync(join(tmpdir(), 'janela-browser-')), 'chromium');
    writeFileSync(fake, '#!/bin/sh\necho "Chromium 120.0.6099.71"\n');
    chmodSync(fake, 0o755);
    expect(await janela.dispatch('updateSettings', { browserPath: fake }, caller)).toMatchObject({
      ok: true,
      value: { browserPath: fake },
    });
    expect(await janela.dispatch('updateSettings', { browserPath: '  ' }, caller)).toMatchObject({
      ok: true,
      value: { browserPath: null },
    });
  });
});
