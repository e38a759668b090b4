/** Settings change what a person sees: the language of the whole app and the "closing soon" threshold. */
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';

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

test('the time zone list names zones as people say them, with the machine’s zone chosen on the first run', async ({
  page,
}) => {
  const host = await new JanelaHost({ lang: 'pt-BR', env: { TZ: 'America/Manaus' } }).start();
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Configurações' }).click();
    const dialog = page.getByRole('dialog', { name: 'Configurações' });
    const zone = dialog.getByRole('combobox', { name: 'Fuso horário' });
    await expect(zone).toHaveValue('America/Manaus');
    await expect(zone.locator('option:checked')).toHaveText('Horário do Amazonas (Manaus)');
    await expect(zone.getByRole('option', { name: 'Horário de Brasília (São Paulo)' })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screens/settings-time-zone.png' });
    await zone.selectOption({ label: 'Horário de Brasília (São Paulo)' });
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Configurações' }).click();
    await expect(zone).toHaveValue('America/Sao_Paulo');
  } finally {
    await host.stop();
  }
});

test('--lang applies to that launch only: the saved language stays the person’s choice', async ({ page }) => {
  const host = await new JanelaHost({ lang: 'pt-BR' }).start();
  try {
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Configurações' })).toBeVisible();
    await host.stop();
    const english = await new JanelaHost({ dataDir: host.dataDir, lang: 'en' }).start();
    try {
      await page.goto(english.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('pt-BR');
      await expect(dialog.getByText('This launch shows English (chosen with --lang)')).toBeVisible();
    } finally {
      await english.stop();
    }
    const plain = await new JanelaHost({ dataDir: host.dataDir }).start();
    try {
      await page.goto(plain.url);
      await expect(page.getByRole('button', { name: 'Configurações' })).toBeVisible();
    } finally {
      await plain.stop();
    }
  } finally {
    await host.stop();
  }
});
