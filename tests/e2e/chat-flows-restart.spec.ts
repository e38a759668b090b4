/**
 * What happens around a booking or an order under way: the host restarts and each customer goes on
 * where they were; a customer goes quiet and the step times out back to the menu; staff write and
 * the bot stays quiet until they give the chat back.
 */
import { expect, test } from '@playwright/test';
import { ChatShop, dayLabel, MENU, MINUTE } from './chat-shop';

let shop: ChatShop;
test.beforeEach(async ({ page }) => {
  shop = await ChatShop.open(page);
});
test.afterEach(async () => {
  await shop.stop();
});

test('a customer half-way through a booking and another half-way through an order go on after a restart', async () => {
  const eva = shop.customer('Eva Martins', '5511976540002');
  const fabio = shop.customer('Fábio Nunes', '5511976540003');
  await eva.says('Oi', 2);
  await eva.says(MENU.booking);
  await eva.says('1');
  expect(await eva.answer('amanhã')).toContain('3 10:00');
  await fabio.says('Oi', 2);
  await fabio.says(MENU.order);
  await fabio.says('1');
  expect(await fabio.answer('2x 1')).toContain('Carrinho: R$ 90,00');

  await shop.restart();

  const tuesday = dayLabel(shop.dayAfterMonday(1));
  expect(await eva.answer('3')).toBe(
    `*Degustação de bolos*\n${tuesday} às 10:00 (1 h)\nR$ 30,00\n\n1 Confirmar · 2 Cancelar`,
  );
  expect(await eva.answer('1')).toContain(`Agendado: *Degustação de bolos*, ${tuesday} às 10:00.`);
  expect(await fabio.answer('carrinho')).toContain('*Seu carrinho*\n2x Bolo de cenoura — R$ 90,00\nSubtotal: R$ 90,00');
  await fabio.answer('1');
  expect(await fabio.answer('retirar')).toContain('Alguma observação?');
  expect(await fabio.answer('0')).toContain('*Total: R$ 90,00*\nRetirada na loja');
  expect(await fabio.answer('1')).toContain('Pedido recebido!');
});

test('a booking and an order left silent time out back to the menu on the customer’s next message', async () => {
  const gabi = shop.customer('Gabi Reis', '5511976540004');
  const iris = shop.customer('Íris Prado', '5511976540005');
  const [, menu] = await gabi.says('Oi', 2);
  await gabi.says(MENU.booking);
  await gabi.says('1');
  await iris.says('Oi', 2);
  await iris.says(MENU.order);
  await iris.says('1');
  await iris.says('1');

  await shop.advance(16 * MINUTE);
  expect(await gabi.says('1', 2)).toEqual([
    'Como a conversa ficou parada, encerrei o agendamento. Quando quiser, é só começar de novo.',
    menu,
  ]);
  expect(await iris.says('carrinho', 2)).toEqual([
    'Como a conversa ficou parada, encerrei o pedido. Quando quiser, é só começar de novo.',
    menu,
  ]);
  // Back at the menu, a pick starts afresh.
  expect(await gabi.answer(MENU.booking)).toContain('Qual serviço você quer agendar?');
});

test('staff take over in the middle of an order: the bot stays quiet until they give the chat back', async ({
  page,
}) => {
  const hugo = shop.customer('Hugo Alves', '5511976540006');
  await hugo.says('Oi', 2);
  await hugo.says(MENU.order);
  expect(await hugo.answer('1')).toContain('1 Bolo de cenoura');

  await page.getByRole('navigation').getByRole('button', { name: 'Hugo Alves', exact: true }).click();
  const conversation = page.getByRole('region', { name: 'Hugo Alves', exact: true });
  await page.getByRole('textbox', { name: 'Mensagem' }).fill('Oi Hugo, aqui é a Ana. Quer o bolo com cobertura?');
  await page.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect.poll(() => hugo.lastReply()).toBe('Oi Hugo, aqui é a Ana. Quer o bolo com cobertura?');
  await expect(conversation.getByText('Pessoa atendendo')).toBeVisible();

  await hugo.saysUnanswered('2x 1');
  await hugo.saysUnanswered('sim, com cobertura');

  await page.getByRole('button', { name: 'Devolver ao robô' }).click();
  await expect(conversation.getByText('Robô atendendo')).toBeVisible();
  expect(await hugo.answer('2x 1')).toContain('Adicionado: 2x Bolo de cenoura. Carrinho: R$ 90,00.');
});
