/**
 * Orders taken in the chat, end to end: categories, products, quantities typed three ways, the cart
 * in reais, removing an item, delivery with the address remembered for the next order, a note, the
 * confirmation; then the order board, where a status change tells the customer while their window
 * is open and says it cannot once it closed.
 */
import { expect, test } from '@playwright/test';
import { ChatShop, MENU } from './chat-shop';
import { HOUR } from './fixtures';

let shop: ChatShop;
test.beforeEach(async ({ page }) => {
  shop = await ChatShop.open(page);
});
test.afterEach(async () => {
  await shop.stop();
});

const HINT =
  'Responda o número do produto (ou *2x 3* para 2 unidades do 3). *carrinho* mostra seu pedido, *finalizar* fecha.';

test('a delivery order with quantities, a removed item, the address and a note; the next order remembers the address; the board tells the customer while it can', async ({
  page,
}) => {
  const lia = shop.customer('Lia Campos', '5511976540001');
  const [, menu] = await lia.says('Oi', 2);
  expect(menu).toContain(`${MENU.order}. Fazer pedido`);
  expect(await lia.answer(MENU.order)).toBe('O que você procura? Responda com o número:\n1 Bolos\n2 Salgados\n3 Doces');
  expect(await lia.answer('1')).toBe(
    'Bolos:\n1 Bolo de cenoura — R$ 45,00\n2 Bolo de chocolate — R$ 52,00\n3 Torta de limão — R$ 65,00\n' +
      `4 Bolo de casamento — R$ 890,00\n\n${HINT}`,
  );
  expect(await lia.answer('2x 1')).toBe(`Adicionado: 2x Bolo de cenoura. Carrinho: R$ 90,00.\n${HINT}`);
  expect(await lia.answer('3 2 unidades')).toBe(`Adicionado: 2x Torta de limão. Carrinho: R$ 220,00.\n${HINT}`);
  expect(await lia.answer('mais 1 do 4')).toBe(`Adicionado: 1x Bolo de casamento. Carrinho: R$ 1.110,00.\n${HINT}`);
  expect(await lia.answer('voltar')).toContain('1 Bolos\n2 Salgados\n3 Doces');
  await lia.answer('2');
  expect(await lia.answer('3x 1')).toBe(`Adicionado: 3x Coxinha. Carrinho: R$ 1.132,50.\n${HINT}`);

  expect(await lia.answer('carrinho')).toBe(
    '*Seu carrinho*\n2x Bolo de cenoura — R$ 90,00\n2x Torta de limão — R$ 130,00\n' +
      '1x Bolo de casamento — R$ 890,00\n3x Coxinha — R$ 22,50\nSubtotal: R$ 1.132,50\n\n' +
      '1 Finalizar pedido · 2 Adicionar itens · 3 Remover item',
  );
  expect(await lia.answer('3')).toContain('Qual item você quer remover?\n1 2x Bolo de cenoura — R$ 90,00\n');
  const cart = await lia.answer('1');
  expect(cart).not.toContain('Bolo de cenoura');
  expect(cart).toContain('Subtotal: R$ 1.042,50');

  expect(await lia.answer('1')).toBe('Como prefere receber?\n1 Retirar na loja\n2 Entrega (taxa R$ 8,00)');
  expect(await lia.answer('2')).toBe('Qual o endereço de entrega? (rua, número, bairro e complemento)');
  expect(await lia.answer('Rua das Acácias, 45, apto 12, Jardim Paulista')).toContain('Alguma observação?');
  const summary = await lia.answer('Entregar depois das 14h, por favor');
  expect(summary).toBe(
    '*Seu pedido*\n2x Torta de limão — R$ 130,00\n1x Bolo de casamento — R$ 890,00\n3x Coxinha — R$ 22,50\n' +
      'Subtotal: R$ 1.042,50\nEntrega: R$ 8,00\n*Total: R$ 1.050,50*\n' +
      'Entregar em: Rua das Acácias, 45, apto 12, Jardim Paulista\nObservação: Entregar depois das 14h, por favor\n\n' +
      '1 Confirmar · 2 Cancelar',
  );
  expect(await lia.answer('1')).toBe(`Pedido recebido! Obrigado.\n\n${summary.split('\n\n1 Confirmar')[0]}`);

  // The same day, a second order: the address is offered back, not asked for again.
  expect(await lia.answer(MENU.order)).toContain('1 Bolos');
  await lia.answer('2');
  await lia.answer('4x 2');
  expect(await lia.answer('finalizar')).toContain('2 Entrega (taxa R$ 8,00)');
  expect(await lia.answer('entrega')).toBe(
    'Onde entregamos?\n1 Usar Rua das Acácias, 45, apto 12, Jardim Paulista\nOu escreva outro endereço.',
  );
  await lia.answer('1');
  expect(await lia.answer('0')).toContain('*Total: R$ 40,00*');
  expect(await lia.answer('1')).toContain('Pedido recebido!');

  await page.getByRole('button', { name: 'Pedidos', exact: true }).click();
  const first = page
    .getByRole('listitem', { name: /^Pedido #\d+ de Lia Campos$/ })
    .filter({ hasText: 'Bolo de casamento' });
  await expect(first).toContainText('Total R$ 1.050,50');
  await expect(first).toContainText('Rua das Acácias, 45, apto 12, Jardim Paulista');
  const id = ((await first.getAttribute('aria-label')) ?? '').replace(/^Pedido #(\d+) .*$/, '$1');
  await expect(first.getByLabel(`Avisar Lia Campos sobre o pedido #${id}`)).toBeChecked();
  await first.getByRole('button', { name: `Aceitar (pedido #${id})` }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Pedido #${id}: Aceito. O cliente foi avisado.`);
  await expect
    .poll(() => lia.lastReply())
    .toBe(`Pedido #${id}: Oi, Lia! Seu pedido foi aceito e já estamos preparando.`);

  // A day later Lia's window has closed: the board says so, and the next step goes without a message.
  await shop.advance(25 * HOUR);
  const sentBefore = (await shop.sentTo(lia.phone)).length;
  await expect(first).toContainText('Não dá para avisar o cliente agora: janela fechada.');
  await expect(first.getByLabel(`Avisar Lia Campos sobre o pedido #${id}`)).toHaveCount(0);
  await first.getByRole('button', { name: `Marcar como pronto (pedido #${id})` }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Pedido #${id}: Pronto.`);
  await page.waitForTimeout(300);
  expect(await shop.sentTo(lia.phone)).toHaveLength(sentBefore);
});
