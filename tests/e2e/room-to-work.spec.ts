/**
 * Issue 16 item 9: room to work. The chat list is resizable (drag or arrows, remembered), the
 * customer panel can be hidden (remembered), rows stay on their lines with long labels, and the
 * legend explains the badges. Screenshots at the three sizes in both languages.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JanelaHost } from './janela-host';

const maria = { phone: '5511987654321', name: 'Maria da Silva' };

const list = (page: Page) => page.getByRole('navigation');

test('the list is resized with the keyboard or by dragging and keeps its width after a reload', async ({
  page,
  host,
}) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  const separator = page.getByRole('separator', { name: 'Resize the chat list' });
  const before = Number(await separator.getAttribute('aria-valuenow'));
  const nav = list(page);
  const widthBefore = (await nav.boundingBox())?.width ?? 0;
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 32));
  expect((await nav.boundingBox())?.width).toBeCloseTo(widthBefore + 32, 0);
  await page.keyboard.press('Home');
  await expect(separator).toHaveAttribute('aria-valuenow', '260');
  // So narrow, the filter chips give way to one compact select that does the same.
  await expect(nav.getByRole('group', { name: 'Filter chats' })).toBeHidden();
  const select = nav.getByRole('combobox', { name: 'Filter chats' });
  await select.selectOption({ label: 'Closed' });
  await expect(nav.getByText('No chat matches these filters.')).toBeVisible();
  await select.selectOption({ label: 'All chats' });
  await expect(nav.getByRole('button', { name: maria.name, exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the chat list' })).toHaveAttribute('aria-valuenow', '276');

  // Dragging works too.
  const box = await page.getByRole('separator', { name: 'Resize the chat list' }).boundingBox();
  if (!box) throw new Error('no separator');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByRole('separator', { name: 'Resize the chat list' })).toHaveAttribute('aria-valuenow', '376');
});

test('the customer panel hides from the conversation header and stays hidden', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Customer panel' });
  await expect(panel).toBeVisible();
  const conversation = page.locator('.conversation__main');
  const narrow = (await conversation.boundingBox())?.width ?? 0;
  await page.getByRole('button', { name: 'Hide the customer panel' }).click();
  await expect(panel).toBeHidden();
  expect((await conversation.boundingBox())?.width ?? 0).toBeGreaterThan(narrow + 200);
  await page.reload();
  await list(page).getByRole('button', { name: maria.name, exact: true }).click();
  await expect(page.getByRole('button', { name: 'Show the customer panel' })).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  await page.getByRole('button', { name: 'Show the customer panel' }).click();
  await expect(panel).toBeVisible();
});

test('the legend explains the colours and the 24-hour rule', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await list(page).getByRole('button', { name: 'What do the colours mean?' }).click();
  const legend = page.getByRole('dialog', { name: 'What the colours mean' });
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('24 hours after the customer’s last message');
  await expect(legend).toContainText('Open · 23h 59m');
  await expect(legend).toContainText('Closing soon · 1h 05m');
  await expect(legend).toContainText('Closed');
  await page.keyboard.press('Escape');
  await expect(legend).toBeHidden();
});

for (const lang of ['pt-BR', 'en'] as const) {
  test(`rows, filters and panels fit at 1024×640, 1280×800 and 1920×1080 (${lang})`, async ({ page }) => {
    const host = await new JanelaHost({ mode: '--demo', lang }).start();
    try {
      for (const [width, height] of [
        [1024, 640],
        [1280, 800],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(host.url);
        const rows = list(page).locator('.chat-row');
        await expect(rows.first()).toBeVisible();
        await rows.first().click();
        // No status word wraps: every row's meta line is one line high.
        for (const status of await list(page).locator('.chat-row__unanswered:not(:empty)').all()) {
          const box = await status.boundingBox();
          expect(box?.height ?? 0).toBeLessThan(20);
        }
        // "+N" is never clipped by the row.
        for (const more of await list(page).locator('.chat-row__label--more').all()) {
          const row = more.locator('xpath=ancestor::button[1]');
          const [moreBox, rowBox] = [await more.boundingBox(), await row.boundingBox()];
          if (moreBox && rowBox) expect(moreBox.x + moreBox.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
        }
        await page.screenshot({ path: `test-results/screens/room-${lang}-${width}x${height}.png` });
      }
      // At 1024×640 the filters take one line and at least six chats show.
      await page.setViewportSize({ width: 1024, height: 640 });
      await expect(list(page).locator('.chat-row').nth(5)).toBeInViewport();
      // The legend, one screen.
      await list(page).locator('.chat-list__legend-button').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/room-legend-${lang}-1024x640.png` });
    } finally {
      await host.stop();
    }
  });
}

test('a row with long labels keeps its status on one line, readable chips and a visible "+N"', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await host.inbound({
    phone: '5511987654321',
    name: 'Maria Aparecida dos Santos Figueiredo de Albuquerque',
    text: 'Oi',
  });
  await host.inbound({ phone: '5521998765432', name: 'João Pereira', text: 'Bom dia' });
  await page.goto(host.url);
  const row = list(page).getByRole('button', { name: /Maria Aparecida/ });
  await row.click();
  const profile = page.getByRole('tabpanel', { name: 'Customer' });
  for (const name of ['Entrega agendada para sábado', 'Encomenda de bolo grande', 'Cliente VIP desde 2019']) {
    await profile.getByRole('button', { name: 'New label' }).click();
    await profile.getByRole('textbox', { name: 'Label name' }).fill(name);
    await profile.getByRole('button', { name: 'Create label' }).click();
    await expect(profile.getByRole('button', { name: `Remove label ${name}` })).toBeVisible();
  }

  const rowBox = await row.boundingBox();
  if (!rowBox) throw new Error('no row');
  // A narrow list (380 px) shows one chip and "+2"; a wide one two chips and "+1".
  const more = row.locator('.chat-row__label--more:visible');
  await expect(more).toHaveText('+2');
  const moreBox = await more.boundingBox();
  expect((moreBox?.x ?? 0) + (moreBox?.width ?? 0)).toBeLessThanOrEqual(rowBox.x + rowBox.width);
  const chips = row.locator('.chat-row__label:not(.chat-row__label--more):visible');
  await expect(chips).toHaveCount(1);
  // Never shrunk to a bare "E…": at least its minimum width, a few letters.
  expect((await chips.first().boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(52);
  const status = row.locator('.chat-row__unanswered');
  await expect(status).toHaveText('Unanswered');
  expect((await status.boundingBox())?.height ?? 0).toBeLessThan(20);
  // The long name ends in an ellipsis instead of pushing the time out.
  await expect(row.locator('.chat-row__time')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/room-long-labels-1024x640.png' });

  // Widened, the list shows two chips and "+1".
  const separator = page.getByRole('separator', { name: 'Resize the chat list' });
  await separator.focus();
  for (let step = 0; step < 6; step += 1) await page.keyboard.press('ArrowRight');
  await expect(row.locator('.chat-row__label--more:visible')).toHaveText('+1');
  await expect(row.locator('.chat-row__label:not(.chat-row__label--more):visible')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/room-long-labels-wide-1024x640.png' });

  // The "add a label" dropdown on another chat is wide enough to read.
  await list(page).getByRole('button', { name: 'João Pereira', exact: true }).click();
  const add = profile.getByRole('combobox', { name: 'Add a label' });
  expect((await add.boundingBox())?.width ?? 0).toBeGreaterThan(200);
});
