/**
 * The core journey in the real desktop app. Needs the Electron binary, which cannot be downloaded
 * on machines without internet (ELECTRON_SKIP_BINARY_DOWNLOAD): there it is skipped, saying so.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JanelaApi } from '../../shared/bridge';
import { ELECTRON_SKIP_REASON, electronBinary } from './electron-binary';

const HOUR = 3_600_000;

const binary = electronBinary();
test.skip(binary === null, ELECTRON_SKIP_REASON);

test('a customer writes, staff answer, the window closes, the customer reopens it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'janela-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['.', '--data-dir', dataDir, '--simulated', '--test-control', '--lang', 'en'],
  });
  try {
    const controlUrl = await new Promise<string>((resolve) => {
      let output = '';
      app.process().stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /test control at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(new URL(match[1]).origin);
      });
    });
    const post = (path: string, body: unknown) =>
      fetch(`${controlUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const page = await app.firstWindow();
    await post('/test/inbound', { phone: '5511987654321', name: 'Maria Silva', text: 'Oi! Tem bolo hoje?' });
    await page.getByRole('button', { name: /Maria Silva/ }).click();
    await expect(page.getByText('Oi! Tem bolo hoje?')).toBeVisible();
    await page.getByRole('textbox', { name: /message/i }).fill('Temos sim!');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(async () => ((await (await fetch(`${controlUrl}/test/sent`)).json()) as unknown[]).length)
      .toBe(1);

    await post('/test/clock', { advanceMs: 24 * HOUR });
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
    const refused = await page.evaluate(() =>
      (globalThis as unknown as { janela: JanelaApi }).janela
        .sendMessage({ chatId: '5511987654321@c.us', text: 'bypass' })
        .then(
          () => 'sent',
          (error: Error) => error.message,
        ),
    );
    expect(refused).toMatch(/^window-closed/);

    await post('/test/inbound', { phone: '5511987654321', name: 'Maria Silva', text: 'Ainda tem?' });
    await page.getByRole('textbox', { name: /message/i }).fill('Tem!');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  } finally {
    await app.close();
  }
});
