/**
 * Offline sending (issue 16, item 7): as WhatsApp shows a clock, a reply written while the
 * connection is down waits, goes out once on reconnect, or fails saying why when the window closed.
 */
import { expect, HOUR, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria Silva' };

test('offline, a reply waits with a clock and goes out once on reconnect', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Tem o vestido azul?' });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: maria.name, exact: true }).click();
  await host.setConnected(false);
  await expect(page.locator('[data-notice="not-connected"]')).toContainText('goes out when it reconnects');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Tem sim! Separo para você?');
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(page.getByRole('alert')).toBeHidden();
  const history = page.getByRole('log');
  const waiting = history.getByRole('img', { name: /^Waiting for the connection/ });
  await expect(waiting).toBeVisible();
  expect(await host.sent()).toEqual([]);

  await host.setConnected(true);
  await expect(waiting).toBeHidden();
  await expect(history.getByRole('img', { name: 'Sent', exact: true })).toBeVisible();
  await expect.poll(async () => (await host.sent()).map((sent) => sent.text)).toEqual(['Tem sim! Separo para você?']);
  // Nothing more goes out later.
  await page.waitForTimeout(300);
  expect(await host.sent()).toHaveLength(1);
});

test('offline, the window closes before reconnecting: the reply fails with the reason', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Ainda tem?' });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: maria.name, exact: true }).click();
  await host.advanceClock(23 * HOUR);
  await host.setConnected(false);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Tem sim!');
  await composer.press('Enter');
  await expect(page.getByRole('log').getByRole('img', { name: /^Waiting for the connection/ })).toBeVisible();

  await host.advanceClock(2 * HOUR);
  await host.setConnected(true);
  await expect(page.getByText('Not sent: the 24-hour window closed before WhatsApp reconnected')).toBeVisible();
  expect(await host.sent()).toEqual([]);
});
