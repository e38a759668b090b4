/**
 * Work typed but not explicitly saved is never thrown away: the customer's profile saves itself as
 * you type, and closing the quick-reply manager over a reply being written asks first.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };

const chatRow = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

test('profile notes and fields save as you type and survive opening another chat', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await host.inbound({ ...joao, text: 'Bom dia' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  const profile = page.getByRole('tabpanel', { name: 'Customer' });
  await profile.getByRole('textbox', { name: 'Notes' }).fill('Prefers carrot cake, pays with Pix');
  await profile.getByRole('button', { name: 'Add field' }).click();
  await profile.getByRole('textbox', { name: 'Field name' }).last().fill('bairro');
  await profile.getByRole('textbox', { name: 'bairro', exact: true }).fill('Centro');
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');
  await page.screenshot({ path: 'test-results/screens/profile-autosaved.png' });

  // Typed and left at once, before the pause that saves: opening another chat saves it too.
  await profile.getByRole('textbox', { name: 'Notes' }).fill('Prefers carrot cake, pays with Pix. Birthday 12/03');
  await chatRow(page, joao.name).click();
  await expect(page.getByRole('heading', { name: joao.name, exact: true })).toBeVisible();
  await chatRow(page, maria.name).click();
  await expect(page.getByRole('heading', { name: maria.name, exact: true })).toBeVisible();
  await expect(profile.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    'Prefers carrot cake, pays with Pix. Birthday 12/03',
  );
  await expect(profile.getByRole('textbox', { name: 'bairro', exact: true })).toHaveValue('Centro');

  // And it is in the backend, not only in this page.
  await page.reload();
  await chatRow(page, maria.name).click();
  await expect(profile.getByRole('textbox', { name: 'Notes' })).toHaveValue(
    'Prefers carrot cake, pays with Pix. Birthday 12/03',
  );
});

test('× and Esc ask before discarding a quick reply being written', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  await page.getByRole('tab', { name: 'Quick replies' }).click();
  await page.getByRole('button', { name: 'Manage quick replies' }).click();
  const manager = page.getByRole('dialog', { name: 'Quick replies' });
  await manager.getByRole('button', { name: 'New quick reply' }).click();
  await manager.getByRole('textbox', { name: 'Shortcut' }).fill('bolo');
  await manager.getByRole('textbox', { name: 'Text' }).fill('Temos bolo de cenoura hoje!');

  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Discard this quick reply?' });
  await expect(ask).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/quick-reply-discard.png' });
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(manager).toBeVisible();
  await expect(manager.getByRole('textbox', { name: 'Text' })).toHaveValue('Temos bolo de cenoura hoje!');

  await manager.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(manager).toBeHidden();

  // With nothing typed, × closes at once.
  await page.getByRole('button', { name: 'Manage quick replies' }).click();
  await manager.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(manager).toBeHidden();
  await expect(ask).toBeHidden();
});
