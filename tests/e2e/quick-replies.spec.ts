/**
 * Personalised quick replies end to end in the browser host: written in the manager, filled from
 * each customer's profile, picked with `/` in the composer, and checked against what the simulated
 * WhatsApp actually sent. A field left empty must block the send and point to where it is filled.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria da Silva' };
const joao = { phone: '5521998765432', name: 'João Pereira' };
const ana = { phone: '5531976543210', name: 'Ana Souza' };

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

// A text box, and a combobox while the "/" picker is open (issue 16: ARIA combobox pattern).
const composer = (page: Page) =>
  page.getByRole('textbox', { name: 'Message' }).or(page.getByRole('combobox', { name: 'Message' }));
const picker = (page: Page) => page.getByRole('listbox', { name: 'Quick replies' });

async function openChat(page: Page, name: string) {
  await chatRow(page, name).click();
  // The previous chat's log and panel are still on screen until this one has rendered.
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('log')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Customer panel' })).toBeVisible();
}

/** Adds a custom field in the open chat's profile panel and saves the profile. */
async function fillCustomField(page: Page, field: string, value: string) {
  const profile = page.getByRole('tabpanel', { name: 'Customer' });
  await page.getByRole('tab', { name: 'Customer' }).click();
  await expect(profile.getByRole('textbox', { name: 'Name', exact: true })).toBeVisible();
  await profile.getByRole('button', { name: 'Add field' }).click();
  await profile.getByRole('textbox', { name: 'Field name' }).last().fill(field);
  await profile.getByRole('textbox', { name: field, exact: true }).fill(value);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');
}

async function openManager(page: Page) {
  await page.getByRole('tab', { name: 'Quick replies' }).click();
  await page.getByRole('button', { name: 'Manage quick replies' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quick replies' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function createPickupReply(page: Page) {
  const dialog = await openManager(page);
  await dialog.getByRole('button', { name: 'New quick reply' }).click();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('pickup');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Pickup ready');
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Hi {{frist_name}}! Order {{Order ID}} is ready.');
  // Typos are flagged while writing: a name that can never be filled, and a near miss with its fix.
  await expect(dialog.locator('[data-warning="unknown"]')).toContainText('{{order id}}');
  await expect(dialog.getByText('Did you mean {{first_name}} instead of {{frist_name}}?')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: 'Text' })
    .fill('Hi {{first_name}}! Order {{order_id}} is ready for pickup.');
  await expect(dialog.locator('[data-warning="unknown"], [data-warning="suggestion"]')).toHaveCount(0);
  return dialog;
}

test('the editor knows the custom fields of every customer, also after a restart with no profile opened', async ({
  page,
  host,
}) => {
  await host.inbound({ ...maria, text: 'Oi, meu pedido já está pronto?' });
  await host.inbound({ ...joao, text: 'Bom dia!' });
  await page.goto(host.url);
  await openChat(page, maria.name);
  await fillCustomField(page, 'order_id', 'A-1001');

  await host.restart();
  await page.goto(host.url);
  // João's chat: Maria's profile, which holds the field, is not opened in this session.
  await openChat(page, joao.name);
  const dialog = await openManager(page);
  await dialog.getByRole('button', { name: 'New quick reply' }).click();
  await expect(
    dialog.getByRole('group', { name: 'Insert a field' }).getByRole('button', { name: 'order_id' }),
  ).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Order {{order_id}} is ready.');
  await expect(dialog.locator('[data-warning]')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Order {{order_number}} is ready.');
  await expect(dialog.locator('[data-warning]')).not.toHaveCount(0);
});

test('a quick reply with first name and a custom field is personalised for each customer', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi, meu pedido já está pronto?' });
  await host.inbound({ ...joao, text: 'Bom dia! E o meu?' });
  await page.goto(host.url);

  await openChat(page, maria.name);
  await fillCustomField(page, 'order_id', 'A-1001');
  await page.screenshot({ path: 'test-results/screens/profile-panel.png' });

  const dialog = await createPickupReply(page);
  await expect(dialog.getByTestId('qr-preview')).toHaveText('Hi Maria! Order A-1001 is ready for pickup.');
  await expect(dialog.getByText('Preview for Maria da Silva')).toBeVisible();
  await expect(dialog.locator('[data-warning]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/quick-replies-manager.png' });
  await dialog.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Quick reply saved.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The side panel shows it filled for Maria.
  await expect(page.getByRole('button', { name: 'Insert /pickup: Pickup ready' })).toContainText(
    'Order A-1001 is ready',
  );

  await composer(page).click();
  await page.keyboard.type('/pick');
  // The shortcut match comes first; the starter "Order ready for pickup" matches by its title.
  await expect(picker(page).getByRole('option').first()).toContainText('/pickupPickup ready');
  await expect(picker(page).getByRole('option').first()).toContainText('Hi Maria! Order A-1001 is ready for pickup.');
  await page.screenshot({ path: 'test-results/screens/quick-reply-picker.png' });
  // A partial shortcut highlights nothing until the person moves into the list.
  await expect(picker(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(composer(page)).toHaveValue('Hi Maria! Order A-1001 is ready for pickup.');
  await expect(picker(page)).toBeHidden();
  expect(await host.sent()).toEqual([]);
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await host.sent()).map(({ phone, text }) => ({ phone, text })))
    .toEqual([{ phone: maria.phone, text: 'Hi Maria! Order A-1001 is ready for pickup.' }]);

  await openChat(page, joao.name);
  await fillCustomField(page, 'order_id', 'B-2002');
  await composer(page).click();
  await page.keyboard.type('/pickup');
  await page.keyboard.press('Enter');
  await expect(composer(page)).toHaveValue('Hi João! Order B-2002 is ready for pickup.');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await host.sent()).map(({ phone, text }) => ({ phone, text })))
    .toEqual([
      { phone: maria.phone, text: 'Hi Maria! Order A-1001 is ready for pickup.' },
      { phone: joao.phone, text: 'Hi João! Order B-2002 is ready for pickup.' },
    ]);
});

