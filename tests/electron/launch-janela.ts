/**
 * Starts the desktop app for a spec: its own data folder, the simulated WhatsApp, test control, and
 * English. Shared by the desktop specs that need the shell's test hooks (electron/main/e2e-hooks.ts).
 */
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JanelaE2eHooks } from '../../electron/main/e2e-hooks';

export interface LaunchedJanela {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  post(path: string, body: unknown): Promise<Response>;
}

/**
 * The main process's global with the test hooks. `app.evaluate` sends its callback as source text,
 * so a spec reads them inline: `app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e…)`.
 */
export interface E2eGlobal {
  __janelaE2e: JanelaE2eHooks;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'janela-electron-'));
}

export async function launchJanela(binary: string, dataDir: string = newDataDir()): Promise<LaunchedJanela> {
  const app = await electron.launch({
    executablePath: binary,
    args: ['.', '--data-dir', dataDir, '--simulated', '--test-control', '--lang', 'en'],
  });
  const controlUrl = await new Promise<string>((resolve) => {
    let output = '';
    app.process().stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /test control at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(new URL(match[1]).origin);
    });
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    dataDir,
    post: (path, body) =>
      fetch(`${controlUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}
