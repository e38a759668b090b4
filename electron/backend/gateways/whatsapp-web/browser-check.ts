/**
 * Whether a browser path from the settings can drive WhatsApp Web: an existing executable file
 * that says it is Chrome, Edge, Chromium or another Chromium-family browser. Accepting `/bin/sh`
 * would only fail later, on the connect screen, far from the field that caused it.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

export type BrowserProblem = 'not-found' | 'not-a-file' | 'not-executable' | 'not-chromium';
export type BrowserCheck = { ok: true; version: string } | { ok: false; problem: BrowserProblem };

const chromiumVersion =
  /\b(?:Chromium|Google Chrome(?: for Testing)?|Microsoft Edge|Brave Browser|Vivaldi|Opera|HeadlessChrome)\b\D*(\d+(?:\.\d+){1,3})/;

/** What a Chromium-family browser prints for `--version`, such as `Chromium 120.0.6099.71 built on Debian`. */
export function chromiumVersionOf(output: string): string | null {
  return chromiumVersion.exec(output)?.[1] ?? null;
}

// On Windows, `chrome.exe --version` opens a browser window instead of printing: the file name is the check.
const windowsBrowsers = new Set(['chrome.exe', 'msedge.exe', 'chromium.exe', 'brave.exe', 'vivaldi.exe', 'opera.exe']);

function runVersion(file: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      file,
      ['--version'],
      { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true, encoding: 'utf8' },
      (_error, stdout) => resolve(typeof stdout === 'string' ? stdout : ''),
    );
  });
}

export async function checkBrowser(
  file: string,
  options: { platform?: NodeJS.Platform; timeoutMs?: number } = {},
): Promise<BrowserCheck> {
  const platform = options.platform ?? process.platform;
  const info = await stat(file).catch(() => null);
  if (!info) return { ok: false, problem: 'not-found' };
  if (!info.isFile()) return { ok: false, problem: 'not-a-file' };
  if (platform === 'win32') {
    return windowsBrowsers.has(path.win32.basename(file).toLowerCase())
      ? { ok: true, version: 'unknown' }
      : { ok: false, problem: 'not-chromium' };
  }
  if (
    !(await access(file, constants.X_OK).then(
      () => true,
      () => false,
    ))
  )
    return { ok: false, problem: 'not-executable' };
  const version = chromiumVersionOf(await runVersion(file, options.timeoutMs ?? 5_000));
  return version ? { ok: true, version } : { ok: false, problem: 'not-chromium' };
}
