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
    } finally {
      await host.stop();
    }
  });
}
