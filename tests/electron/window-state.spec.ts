/**
 * The window reopens where it was left. Needs the Electron binary; skipped with one line where it
 * cannot be downloaded. Uses no test hook: only the window-state.json file in the data folder.
 */
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ELECTRON_SKIP_REASON, electronBinary } from './electron-binary';
import { launchJanela, newDataDir } from './launch-janela';

const binary = electronBinary();
test.skip(binary === null, ELECTRON_SKIP_REASON);

test('the window reopens with the size and position it had', async () => {
  const dataDir = newDataDir();
  const wanted = { x: 60, y: 40, width: 1000, height: 700 };

  const first = await launchJanela(binary ?? '', dataDir);
  await first.app.evaluate(({ BrowserWindow }, bounds) => BrowserWindow.getAllWindows()[0]?.setBounds(bounds), wanted);
  await first.app.close();
  expect(existsSync(join(dataDir, 'window-state.json'))).toBe(true);

  const second = await launchJanela(binary ?? '', dataDir);
  try {
    const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds());
    // Window managers may nudge a window by its decorations; the size must be kept exactly.
    expect(bounds).toMatchObject({ width: wanted.width, height: wanted.height });
    expect(Math.abs((bounds?.x ?? 0) - wanted.x)).toBeLessThanOrEqual(40);
    expect(Math.abs((bounds?.y ?? 0) - wanted.y)).toBeLessThanOrEqual(40);
  } finally {
    await second.app.close();
  }
});

test('a maximized window reopens maximized', async () => {
  const dataDir = newDataDir();
  const first = await launchJanela(binary ?? '', dataDir);
  await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.maximize());
  await expect
    .poll(() => first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMaximized()))
    .toBe(true);
  await first.app.close();

  const second = await launchJanela(binary ?? '', dataDir);
  try {
    await expect
      .poll(() => second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMaximized()))
      .toBe(true);
  } finally {
    await second.app.close();
  }
});
