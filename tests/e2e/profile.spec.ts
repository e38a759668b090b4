/**
 * The customer profile beside the conversation: a name that overrides WhatsApp's, a first name
 * derived from it (or chosen), notes, and labels that filter the chat list.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria da Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };

const list = (page: Page) => page.getByRole('navigation');
const rows = (page: Page) => list(page).getByRole('button', { name: /Maria|João|Cida/ });
const profile = (page: Page) => page.getByRole('tabpanel', { name: 'Customer' });

test('labels are created in the profile, assigned, and filter the chat list', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await host.inbound({ ...joao, text: 'Bom dia' });
  await page.goto(host.url);
  await expect(rows(page)).toHaveCount(2);
  // No labels yet: the list offers no label filter.
  await expect(list(page).getByRole('group', { name: 'Filter by label' })).toHaveCount(0);

  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await expect(profile(page).getByText('No labels yet.')).toBeVisible();
  await profile(page).getByRole('button', { name: 'New label' }).click();
  await profile(page).getByRole('textbox', { name: 'Label name' }).fill('VIP');
  await profile(page).getByRole('radio', { name: 'Purple' }).check();
  await profile(page).getByRole('button', { name: 'Create label' }).click();
  await expect(profile(page).getByRole('button', { name: 'Remove label VIP' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/profile-labels.png' });

  const filter = list(page).getByRole('group', { name: 'Filter by label' });
  const vip = filter.getByRole('button', { name: 'VIP' });
  await vip.click();
  await expect(vip).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAccessibleName(maria.name);
  // The row shows the label too, and says it to screen readers.
  await expect(rows(page).first()).toContainText('VIP');
  await expect(rows(page).first()).toHaveAccessibleDescription(/VIP/);
  await page.screenshot({ path: 'test-results/screens/chat-list-label-filter.png' });

  await vip.click();
  await expect(rows(page)).toHaveCount(2);
  await list(page).getByRole('button', { name: joao.name, exact: true }).click();
  await profile(page).getByRole('combobox', { name: 'Add a label' }).selectOption({ label: 'VIP' });
  await expect(profile(page).getByRole('button', { name: 'Remove label VIP' })).toBeVisible();
  await vip.click();
  await expect(rows(page)).toHaveCount(2);

  await profile(page).getByRole('button', { name: 'Remove label VIP' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAccessibleName(maria.name);

  // Labels survive a restart.
  await host.restart();
  await page.goto(host.url);
  await list(page).getByRole('group', { name: 'Filter by label' }).getByRole('button', { name: 'VIP' }).click();
  await expect(rows(page)).toHaveCount(1);
});

test('Manage labels renames, recolours and deletes a label for every customer', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await host.inbound({ ...joao, text: 'Bom dia' });
  await page.goto(host.url);
  const chipOf = (name: string) => profile(page).locator('.profile__label-list .label-chip', { hasText: name });

  // Two customers with the same label.
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await profile(page).getByRole('button', { name: 'New label' }).click();
  await profile(page).getByRole('textbox', { name: 'Label name' }).fill('Atacado');
  await profile(page).getByRole('button', { name: 'Create label' }).click();
  await expect(profile(page).getByRole('button', { name: 'Remove label Atacado' })).toBeVisible();
  await list(page).getByRole('button', { name: joao.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: joao.name, exact: true })).toBeVisible();
  await profile(page).getByRole('combobox', { name: 'Add a label' }).selectOption({ label: 'Atacado' });
  await expect(profile(page).getByRole('button', { name: 'Remove label Atacado' })).toBeVisible();

  await profile(page).getByRole('button', { name: 'Manage labels' }).click();
  const editor = profile(page).getByRole('form', { name: 'Label Atacado' });
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
  await editor.getByRole('textbox', { name: 'Label name' }).fill('Revenda');
  await editor.getByRole('combobox', { name: 'Label colour' }).selectOption({ label: 'Orange' });
  await editor.getByRole('button', { name: 'Save' }).click();
  // Renamed and recoloured everywhere: this profile, both chat rows, the list's filter.
  await expect(profile(page).getByRole('button', { name: 'Remove label Revenda' })).toBeVisible();
  await expect(chipOf('Revenda')).toHaveCSS('background-color', 'rgb(179, 84, 0)');
  await expect(rows(page).filter({ hasText: 'Revenda' })).toHaveCount(2);
  const filter = list(page).getByRole('group', { name: 'Filter by label' });
  await expect(filter.getByRole('button', { name: 'Revenda' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/label-manager.png' });

  // Deleting asks first; Cancel keeps the label.
  const renamed = profile(page).getByRole('form', { name: 'Label Revenda' });
  await renamed.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(renamed.getByText('Delete “Revenda”? It comes off every customer who has it.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/label-delete-confirm.png' });
  await renamed.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page).filter({ hasText: 'Revenda' })).toHaveCount(2);
  await renamed.getByRole('button', { name: 'Delete', exact: true }).click();
  await renamed.getByRole('button', { name: 'Delete label Revenda from every customer' }).click();
  await expect(rows(page).filter({ hasText: 'Revenda' })).toHaveCount(0);
  await expect(filter).toHaveCount(0);
  await expect(profile(page).getByRole('button', { name: 'Remove label Revenda' })).toHaveCount(0);
  await profile(page).getByRole('button', { name: 'Done' }).click();
  await expect(profile(page).getByRole('button', { name: 'Manage labels' })).toHaveCount(0);

  // Gone after a restart too, from both customers.
  await host.restart();
  await page.goto(host.url);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'Revenda' })).toHaveCount(0);
  await expect(list(page).getByRole('group', { name: 'Filter by label' })).toHaveCount(0);
});

test('the name overrides WhatsApp’s, the first name follows it unless chosen, and quick replies use them', async ({
  page,
  host,
}) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();

  const name = profile(page).getByRole('textbox', { name: 'Name', exact: true });
  const firstName = profile(page).getByRole('textbox', { name: 'First name' });
  await expect(name).toHaveValue(maria.name);
  await expect(firstName).toHaveValue('Maria');
  await expect(profile(page).getByText('WhatsApp name: Maria da Silva')).toBeVisible();

  await name.fill('  Dona Cida   Souza ');
  await expect(firstName).toHaveValue('Cida');
  await profile(page).getByRole('textbox', { name: 'Notes' }).fill('Prefers pickup after 17h.');
  await profile(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(profile(page).getByRole('status')).toHaveText('Profile saved.');
  await expect(list(page).getByRole('button', { name: 'Dona Cida Souza', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dona Cida Souza' })).toBeVisible();

  await firstName.fill('Cidinha');
  await profile(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(profile(page).getByRole('status')).toHaveText('Profile saved.');

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.click();
  await page.keyboard.type('/wait');
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue(/Cidinha/);
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await host.sent()).map((sent) => sent.text))
    .toEqual([expect.stringContaining('Cidinha')]);

  // Blank gives the WhatsApp name back; the chosen first name stays until it is cleared too.
  await page.reload();
  await list(page).getByRole('button', { name: 'Dona Cida Souza', exact: true }).click();
  await expect(profile(page).getByRole('textbox', { name: 'Notes' })).toHaveValue('Prefers pickup after 17h.');
  await expect(firstName).toHaveValue('Cidinha');
  await name.fill('');
  await firstName.fill('');
  await profile(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(profile(page).getByRole('status')).toHaveText('Profile saved.');
  await expect(list(page).getByRole('button', { name: maria.name, exact: true })).toBeVisible();
  await page.reload();
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await expect(firstName).toHaveValue('Maria');
});

test('custom field names are normalised and built-in names refused', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await profile(page).getByRole('button', { name: 'Add field' }).click();
  const fieldName = profile(page).getByRole('textbox', { name: 'Field name' });
  await expect(fieldName).toBeFocused();
  await page.keyboard.type('Data de Retirada');
  await expect(fieldName).toHaveValue('data_de_retirada');
  await fieldName.fill('phone');
  await expect(profile(page).getByText('phone is filled by Janela itself: choose another name.')).toBeVisible();
  await expect(profile(page).getByRole('button', { name: 'Save profile' })).toBeDisabled();
  await fieldName.fill('pickup_date');
  await profile(page).getByRole('textbox', { name: 'pickup_date', exact: true }).fill('Friday');
  await profile(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(profile(page).getByRole('status')).toHaveText('Profile saved.');
  await profile(page).getByRole('button', { name: 'Remove field pickup_date' }).click();
  await profile(page).getByRole('button', { name: 'Save profile' }).click();
  await expect(profile(page).getByRole('status')).toHaveText('Profile saved.');
  await page.reload();
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await expect(profile(page).getByRole('textbox', { name: 'Field name' })).toHaveCount(0);
});

test('a label name over the limit is refused with a message, never cut', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await profile(page).getByRole('button', { name: 'New label' }).click();
  const long = 'Cliente que sempre pede entrega no mesmo dia';
  const name = profile(page).getByRole('textbox', { name: 'Label name' });
  await name.fill(long);
  await expect(name).toHaveValue(long);
  await profile(page).getByRole('button', { name: 'Create label' }).click();
  await expect(profile(page).getByRole('alert')).toHaveText(
    'That label name is too long: use at most 40 characters, then save again.',
  );
  await expect(name).toHaveValue(long);
  await expect(profile(page).getByRole('button', { name: /^Remove label/ })).toHaveCount(0);
});
