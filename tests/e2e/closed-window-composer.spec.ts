/**
 * A closed window keeps the draft but never lets a reply out silently: Enter, the Send button and
 * the `/` picker each say why nothing went out.
 */
import { expect, HOUR, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria Silva' };

test('in a closed chat, Enter and Send explain why nothing went out, and the draft is kept', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Vocês abrem amanhã?' });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: maria.name, exact: true }).click();
  await host.advanceClock(25 * HOUR);
  await expect(page.locator('[data-notice="window-closed"]')).toBeVisible();

  // A text box, and a combobox while the "/" picker is open.
  const composer = page.getByRole('textbox', { name: 'Message' }).or(page.getByRole('combobox', { name: 'Message' }));
  await composer.fill('Abrimos sim, das 9h às 18h!');
  await composer.press('Enter');
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Not sent: this chat’s 24-hour window is closed');
  await expect(composer).toHaveValue('Abrimos sim, das 9h às 18h!');

  await composer.fill('Abrimos sim!');
  await expect(refusal).toBeHidden();
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  await send.click({ force: true });
  await expect(refusal).toContainText('Your draft is kept');
  await expect(composer).toHaveValue('Abrimos sim!');

  await composer.fill('/');
  await expect(page.getByRole('note').filter({ hasText: 'you can prepare the reply' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/closed-window-picker.png' });
  expect(await host.sent()).toEqual([]);

  // The draft is still there when the customer writes again, and then it goes out.
  await composer.fill('Abrimos sim!');
  await host.inbound({ ...maria, text: 'Oi?' });
  await expect(page.locator('[data-notice="window-closed"]')).toBeHidden();
  await composer.press('Enter');
  await expect.poll(async () => (await host.sent()).map((sent) => sent.text)).toEqual(['Abrimos sim!']);
});
