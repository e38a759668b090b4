/**
 * The core loop in a real browser against the browser host: a customer writes, staff answer, the
 * window runs down and closes, the customer reopens it; and everything survives a restart.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { JanelaApi } from '../../shared/bridge';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';

const maria = { phone: '5511987654321', name: 'Maria Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

test('a customer writes, staff answer, the window closes, only the customer reopens it', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Oi! O bolo de cenoura ainda tem hoje?' });

  const row = chatRow(page, maria.name);
  await expect(row).toContainText('Open · 23h 59m');
  await expect(row).toContainText('O bolo de cenoura');
  await row.click();
  await expect(page.getByRole('log')).toContainText('O bolo de cenoura ainda tem hoje?');

  await page.getByRole('textbox', { name: 'Message' }).fill('Tem sim, Maria! Separo um para você?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => host.sent())
    .toEqual([expect.objectContaining({ phone: maria.phone, text: 'Tem sim, Maria! Separo um para você?' })]);
  await expect(page.getByRole('log').getByRole('img', { name: /read/i })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/conversation-open.png' });

  await host.advanceClock(21 * HOUR);
  await expect(row).toContainText(/Closing soon · 2h 5\dm/);

  await host.advanceClock(3 * HOUR);
  await expect(row).toContainText('Closed');
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  const notice = page.locator('[data-notice="window-closed"]');
  await expect(notice).toContainText(/only the customer/i);
  await expect(notice).toContainText(/WhatsApp/);
  await page.screenshot({ path: 'test-results/screens/conversation-closed.png' });

  // A call that bypasses the UI is refused by the backend, and nothing reaches WhatsApp.
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as { janela: JanelaApi }).janela
      .sendMessage({ chatId: '5511987654321@c.us', text: 'Sneaky' })
      .then(
        () => 'sent',
        (error: Error) => error.message,
      ),
  );
  expect(outcome).toMatch(/^window-closed/);
  expect(await host.sent()).toHaveLength(1);

  await host.inbound({ ...maria, text: 'Ainda dá tempo de buscar?' });
  await expect(row).toContainText('Open · 23h 59m');
  await page.getByRole('textbox', { name: 'Message' }).fill('Dá sim!');
  await expect(send).toBeEnabled();
  await send.click();
  await expect
    .poll(async () => (await host.sent()).map((sent) => sent.text))
    .toEqual(['Tem sim, Maria! Separo um para você?', 'Dá sim!']);
});

test('the list puts unanswered chats closing soonest first, with filters and search', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await host.advanceClock(20 * HOUR);
  await host.inbound({ ...joao, text: 'Bom dia' });
  await host.inbound({ phone: '5531976543210', name: 'Ana Souza', text: 'Olá' });
  await page.goto(host.url);
  const rows = page.getByRole('navigation').getByRole('button', { name: /Maria Silva|João Pereira|Ana Souza/ });
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAccessibleName(maria.name);
  await expect(rows.first()).toContainText(/Closing soon · 3h 5\dm/);
  await page.screenshot({ path: 'test-results/screens/chat-list.png' });

  await page.getByRole('searchbox', { name: 'Search by name or number' }).fill('5521');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(joao.name);
  await page.getByRole('searchbox', { name: 'Search by name or number' }).fill('');

  await page.getByRole('button', { name: 'Closing soon', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAccessibleName(maria.name);
});

test('while WhatsApp is not connected, the composer says replies wait for it', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Olá!');
  await host.setConnected(false);
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await expect(page.locator('[data-notice="not-connected"]')).toBeVisible();
  await host.setConnected(true);
  await expect(page.locator('[data-notice="not-connected"]')).toBeHidden();
});

test('everything survives a restart of the host', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Quero encomendar um bolo' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Claro! Para quando?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => host.sent()).toHaveLength(1);

  await host.restart();
  await page.goto(host.url);
  const row = chatRow(page, maria.name);
  await expect(row).toContainText('Open · 23h 5');
  await row.click();
  await expect(page.getByRole('log')).toContainText('Quero encomendar um bolo');
  await expect(page.getByRole('log')).toContainText('Claro! Para quando?');
});

test('Portuguese is the default language', async ({ page }) => {
  const host = await new JanelaHost({}).start();
  try {
    await host.inbound({ ...maria, text: 'Oi' });
    await page.goto(host.url);
    const row = chatRow(page, maria.name);
    await expect(row).toContainText('Janela aberta · 23h 59m');
    await row.click();
    await expect(page.getByRole('button', { name: 'Enviar', exact: true })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('a damaged data file is restored or reset, and the person is told', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'janela-e2e-corrupt-'));
  writeFileSync(join(dataDir, 'janela.json'), '{"version":1,"contacts":{"55119876');
  const host = await new JanelaHost({ dataDir, lang: 'en' }).start();
  try {
    await page.goto(host.url);
    await expect(page.locator('[data-notice-kind="store-recovered"]')).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/store-recovered.png' });
  } finally {
    await host.stop();
  }
});

test('the demo shows a Brazilian shop with customers in every window state', async ({ page }) => {
  const host = await new JanelaHost({ mode: '--demo', lang: 'en' }).start();
  try {
    await page.goto(host.url);
    const list = page.getByRole('navigation');
    await expect(list.getByRole('button', { name: 'Maria Silva' })).toContainText('Open');
    await expect(list.getByRole('button', { name: 'João Pereira' })).toContainText('Closing soon');
    await expect(list.getByRole('button', { name: 'Beatriz Lima' })).toContainText('Closed');
    await page.screenshot({ path: 'test-results/screens/demo-list.png' });
  } finally {
    await host.stop();
  }
});