test('a field missing for this customer blocks the send and leads to the profile field', async ({ page, host }) => {
  await host.inbound({ ...ana, text: 'Meu pedido chegou?' });
  await page.goto(host.url);
  await openChat(page, ana.name);
  const dialog = await createPickupReply(page);
  // No customer opened so far has order_id: said softly, since it may be filled later.
  await expect(dialog.locator('[data-warning="unseen"]')).toContainText('{{order_id}}');
  await expect(dialog.getByTestId('qr-preview')).toHaveText('Hi Ana! Order {{order_id}} is ready for pickup.');
  await dialog.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Quick reply saved.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await composer(page).click();
  await page.keyboard.type('/pickup');
  await page.keyboard.press('Enter');
  // The placeholder stays visible for editing, and the notice says where the value comes from.
  await expect(composer(page)).toHaveValue('Hi Ana! Order {{order_id}} is ready for pickup.');
  const notice = page.locator('[data-notice="unfilled-placeholder"]');
  await expect(notice).toContainText('order_id is empty for this customer.');
  await page.screenshot({ path: 'test-results/screens/quick-reply-missing-field.png' });

  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Not sent: order_id still to fill in the customer’s profile');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Not sent: order_id still to fill in the customer’s profile');
  expect(await host.sent()).toEqual([]);

  await notice.getByRole('button', { name: 'Fill order_id in the profile' }).click();
  const profile = page.getByRole('tabpanel', { name: 'Customer' });
  const field = profile.getByRole('textbox', { name: 'order_id', exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('C-3003');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(profile.getByRole('status')).toHaveText('Profile saved.');

  await notice.getByRole('button', { name: 'Fill in the values' }).click();
  await expect(composer(page)).toHaveValue('Hi Ana! Order C-3003 is ready for pickup.');
  await expect(notice).toBeHidden();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(async () => (await host.sent()).map((sent) => sent.text))
    .toEqual(['Hi Ana! Order C-3003 is ready for pickup.']);

  // Even a call that skips the UI cannot send a placeholder.
  const outcome = await page.evaluate(() =>
    (
      globalThis as unknown as { janela: { sendMessage(input: { chatId: string; text: string }): Promise<unknown> } }
    ).janela
      .sendMessage({ chatId: '5531976543210@c.us', text: 'Order {{order_id}}' })
      .then(
        () => 'sent',
        (error: Error) => error.message,
      ),
  );
  expect(outcome).toMatch(/^unfilled-placeholder/);
  expect(await host.sent()).toHaveLength(1);
});

test('the / picker works with the keyboard alone', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await openChat(page, maria.name);
  await composer(page).focus();

  await page.keyboard.type('/');
  const options = picker(page).getByRole('option');
  await expect(options.first()).toBeVisible();
  const count = await options.count();
  expect(count).toBeGreaterThan(2);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
  // The text box keeps the focus and tells assistive technology which option is highlighted.
  await expect(composer(page)).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Message' })).toHaveAttribute('aria-expanded', 'true');
  await expect(composer(page)).toHaveAttribute('aria-activedescendant', /.+/);

  await page.keyboard.press('Escape');
  await expect(picker(page)).toBeHidden();
  await expect(composer(page)).toHaveValue('/');
  await page.keyboard.press('Backspace');

  // A whole shortcut is a choice already: Enter inserts it.
  await page.keyboard.type('/HI');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(composer(page)).toHaveValue(/^Good (morning|afternoon|evening), Maria! This is .+\. How can I help\?$/);
  expect(await host.sent()).toEqual([]);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await host.sent()).length).toBe(1);
  expect((await host.sent())[0]?.text).toMatch(/^Good (morning|afternoon|evening), Maria!/);
  await expect(composer(page)).toHaveValue('');

  // A slash later in the message is plain text: Enter sends exactly what was typed.
  await page.keyboard.type('Valor: R$ 30 /un');
  await expect(picker(page)).toBeHidden();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await host.sent()).map((sent) => sent.text).at(-1)).toBe('Valor: R$ 30 /un');
  await expect(composer(page)).toHaveValue('');

  // A slash inside a word or a link does not open the picker.
  await page.keyboard.type('http://example.com 1/2');
  await expect(picker(page)).toBeHidden();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');

  // With no match, Esc closes the note and Enter sends as usual; the next slash opens it again.
  await page.keyboard.type('/zz');
  await expect(page.getByText('No quick reply matches /zz.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('No quick reply matches /zz.')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await host.sent()).map((sent) => sent.text).at(-1)).toBe('/zz');
  await expect(composer(page)).toHaveValue('');
  await page.keyboard.type('/');
  await expect(options.first()).toBeVisible();
});

