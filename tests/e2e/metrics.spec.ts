/**
 * The metrics dashboard over two simulated days: customers write through /test/inbound, staff
 * answer with the composer, the clock moves through /test/clock; the cards, the missed list, the
 * CSV and the satisfaction survey are checked as a shop owner sees them.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { JanelaApi } from '../../shared/bridge';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';

const MINUTE = 60_000;
const maria = { phone: '5511987654321', name: 'Maria Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };
const ana = { phone: '5531976543210', name: 'Ana Souza' };

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function reply(page: Page, name: string, text: string): Promise<void> {
  await chatRow(page, name).click();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('log')).toContainText(text);
}

function card(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

test('two days of customers and replies add up on the dashboard and in the CSV', async ({ page, host }) => {
  await page.goto(host.url);

  // Day 1: Maria is answered in 10 minutes; João waits for nobody.
  await host.inbound({ ...maria, text: 'Oi! Tem bolo de cenoura?' });
  await host.inbound({ ...joao, text: 'Vocês entregam no Centro?' });
  await host.advanceClock(10 * MINUTE);
  await reply(page, maria.name, 'Tem sim, Maria!');
  await expect.poll(async () => (await host.sent()).length).toBe(1);

  // Day 2: João's window expired unanswered; Maria comes back (restarted) and rates the service.
  await host.advanceClock(25 * HOUR);
  await host.inbound({ ...maria, text: 'Oi de novo! Tem torta de limão?' });
  await host.advanceClock(30 * MINUTE);
  await reply(page, maria.name, 'Tem sim, a inteira sai por R$ 65.');
  await page.getByRole('button', { name: 'Ask for rating' }).click();
  await expect(page.getByRole('button', { name: 'Rating requested' })).toBeDisabled();
  await expect
    .poll(async () => (await host.sent()).map((sent) => sent.text))
    .toContain('Hi Maria! From 1 to 5, how was our service? Just reply with the number.');
  // Asked twice in one conversation: refused with a clear reason.
  const again = await page.evaluate(() =>
    (globalThis as unknown as { janela: JanelaApi }).janela.sendCsatSurvey({ chatId: '5511987654321@c.us' }).then(
      () => 'sent',
      (error: Error) => error.message,
    ),
  );
  expect(again).toMatch(/^survey-already-sent/);
  await host.advanceClock(2 * MINUTE);
  await host.inbound({ ...maria, text: '5' });
  await host.inbound({ ...ana, text: 'Vocês abrem domingo?' });

  await page.getByRole('button', { name: 'Metrics' }).click();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(card(page, 'Conversations')).toContainText('4');
  await expect(card(page, 'Conversations')).toContainText('3 new · 1 restarted after expiry');
  await expect(card(page, 'Response rate')).toContainText('67%');
  await expect(card(page, 'Response rate')).toContainText('2 answered · 1 missed · 1 pending');
  await expect(card(page, 'First response (median)')).toContainText('20 min');
  await expect(card(page, 'Satisfaction (CSAT)')).toContainText('100%');
  await expect(card(page, 'Satisfaction (CSAT)')).toContainText('1 of 1 surveys answered · average 5.0');
  await expect(page.getByRole('figure', { name: 'Conversations per day' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'When customers write' })).toBeVisible();

  // The dashboard shows exactly what getMetrics returns.
  const report = await page.evaluate(() => {
    const now = Date.now();
    return (globalThis as unknown as { janela: JanelaApi }).janela.getMetrics({
      from: now - 30 * 86_400_000,
      to: now + 30 * 86_400_000,
    });
  });
  expect(report).toMatchObject({ conversations: 4, restartedAfterExpiry: 1, answered: 2, missed: 1, pending: 1 });
  // The host's clock is the real one moved forward: the test's own seconds add to each wait.
  expect(report.firstResponseMs.median).toBeGreaterThanOrEqual(20 * MINUTE);
  expect(report.firstResponseMs.median).toBeLessThan(21 * MINUTE);
  expect(report.firstResponseMs.p90).toBeGreaterThanOrEqual(30 * MINUTE);
  expect(report.firstResponseMs.p90).toBeLessThan(31 * MINUTE);
  expect(report.csat).toMatchObject({ surveysSent: 1, answers: 1, average: 5, satisfiedShare: 1 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^janela-metrics-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const rows = csv.trim().split('\r\n');
  expect(rows[0]).toBe('customer,phone,started,first response,status,restarted after expiry,CSAT score');
  expect(rows).toHaveLength(5);
  expect(rows.filter((row) => row.startsWith('Maria Silva'))).toEqual([
    expect.stringMatching(/^Maria Silva,5511987654321,[\d-]+ [\d:]+,[\d-]+ [\d:]+,answered,no,$/),
    expect.stringMatching(/^Maria Silva,5511987654321,[\d-]+ [\d:]+,[\d-]+ [\d:]+,answered,yes,5$/),
  ]);
  expect(rows).toContainEqual(expect.stringMatching(/^João Pereira,5521998765432,[\d-]+ [\d:]+,,missed,no,$/));
  expect(rows).toContainEqual(expect.stringMatching(/^Ana Souza,5531976543210,[\d-]+ [\d:]+,,pending,no,$/));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/screens/metrics-two-days-en.png', fullPage: true });

  // The missed conversation opens its chat, where it can be marked done.
  await page
    .getByRole('region', { name: /Missed conversations/ })
    .getByRole('button', { name: /João Pereira/ })
    .click();
  await expect(page.getByRole('heading', { name: joao.name })).toBeVisible();
  await expect(chatRow(page, joao.name)).toContainText('Unanswered');
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(chatRow(page, joao.name)).not.toContainText('Unanswered');
  await expect(chatRow(page, joao.name)).toContainText('Done');
  await page.screenshot({ path: 'test-results/screens/metrics-conversation-done-en.png' });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: 'test-results/screens/metrics-conversation-done-en-1024.png' });

  // Once Ana's window closed, the survey is refused and the button says why.
  await host.advanceClock(25 * HOUR);
  await chatRow(page, ana.name).click();
  await expect(page.getByRole('button', { name: 'Ask for rating' })).toBeDisabled();
  const closed = await page.evaluate(() =>
    (globalThis as unknown as { janela: JanelaApi }).janela.sendCsatSurvey({ chatId: '5531976543210@c.us' }).then(
      () => 'sent',
      (error: Error) => error.message,
    ),
  );
  expect(closed).toMatch(/^window-closed/);
});

test('an empty period says so plainly', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Oi!' });
  await page.getByRole('button', { name: 'Metrics' }).click();
  await page.getByRole('button', { name: 'Custom range' }).click();
  await page.getByLabel('From').fill('2020-01-01');
  await page.getByLabel('To (inclusive)').fill('2020-01-31');
  await expect(page.getByText('No conversations in this period.')).toBeVisible();
  await expect(page.getByText('No missed conversations in this period.')).toBeVisible();
});

for (const lang of ['pt-BR', 'en'] as const) {
  test(`the demo shop fills every chart (${lang})`, async ({ page }) => {
    const host = await new JanelaHost({ mode: '--demo', lang }).start();
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(host.url);
      const pt = lang === 'pt-BR';
      await page.getByRole('button', { name: pt ? 'Métricas' : 'Metrics' }).click();
      await page.getByRole('button', { name: pt ? 'Últimos 30 dias' : 'Last 30 days' }).click();
      const conversations = page.getByRole('region', { name: pt ? 'Conversas' : 'Conversations', exact: true });
      await expect(conversations).toContainText(pt ? /reiniciadas? após expirar/ : /restarted after expiry/);
      await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
      await expect(page.locator('.recharts-line-curve').first()).toBeVisible();
      await page.screenshot({ path: `test-results/screens/metrics-demo-${lang}.png` });
      await page.screenshot({ path: `test-results/screens/metrics-demo-${lang}-full.png`, fullPage: true });
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.screenshot({ path: `test-results/screens/metrics-demo-${lang}-1024.png` });
    } finally {
      await host.stop();
    }
  });
}
