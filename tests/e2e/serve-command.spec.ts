/**
 * The README's `npm run serve -- …` exactly as a person types it: it builds the renderer, starts
 * the browser host and prints a URL that serves the app. The other browser tests start the host's
 * entry point directly (built once for the run), so this one guards the command itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('npm run serve builds, starts and prints a URL that serves Janela', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'janela-serve-'));
  const args = ['run', 'serve', '--', '--data-dir', dataDir, '--port', '0', '--simulated', '--lang', 'en'];
  // Its own process group, so that npm and the host it started stop together.
  const child = spawn('npm', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}:\n${output}`)));
    });
    await page.goto(url);
    await page.screenshot({ path: 'test-results/screens/serve-command.png' });
    const list = page.getByRole('navigation', { name: 'Chats' });
    await expect(list).toContainText('No chats yet');
    await expect(page.getByText('Simulated', { exact: true })).toBeVisible();
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }
});
