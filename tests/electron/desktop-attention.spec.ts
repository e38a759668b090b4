/**
 * The desktop shell's attention features: tray menu, badge count, notification click. Needs the
 * Electron binary and the shell's test hooks (electron/main/e2e-hooks.ts, registered with
 * --test-control); skipped with one line where Electron cannot be downloaded.
 */
import { expect, test } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary } from './electron-binary';
import { type E2eGlobal, launchJanela } from './launch-janela';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MARIA = { phone: '5511987654321', name: 'Maria Silva' };
const MARIA_CHAT = '5511987654321@c.us';
const JOAO = { phone: '5511912345678', name: 'João Souza' };

const binary = electronBinary();
test.skip(binary === null, ELECTRON_SKIP_REASON);

test('the tray menu opens Janela, pauses notifications for an hour, and quits', async () => {
  const janela = await launchJanela(binary ?? '');
  const { app } = janela;
  const labels = () => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.tray.menuLabels());
  const click = (label: string) =>
    app.evaluate((_electron, item) => (globalThis as unknown as E2eGlobal).__janelaE2e.tray.clickMenuItem(item), label);
  const shown = () => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.attention.shown());
  const badge = () => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.attention.badgeCount());

  expect(await labels()).toEqual(['Open Janela', 'Pause notifications for 1 hour', 'Quit']);

  expect(await click('Pause notifications for 1 hour')).toBe(true);
  expect(await labels()).toEqual(['Open Janela', 'Resume notifications', 'Quit']);
  await janela.post('/test/inbound', { ...MARIA, text: 'Oi! Tem bolo hoje?' });
  await expect.poll(badge).toBe(1);
  expect(await shown()).toEqual([]);

  expect(await click('Resume notifications')).toBe(true);
  await janela.post('/test/inbound', { ...JOAO, text: 'Bom dia' });
  await expect
    .poll(shown)
    .toEqual([expect.objectContaining({ kind: 'message', title: 'João Souza', body: 'Bom dia' })]);

  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());
  expect(await click('Open Janela')).toBe(true);
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible()))
    .toBe(true);

  const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
  await click('Quit');
  await exited;
});

test('closing the window keeps Janela in the tray, so notifications keep coming', async () => {
  const janela = await launchJanela(binary ?? '');
  const { app } = janela;
  try {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    expect(app.process().exitCode).toBeNull();
    await janela.post('/test/inbound', { ...MARIA, text: 'Ainda aberto?' });
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.attention.shown()))
      .toContainEqual(expect.objectContaining({ kind: 'message', chatId: MARIA_CHAT }));
  } finally {
    await app.close();
  }
});

test('the unread total shows on the badge and in the tray tooltip', async () => {
  const janela = await launchJanela(binary ?? '');
  const { app, page } = janela;
  const badge = () => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.attention.badgeCount());
  const tooltip = () => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.tray.tooltip());
  try {
    expect(await badge()).toBe(0);
    expect(await tooltip()).toBe('Janela');
    await janela.post('/test/inbound', { ...MARIA, text: 'Oi!' });
    await janela.post('/test/inbound', { ...MARIA, text: 'Tem bolo hoje?' });
    await janela.post('/test/inbound', { ...JOAO, text: 'Bom dia' });
    await expect.poll(badge).toBe(3);
    expect(await tooltip()).toBe('Janela · 3 unread');

    await page.getByRole('button', { name: /Maria Silva/ }).click();
    await expect.poll(badge).toBe(1);
    expect(await tooltip()).toBe('Janela · 1 unread');
  } finally {
    await app.close();
  }
});

test('clicking a notification brings the window forward on that chat; a closing window is nudged once', async () => {
  const janela = await launchJanela(binary ?? '');
  const { app, page } = janela;
  const shown = () => app.evaluate(() => (globalThis as unknown as E2eGlobal).__janelaE2e.attention.shown());
  try {
    await janela.post('/test/inbound', { ...MARIA, text: 'Oi! Tem bolo de cenoura hoje?' });
    await expect.poll(shown).toEqual([
      {
        kind: 'message',
        chatId: MARIA_CHAT,
        title: 'Maria Silva',
        body: 'Oi! Tem bolo de cenoura hoje?',
        silent: false,
      },
    ]);

    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());
    const clicked = await app.evaluate(
      (_electron, chatId) => (globalThis as unknown as E2eGlobal).__janelaE2e.attention.clickNotification(chatId),
      MARIA_CHAT,
    );
    expect(clicked).toBe(true);
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => {
          const window = BrowserWindow.getAllWindows()[0];
          return window ? window.isVisible() && !window.isMinimized() : false;
        }),
      )
      .toBe(true);
    await expect(page.getByRole('textbox', { name: /message/i })).toBeVisible();
    await expect(page.getByText('Oi! Tem bolo de cenoura hoje?').last()).toBeVisible();

    // Seen but not answered: 23 h later the window closes within the hour, and Janela says so once.
    await janela.post('/test/clock', { advanceMs: 23 * HOUR });
    const closingSoon = async () => (await shown()).filter((notification) => notification.kind === 'closing-soon');
    await expect.poll(closingSoon).toEqual([
      expect.objectContaining({
        chatId: MARIA_CHAT,
        body: expect.stringMatching(/^Maria Silva · window closes in /),
      }),
    ]);
    await janela.post('/test/clock', { advanceMs: 10 * MINUTE });
    await page.waitForTimeout(1_000);
    expect(await closingSoon()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
