/**
 * The whole app with the REAL WhatsApp gateway (whatsapp-web.js 1.34.7 in Debian's chromium)
 * against the stand-in WhatsApp Web (tests/wa-standin): link with the QR, catch-up, restart,
 * live messages, replies with ticks, lost connections and unlinking — through the browser host.
 *
 * Launching browsers is the slow part, so the tests run in order and share one stand-in and one
 * host (one data folder); each test leaves the app connected for the next, except the last.
 */
import type { Page } from '@playwright/test';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';
import { recordTickStatuses, tickStatuses } from './real-whatsapp/tick-recorder';
import { startStandIn, type StandIn } from '../wa-standin/index';

test.describe.configure({ mode: 'serial' });

const ana = { id: '5511911111111@c.us', name: 'Ana Souza' };
const bruno = { id: '5511922222222@c.us', name: 'Bruno Costa' };
const carla = { id: '5511933333333@c.us', name: 'Carla Dias' };
const davi = { id: '5511944444444@c.us', name: 'Davi Lima' };
const eva = { id: '5511955555555@c.us', name: 'Eva Rocha' };
const fabio = { id: '5511966666666@c.us', name: 'Fábio Melo' };

/** Reconnection timings for the test hook (README, "Test control"): seconds instead of minutes. */
const FAST_RECONNECT = { JANELA_WA_RETRY_MS: '500', JANELA_WA_WATCHDOG_MS: '1000', JANELA_WA_GRACE_MS: '5000' };

let standIn: StandIn;
let host: JanelaHost;

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

function statusPill(page: Page, status: string | RegExp) {
  const label =
    typeof status === 'string' ? `WhatsApp status: ${status}` : new RegExp(`WhatsApp status: ${status.source}`);
  return page.getByRole('button', { name: label });
}

/** Lines of the host's technical log (echoed on stderr) where the gateway gave up a connection. */
function connectionsEnded(): string[] {
  return host.output.split('\n').filter((line) => line.includes('[whatsapp] connection ended'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.beforeAll(async () => {
  standIn = await startStandIn({ qrRotateMs: 0, autoAck: { upTo: 3, stepMs: 150 } });
  const now = Date.now();
  standIn.control.seedChats([
    { id: ana.id, name: ana.name, messages: [{ text: 'Oi! Tem bolo de cenoura hoje?', at: now - 2 * HOUR }] },
    { id: bruno.id, name: bruno.name, messages: [{ text: 'Vocês entregam no sábado?', at: now - 23 * HOUR }] },
    { id: carla.id, name: carla.name, messages: [{ text: 'Obrigada!', at: now - 30 * HOUR }] },
    {
      // Read on the phone but not answered: no unread messages, yet the window is open.
      id: fabio.id,
      name: fabio.name,
      unreadCount: 0,
      messages: [{ text: 'Vocês aceitam Pix?', at: now - 4 * HOUR }],
    },
    {
      // Read and answered on the phone already: catch-up must still bring it in.
      id: davi.id,
      name: davi.name,
      unreadCount: 0,
      messages: [
        { text: 'Qual o horário de vocês?', at: now - 5 * HOUR },
        { text: 'Das 8h às 18h, Davi!', fromMe: true, at: now - 5 * HOUR + 60_000, ack: 3 },
      ],
    },
  ]);
  host = new JanelaHost({ mode: null, lang: 'en', env: { ...standIn.env, ...FAST_RECONNECT } });
  await host.start();
});

test.afterAll(async () => {
  await host?.stop();
  await standIn?.close();
});

test('links with the QR code, then catch-up brings in the phone’s chats with the right windows', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Link WhatsApp to Janela' })).toBeVisible();
  const qr = page.getByRole('img', { name: 'QR code to link WhatsApp' });
  await expect(qr).toBeVisible({ timeout: 30_000 });
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  expect(standIn.control.qrCodes()).toHaveLength(1);
  await page.screenshot({ path: 'test-results/screens/real-qr.png' });

  await standIn.control.scan();
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 20_000 });
  await expect(chatRow(page, ana.name)).toContainText(/Open · 21h 5\dm/);
  await expect(chatRow(page, ana.name)).toContainText('Tem bolo de cenoura');
  await expect(chatRow(page, bruno.name)).toContainText(/Closing soon · (0h )?5\dm/);
  await expect(chatRow(page, carla.name)).toContainText('Closed');
  await expect(chatRow(page, davi.name)).toContainText(/Open · 18h 5\dm/);
  await expect(chatRow(page, fabio.name)).toContainText(/Open · 19h 5\dm/);
  await expect(chatRow(page, fabio.name)).toContainText('Vocês aceitam Pix?');
  await chatRow(page, davi.name).click();
  await expect(page.getByRole('log')).toContainText('Qual o horário de vocês?');
  await expect(page.getByRole('log')).toContainText('Das 8h às 18h, Davi!');
  await page.screenshot({ path: 'test-results/screens/real-catch-up.png' });
});

