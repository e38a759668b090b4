import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBrowser,
  chromiumVersionOf,
} from '../../../../../../electron/backend/gateways/whatsapp-web/browser-check';

const dir = mkdtempSync(join(tmpdir(), 'janela-browser-'));
function script(name: string, body: string, mode = 0o755): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
}

describe('chromiumVersionOf', () => {
  it('reads what Chromium-family browsers print for --version', () => {
    expect(chromiumVersionOf('Chromium 120.0.6099.71 built on Debian 12.4, running on Debian 12.8\n')).toBe(
      '120.0.6099.71',
    );
    expect(chromiumVersionOf('Google Chrome 131.0.6778.85 \n')).toBe('131.0.6778.85');
    expect(chromiumVersionOf('Google Chrome for Testing 131.0.6778.85\n')).toBe('131.0.6778.85');
    expect(chromiumVersionOf('Microsoft Edge 131.0.2903.70\n')).toBe('131.0.2903.70');
    expect(chromiumVersionOf('Brave Browser 131.1.73.97\n')).toBe('131.1.73.97');
  });

  it('finds nothing in other programs’ answers', () => {
    expect(chromiumVersionOf('GNU bash, version 5.2.15(1)-release')).toBeNull();
    expect(chromiumVersionOf('Mozilla Firefox 128.5.1esr')).toBeNull();
    expect(chromiumVersionOf('')).toBeNull();
  });
});

describe.runIf(process.platform !== 'win32')('checkBrowser', () => {
  it('accepts an executable that reports a Chromium version', async () => {
    const fake = script('chromium', 'echo "Chromium 120.0.6099.71 built on Debian 12.4"');
    expect(await checkBrowser(fake)).toEqual({ ok: true, version: '120.0.6099.71' });
  });

  it('refuses /bin/sh, a missing file, a folder and a file that cannot run', async () => {
    expect(await checkBrowser('/bin/sh')).toEqual({ ok: false, problem: 'not-chromium' });
    expect(await checkBrowser(join(dir, 'nothing-here'))).toEqual({ ok: false, problem: 'not-found' });
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(await checkBrowser(folder)).toEqual({ ok: false, problem: 'not-a-file' });
    const plain = script('plain', 'echo "Chromium 120.0"', 0o644);
    expect(await checkBrowser(plain)).toEqual({ ok: false, problem: 'not-executable' });
  });

  it('gives up on a program that does not answer in time', async () => {
    const slow = script('slow', 'sleep 30');
    const started = performance.now();
    expect(await checkBrowser(slow, { timeoutMs: 300 })).toEqual({ ok: false, problem: 'not-chromium' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('on Windows judges by the program’s name, without running it', async () => {
    const chrome = join(dir, 'chrome.exe');
    writeFileSync(chrome, 'MZ');
    expect(await checkBrowser(chrome, { platform: 'win32' })).toEqual({ ok: true, version: 'unknown' });
    const shell = join(dir, 'cmd.exe');
    writeFileSync(shell, 'MZ');
    expect(await checkBrowser(shell, { platform: 'win32' })).toEqual({ ok: false, problem: 'not-chromium' });
  });
});