test('the manager catches duplicate shortcuts, reorders by keyboard, and round-trips export and import', async ({
  page,
  host,
}) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await openChat(page, maria.name);
  const dialog = await openManager(page);
  const list = dialog.getByRole('list', { name: 'Your quick replies' });
  const rows = list.getByRole('listitem');
  const total = await rows.count();
  expect(total).toBeGreaterThan(3);

  await dialog.getByRole('button', { name: 'New quick reply' }).click();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('HI');
  await expect(dialog.getByText('Another quick reply (“Greeting”) already uses /hi.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await expect(rows.nth(0)).toContainText('/hi');
  await expect(rows.nth(1)).toContainText('/hours');
  await dialog.getByRole('button', { name: 'Move /hours up' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(0)).toContainText('/hours');
  await expect(rows.nth(1)).toContainText('/hi');
  // At the top the focus moves to the arrow that still works.
  await expect(dialog.getByRole('button', { name: 'Move /hours down' })).toBeFocused();

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('janela-quick-replies.json');
  const exported = readFileSync((await file.path()) ?? '', 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'janela-quick-replies', version: 1 });

  await dialog.getByRole('button', { name: 'Delete /hi' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rows).toHaveCount(total - 1);
  await expect(list).not.toContainText('/hi');

  const importInput = dialog.getByLabel('Quick replies file to import');
  await importInput.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"something-else"}'),
  });
  await expect(dialog.getByRole('alert')).toHaveText(
    'That file is not a valid quick-reply export; nothing was imported.',
  );
  await expect(rows).toHaveCount(total - 1);

  await importInput.setInputFiles({
    name: 'janela-quick-replies.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(dialog.getByRole('status')).toHaveText(`Imported. You now have ${total} quick replies.`);
  await expect(rows).toHaveCount(total);
  await expect(list).toContainText('/hi');
});