test('a restart restores the session: no QR, connected straight away', async ({ page }) => {
  const qrsBefore = standIn.control.qrCodes().length;
  await host.restart();
  await page.goto(host.url);
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });
  await expect(chatRow(page, ana.name)).toContainText(/Open · 21h/);
  expect(standIn.control.qrCodes()).toHaveLength(qrsBefore);
  expect(standIn.control.pages().every((info) => info.qr === null && info.linked)).toBe(true);
});

test('a customer writes: the list updates; the reply from the composer arrives once and turns read', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });
  standIn.control.inbound({ from: eva.id, name: eva.name, text: 'Boa tarde! Ainda tem pão de queijo?' });
  const row = chatRow(page, eva.name);
  await expect(row).toContainText('Open · 23h 59m');
  await expect(row).toContainText('pão de queijo');
  await row.click();
  await expect(page.getByRole('log')).toContainText('Ainda tem pão de queijo?');

  await recordTickStatuses(page, 'Tem sim, Eva! Quantos?');
  await page.getByRole('textbox', { name: 'Message' }).fill('Tem sim, Eva! Quantos?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('log').getByRole('img', { name: 'Read' })).toBeVisible();
  expect(await tickStatuses(page)).toEqual(['pending', 'sent', 'delivered', 'read']);
  expect(standIn.control.received().filter((message) => message.text === 'Tem sim, Eva! Quantos?')).toEqual([
    expect.objectContaining({ to: eva.id }),
  ]);
  // Sending recorded no second copy of the reply (WhatsApp echoes it through message_create).
  await expect(page.getByRole('log').getByText('Tem sim, Eva! Quantos?')).toHaveCount(1);
});

test('TIMEOUT: the app shows it is offline and reconnects by itself', async ({ page }) => {
  await page.goto(host.url);
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });
  const ended = connectionsEnded().length;

  // WhatsApp Web's socket comes back by itself: the same connection goes on.
  standIn.control.setState('TIMEOUT', { recoverAfterMs: 1_500 });
  await expect(statusPill(page, /Offline, retrying/)).toBeVisible();
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 20_000 });
  expect(connectionsEnded()).toHaveLength(ended);
  standIn.control.inbound({ from: ana.id, text: 'Voltou?' });
  await expect(chatRow(page, ana.name)).toContainText('Voltou?');

  // It does not come back: after the grace period a fresh connection, with the saved session.
  const qrs = standIn.control.qrCodes().length;
  standIn.control.setState('TIMEOUT');
  await expect(statusPill(page, /Offline, retrying/)).toBeVisible();
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });
  expect(connectionsEnded().slice(ended)).toEqual([expect.stringContaining('retry (TIMEOUT)')]);
  expect(standIn.control.qrCodes()).toHaveLength(qrs);
  await expect.poll(() => standIn.control.pages().length).toBe(1);
  standIn.control.inbound({ from: ana.id, text: 'E agora?' });
  await expect(chatRow(page, ana.name)).toContainText('E agora?');
});

