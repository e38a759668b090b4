/**
 * The desktop-only notification settings: keep running in the tray, start at login. Needs the
 * Electron binary; skipped with one line where it cannot be downloaded.
 */
import { expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from './electron-binary';
import { launchJanela } from './launch-janela';

const binary = electronBinary();
test.skip(binary === null, ELECTRON_SKIP_REASON);

test('the desktop app offers the tray and start-up settings; with the tray setting off, closing the window quits', async () => {
  const janela = await launchJanela(binary ?? '');
  const { app, page } = janela;
  const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
  try {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const keepRunning = dialog.getByRole('checkbox', { name: /Keep Janela running in the tray/ });
    await expect(keepRunning).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Start Janela when the computer starts' })).not.toBeChecked();
    // The browser's permission is not a desktop matter.
    await expect(dialog.getByRole('button', { name: 'Allow notifications in this browser' })).toHaveCount(0);
    await dialog.getByRole('group', { name: 'Notifications' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/notification-settings-desktop-en.png' });

    await keepRunning.uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await exited;
  } finally {
    if (app.process().exitCode === null) await app.close();
  }
});
