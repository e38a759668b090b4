/**
 * Notifications in the browser host: the attention policy through the Web Notifications API, the
 * unread total in the page title, a click that opens the chat, and the permission asked only from
 * the settings button. The page's `Notification` constructor is replaced by a recorder.
 */
import type { Page } from '@playwright/test';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';

const MARIA = { phone: '5511987654321', name: 'Maria Silva' };
const JOAO = { phone: '5511912345678', name: 'João Souza' };

interface Recorded {
  title: string;
  body: string;
  tag: string;
  silent: boolean;
}
interface RecorderWindow {
  __notifications: Recorded[];
  __clickNotification(index: number): void;
  __permissionRequests: number;
}
/** The page's own globals used here (this file is typed without the DOM library). */
interface PageGlobals {
  Notification: { readonly permission: string; requestPermission(): Promise<string> };
  navigator: { clipboard: { readText(): Promise<string> } };
}
type NotificationOptions = { body?: string; tag?: string; silent?: boolean };

/** Records every notification the page makes, keeping the real permission; clicks run their onclick. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals;
    const real = page.Notification;
    const recorder = globalThis as unknown as RecorderWindow;
    const made: { onclick: (() => void) | null }[] = [];
    recorder.__notifications = [];
    recorder.__permissionRequests = 0;
    recorder.__clickNotification = (index) => made[index]?.onclick?.();
    class RecordingNotification {
      static get permission() {
        return real.permission;
      }
      static requestPermission() {
        recorder.__permissionRequests += 1;
        return real.requestPermission();
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        recorder.__notifications.push({
          title,
          body: options.body ?? '',
          tag: options.tag ?? '',
          silent: options.silent ?? false,
        });
        made.push(this);
      }
      close() {}
    }
    Object.defineProperty(globalThis, 'Notification', { value: RecordingNotification, configurable: true });
  });
}

const recorded = (page: Page) => page.evaluate(() => (globalThis as unknown as RecorderWindow).__notifications);

test('a customer message and a window closing unanswered notify exactly once each; the title counts unread', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['notifications'], { origin: host.origin });
  await recordNotifications(page);
  await page.goto(host.url);
  await expect(page).toHaveTitle('Janela');

  await host.inbound({ ...MARIA, text: 'Oi! Tem bolo de cenoura hoje?' });
  await expect
    .poll(() => recorded(page))
    .toEqual([
      { title: 'Maria Silva', body: 'Oi! Tem bolo de cenoura hoje?', tag: 'janela:5511987654321@c.us', silent: false },
    ]);
  await expect(page).toHaveTitle('(1) Janela');

  // The same burst: counted, not announced again.
  await host.inbound({ ...MARIA, text: 'Com cobertura de chocolate' });
  await expect(page).toHaveTitle('(2) Janela');
  await host.inbound({ ...JOAO, text: 'Bom dia, vocês abrem sábado?' });
  await expect(page).toHaveTitle('(3) Janela');
  expect((await recorded(page)).map((notification) => notification.title)).toEqual(['Maria Silva', 'João Souza']);

  // A click opens that chat (and reading it takes its messages off the count).
  await page.evaluate(() => (globalThis as unknown as RecorderWindow).__clickNotification(0));
  await expect(page.getByRole('heading', { name: 'Maria Silva' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Maria Silva' }).getByText('Com cobertura de chocolate')).toBeVisible();
  await expect(page).toHaveTitle('(1) Janela');

  // 23 hours later both windows close within the hour, unanswered: one nudge each, the most urgent first.
  await host.advanceClock(23 * HOUR);
  await expect.poll(async () => (await recorded(page)).length).toBe(4);
  expect((await recorded(page)).slice(2)).toEqual([
    {
      title: 'Still unanswered',
      body: expect.stringMatching(/^Maria Silva · window closes in (\d+ min|1 h)$/) as unknown as string,
      tag: 'janela:5511987654321@c.us',
      silent: false,
    },
    {
      title: 'Still unanswered',
      body: expect.stringMatching(/^João Souza · window closes in (\d+ min|1 h)$/) as unknown as string,
      tag: 'janela:5511912345678@c.us',
      silent: false,
    },
  ]);

  // Never twice for the same window.
  await host.advanceClock(10 * 60_000);
  await host.advanceClock(10 * 60_000);
  await page.waitForTimeout(500);
  expect(await recorded(page)).toHaveLength(4);
});

test('the browser is asked for permission only from the settings button, never on load', async ({ page, host }) => {
  await recordNotifications(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const allow = dialog.getByRole('button', { name: 'Allow notifications in this browser' });
  await expect(allow).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as RecorderWindow).__permissionRequests)).toBe(0);

  // Without permission nothing is shown, but the title still counts.
  await host.inbound({ ...MARIA, text: 'Oi' });
  await expect(page).toHaveTitle('(1) Janela');
  expect(await recorded(page)).toEqual([]);

  await page.context().grantPermissions(['notifications'], { origin: host.origin });
  await allow.click();
  await expect(dialog.getByText('This browser shows Janela’s notifications while a Janela tab is open.')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as RecorderWindow).__permissionRequests)).toBe(1);
  // The desktop-only settings are not offered in a browser.
  await expect(dialog.getByRole('checkbox', { name: /tray/ })).toHaveCount(0);
});

test('notification settings are kept, and "only New message" hides the text', async ({ page, context, host }) => {
  await context.grantPermissions(['notifications'], { origin: host.origin });
  await recordNotifications(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('checkbox', { name: 'Show the message text' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Play a sound' }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await host.inbound({ ...MARIA, text: 'Meu endereço é Rua das Flores, 12' });
  await expect
    .poll(() => recorded(page))
    .toEqual([{ title: 'Maria Silva', body: 'New message', tag: 'janela:5511987654321@c.us', silent: true }]);

  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog.getByRole('button', { name: 'Pause for 1 hour' }).click();
  await expect(dialog.getByText(/^Notifications paused until /)).toBeVisible();
  await host.inbound({ ...JOAO, text: 'Oi' });
  await expect(page).toHaveTitle('(2) Janela');
  await page.waitForTimeout(300);
  expect(await recorded(page)).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await host.restart();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Show the message text' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Play a sound' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Show notifications' })).toBeChecked();
});

test('help: the logs folder is shown in the browser, diagnostics are copied without personal data', async ({
  page,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await host.inbound({ ...MARIA, text: 'Oi' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(dialog.getByText('The logs are in this folder:')).toBeVisible();
  await expect(dialog.locator('code')).toHaveText(`${host.dataDir}/logs`);

  await dialog.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(dialog.getByText('Diagnostics copied. Paste them in your message to support.')).toBeVisible();
  const copied = await page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
  expect(copied).toContain('(browser host)');
  expect(copied).toContain('Chats: 1, open windows: 1, unread: 1');
  expect(copied).not.toContain(MARIA.phone);
  expect(copied).not.toContain('Maria');
});

for (const [lang, name] of [
  ['en', 'Settings'],
  ['pt-BR', 'Configurações'],
] as const) {
  test(`screenshots of the notification settings (${lang})`, async ({ page }) => {
    const host = await new JanelaHost({ lang }).start();
    try {
      await recordNotifications(page);
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1024, height: 640 },
      ]) {
        await page.setViewportSize(size);
        await page.goto(host.url);
        await page.getByRole('button', { name }).click();
        const dialog = page.getByRole('dialog', { name });
        const legend = lang === 'en' ? 'Notifications' : 'Notificações';
        const group = dialog.getByRole('group', { name: legend });
        await group.scrollIntoViewIfNeeded();
        await expect(group).toBeVisible();
        await page.screenshot({ path: `test-results/screens/notification-settings-${lang}-${size.width}.png` });
        const help = dialog.getByRole('group', { name: lang === 'en' ? 'Help' : 'Ajuda' });
        await help.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/screens/help-${lang}-${size.width}.png` });
      }
    } finally {
      await host.stop();
    }
  });
}
