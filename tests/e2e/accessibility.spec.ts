/**
 * Issue 16 item 10: axe (@axe-core/playwright) over every screen reachable today, in both
 * languages, failing on serious or critical violations; and a reply written with the keyboard only.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JanelaHost } from './janela-host';

const maria = { phone: '5511987654321', name: 'Maria da Silva' };

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
  expect(serious, `${screen}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

const words = {
  en: {
    customer: 'Customer panel',
    quickRepliesTab: 'Quick replies',
    manage: 'Manage quick replies',
    managerDialog: 'Quick replies',
    settings: 'Settings',
    legend: 'What do the colours mean?',
    legendDialog: 'What the colours mean',
    message: 'Message',
  },
  'pt-BR': {
    customer: 'Painel do cliente',
    quickRepliesTab: 'Respostas rápidas',
    manage: 'Gerenciar respostas rápidas',
    managerDialog: 'Respostas rápidas',
    settings: 'Configurações',
    legend: 'O que significam as cores?',
    legendDialog: 'O que significam as cores',
    message: 'Mensagem',
  },
} as const;

for (const lang of ['pt-BR', 'en'] as const) {
  const say = words[lang];

  test(`axe finds nothing serious on the connect screen (${lang})`, async ({ page }) => {
    const host = await new JanelaHost({ lang }).start();
    try {
      await host.showStatus({ state: 'qr', qr: '2@axe-qr,abc,def' });
      await page.goto(host.url);
      await expect(page.getByRole('img').first()).toBeVisible();
      await expectNoSeriousViolations(page, `connect (${lang})`);
    } finally {
      await host.stop();
    }
  });

  test(`axe finds nothing serious on the chats, conversation, panels and dialogs (${lang})`, async ({ page }) => {
    const host = await new JanelaHost({ mode: '--demo', lang }).start();
    try {
      await page.goto(host.url);
      const list = page.getByRole('navigation');
      await expect(list.locator('.chat-row').first()).toBeVisible();
      await expectNoSeriousViolations(page, `chat list (${lang})`);

      await list.locator('.chat-row').first().click();
      await expect(page.getByRole('complementary', { name: say.customer })).toBeVisible();
      await expectNoSeriousViolations(page, `conversation + customer panel (${lang})`);

      await page.getByRole('tab', { name: say.quickRepliesTab }).click();
      await expectNoSeriousViolations(page, `quick replies tab (${lang})`);

      // The composer with the "/" picker open: a combobox that owns the listbox.
      await page.getByRole('textbox', { name: say.message, exact: true }).fill('/');
      await expect(page.getByRole('listbox')).toBeVisible();
      const composer = page.getByRole('combobox', { name: say.message, exact: true });
      await expect(composer).toHaveAttribute('aria-expanded', 'true');
      await expect(composer).toHaveAttribute(
        'aria-controls',
        (await page.getByRole('listbox').getAttribute('id')) ?? '',
      );
      await page.keyboard.press('ArrowDown');
      const option = page.getByRole('option').first();
      await expect(composer).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? '');
      await expectNoSeriousViolations(page, `composer with picker (${lang})`);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: say.manage }).click();
      await expect(page.getByRole('dialog', { name: say.managerDialog })).toBeVisible();
      await expectNoSeriousViolations(page, `quick replies manager (${lang})`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: say.managerDialog })).toBeHidden();

      await page.getByRole('button', { name: say.settings }).click();
      await expect(page.getByRole('dialog', { name: say.settings })).toBeVisible();
      await expectNoSeriousViolations(page, `settings (${lang})`);
      await page.keyboard.press('Escape');

      await list.getByRole('button', { name: say.legend }).click();
      await expect(page.getByRole('dialog', { name: say.legendDialog })).toBeVisible();
      await expectNoSeriousViolations(page, `legend (${lang})`);
    } finally {
      await host.stop();
    }
  });
}

test('a whole reply with the keyboard only: Tab to the list, ↓, Enter, type, Enter sends', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await host.inbound({ phone: '5521998765432', name: 'João Pereira', text: 'Bom dia' });
  await page.goto(host.url);
  const list = page.getByRole('navigation');
  await expect(list.locator('.chat-row')).toHaveCount(2);
  const focusedChat = () => list.locator('.chat-row:focus').getAttribute('aria-label');

  // The list is one Tab stop: from the search box, Tab lands on a chat, and one more Tab leaves the list.
  await list.getByRole('searchbox').focus();
  let guard = 0;
  while ((await list.locator('.chat-row:focus').count()) === 0) {
    await page.keyboard.press('Tab');
    if (++guard > 12) throw new Error('Tab never reached the chat list');
  }
  const first = (await focusedChat()) ?? '';
  const rowNamed = (name: string) => list.getByRole('button', { name, exact: true });
  await expect(list.locator('.chat-row[tabindex="0"]')).toHaveCount(1);

  // One Tab stop: Tab leaves the list, Shift+Tab comes back to the same chat.
  await page.keyboard.press('Tab');
  await expect(list.locator('.chat-row:focus')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect(rowNamed(first)).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(rowNamed(first)).not.toBeFocused();
  const second = (await focusedChat()) ?? '';
  expect(second).not.toBe(first);
  await page.keyboard.press('ArrowUp');
  await expect(rowNamed(first)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rowNamed(second)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rowNamed(first)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rowNamed(second)).toBeFocused();
  // Moving the focus does not open a chat: only Enter does.
  await expect(page.getByRole('region', { name: second })).toHaveCount(0);
  const chosen = second;

  // Enter opens the chat and puts the caret in the composer.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: chosen })).toBeVisible();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await expect(composer).toBeFocused();
  await page.keyboard.type('Bom dia! Já vou ver.');
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(page.getByRole('region', { name: chosen }).getByText('Bom dia! Já vou ver.')).toBeVisible();
  await expect.poll(async () => (await host.sent()).map((message) => message.text)).toContain('Bom dia! Já vou ver.');
});

test('the arrows reach chats scrolled out of view and scroll them in (virtualised list)', async ({ page }) => {
  const host = await new JanelaHost({ mode: '--demo', lang: 'en' }).start();
  try {
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.goto(host.url);
    const list = page.getByRole('navigation');
    const rows = list.locator('.chat-row');
    await rows.first().focus();
    await page.keyboard.press('End');
    const last = list.locator('.chat-row:focus');
    await expect(last).toHaveCount(1);
    await expect(last).toBeInViewport();
    await expect(rows.first()).not.toBeInViewport();
    // Still one Tab stop, now on the last chat.
    await expect(list.locator('.chat-row[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Home');
    await expect(rows.first()).toBeFocused();
    await expect(rows.first()).toBeInViewport();
  } finally {
    await host.stop();
  }
});
