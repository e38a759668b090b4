/** Settings change what a person sees: the language of the whole app and the "closing soon" threshold. */
import { expect, HOUR, test } from './fixtures';

test('the language and the closing-soon threshold are settings that apply at once and are kept', async ({
  page,
  host,
}) => {
  await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
  await host.advanceClock(18 * HOUR);
  await page.goto(host.url);
  const row = page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' });
  await expect(row).toContainText(/Open · 5h 5\dm/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('spinbutton', { name: 'Show “closing soon” when less than' }).fill('6');
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Português (Brasil)' });
  await page.screenshot({ path: 'test-results/screens/settings.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(row).toContainText(/Janela fechando · 5h 5\dm/);
  await row.click();
  await expect(page.getByRole('button', { name: 'Enviar', exact: true })).toBeVisible();

  // The threshold is kept; the test clock starts afresh, and --lang en overrides the stored language.
  await host.restart();
  await host.advanceClock(18 * HOUR);
  await page.goto(host.url);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' })).toContainText(
    /Closing soon · 5h 5\dm/,
  );
});
