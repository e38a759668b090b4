/**
 * The starter quick replies work out of the box: in the demo shop every one of them goes out as it
 * is, and in a shop whose details are still empty the refusal says where to fill them.
 */
import { starterQuickReplies } from '../../shared/quick-replies/starter-quick-replies';
import { expect, test } from './fixtures';
import { JanelaHost } from './janela-host';

test('in the demo shop every starter quick reply can be sent as it is', async ({ page }) => {
  const host = await new JanelaHost({ mode: '--demo', lang: 'pt-BR' }).start();
  try {
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Maria Silva', exact: true }).click();
    // A combobox while the "/" picker is open.
    const composer = page
      .getByRole('textbox', { name: 'Mensagem' })
      .or(page.getByRole('combobox', { name: 'Mensagem' }));
    const starters = starterQuickReplies('pt-BR');
    for (const [index, reply] of starters.entries()) {
      await composer.fill(`/${reply.shortcut}`);
      await composer.press('Enter');
      await expect(composer).not.toHaveValue(new RegExp(`^/${reply.shortcut}$`));
      await expect(composer).not.toHaveValue(/\{\{/);
      await composer.press('Enter');
      await expect.poll(async () => (await host.sent()).length, { message: reply.shortcut }).toBe(index + 1);
    }
    const sent = (await host.sent()).map((message) => message.text);
    expect(sent.join('\n')).toContain('Padaria Pão Dourado');
    expect(sent.join('\n')).toContain('Rua das Laranjeiras');
  } finally {
    await host.stop();
  }
});

test('a shop field still empty is refused with a pointer to the shop settings', async ({ page, host }) => {
  await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Qual o endereço?' });
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Maria Silva', exact: true }).click();
  // A combobox while the "/" picker is open.
  const composer = page.getByRole('textbox', { name: 'Message' }).or(page.getByRole('combobox', { name: 'Message' }));
  await composer.fill('/address');
  await composer.press('Enter');
  await composer.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'Not sent: shop_address still to fill in Settings › Shop (or edit the text).',
  );
  expect(await host.sent()).toEqual([]);
});