test('a send cut off by a lost connection is uncertain, checked after reconnecting, received exactly once', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });
  await chatRow(page, ana.name).click();
  standIn.control.dropConnectionDuringNextSend({ received: true, then: 'timeout', recoverAfterMs: 3_000 });
  const text = 'Tem sim, Ana! Separo um?';
  await recordTickStatuses(page, text);
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const ticks = page.getByRole('log').getByRole('img', { name: /^Not confirmed/ });
  await expect(ticks).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/real-uncertain.png' });
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 20_000 });
  // Found on WhatsApp with the server's ack: linked to it, not sent again.
  const reply = page.getByRole('log').getByRole('listitem').filter({ hasText: text });
  await expect(reply.getByRole('img', { name: 'Sent' })).toBeVisible();
  const received = standIn.control.received().filter((message) => message.text === text);
  expect(received).toHaveLength(1);
  // The acks that follow reach the same message.
  standIn.control.ack(received[0]?.key ?? '', 2);
  await expect(reply.getByRole('img', { name: 'Delivered' })).toBeVisible();
  standIn.control.ack(received[0]?.key ?? '', 3);
  await expect(reply.getByRole('img', { name: 'Read' })).toBeVisible();
  // Found while still in WhatsApp Web's own queue, it shows pending until the server's ack.
  expect((await tickStatuses(page)).join(' ')).toMatch(/^pending uncertain (pending )?sent delivered read$/);
  await sleep(1_000);
  expect(standIn.control.received().filter((message) => message.text === text)).toHaveLength(1);
  await expect(page.getByRole('log').getByText(text)).toHaveCount(1);
});

test('a send cut off before WhatsApp took it is uncertain, then sent once after reconnecting', async ({ page }) => {
  await page.goto(host.url);
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });
  await chatRow(page, fabio.name).click();
  const text = 'Aceitamos sim, Fábio!';
  await recordTickStatuses(page, text);
  // The page reloads mid-send (the library's call fails); the servers never got the message.
  standIn.control.dropConnectionDuringNextSend({ received: false, then: 'reload' });
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const reply = page.getByRole('log').getByRole('listitem').filter({ hasText: text });
  // Looked up after reconnecting, not found, so sent again: once.
  await expect(reply.getByRole('img', { name: 'Read' })).toBeVisible({ timeout: 20_000 });
  expect(await tickStatuses(page)).toEqual(['pending', 'uncertain', 'pending', 'sent', 'delivered', 'read']);
  await sleep(1_000);
  expect(standIn.control.received().filter((message) => message.text === text)).toHaveLength(1);
  await expect(page.getByRole('log').getByText(text)).toHaveCount(1);
});

test('UNPAIRED, then a logout from the phone: back to the QR code each time, no retry loop', async ({ page }) => {
  await page.goto(host.url);
  await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 30_000 });

  const unlinks = [
    ['unpaired', () => standIn.control.setState('UNPAIRED')],
    ['phone-logout', () => standIn.control.logoutFromPhone()],
  ] as const;
  for (const [name, unlink] of unlinks) {
    const qrsBefore = standIn.control.qrCodes().length;
    const endedBefore = connectionsEnded().length;
    unlink();
    expect(standIn.control.isLinked()).toBe(false);
    // Back to the QR code by itself; the stored chats stay one click away.
    await expect(statusPill(page, 'Waiting for QR scan')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('img', { name: 'QR code to link WhatsApp' })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/real-${name}.png` });
    // The unlinked page may still report a QR of its own before it closes: count once only the
    // new page is left and shows its QR.
    await expect.poll(() => standIn.control.pages().length).toBe(1);
    await standIn.control.waitForQr();
    expect(standIn.control.qrCodes().length).toBeGreaterThan(qrsBefore);
    const qrsShown = standIn.control.qrCodes().length;
    // Long enough for several relaunches if there were a loop (retry 0.5 s, watchdog 1 s).
    await sleep(3_000);
    expect(standIn.control.qrCodes()).toHaveLength(qrsShown);
    expect(connectionsEnded()).toHaveLength(endedBefore + 1);
    expect(standIn.control.pages()).toHaveLength(1);
    await expect(statusPill(page, 'Waiting for QR scan')).toBeVisible();

    await standIn.control.scan();
    await expect(statusPill(page, 'Connected')).toBeVisible({ timeout: 20_000 });
    expect(standIn.control.isLinked()).toBe(true);
    await page.getByRole('button', { name: 'Go to chats' }).click();
    await expect(chatRow(page, ana.name)).toBeVisible();
  }
});
