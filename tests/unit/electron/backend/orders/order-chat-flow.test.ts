import { afterEach, describe, expect, it } from 'vitest';
import { createOrderChatFlow } from '../../../../../electron/backend/orders/order-chat-flow';
import { HOUR, joao, maria, openShop, said, type ShopWorld } from '../bookings/shop-world';

const worlds: ShopWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.store.close();
});

async function shop(dataDir?: string): Promise<ShopWorld> {
  const world = await openShop(dataDir);
  world.store.update(
    (data) => void (data.orderSettings = { delivery: true, pickup: true, deliveryFeeCents: 800, minimumOrderCents: 0 }),
  );
  worlds.push(world);
  return world;
}

describe('the order chat over the store', () => {
  it('takes a delivery order with quantities, remembers the address and stores the right total', async () => {
    const world = await shop();
    const changed: string[] = [];
    const flow = createOrderChatFlow({
      store: world.store,
      onOrdersChanged: () => changed.push('orders'),
      onAddressChanged: (chatId) => changed.push(`address ${chatId}`),
    });
    const first = flow.start(said(world, maria, 'Fazer pedido'));
    expect(first.texts[0]).toContain('1 Bolos\n2 Salgados');
    flow.continue(said(world, maria, '1'));
    expect(flow.continue(said(world, maria, '2x 1'))?.texts[0]).toContain('Carrinho: R$ 90,00');
    flow.continue(said(world, maria, 'voltar'));
    flow.continue(said(world, maria, '2'));
    expect(flow.continue(said(world, maria, '3x 1'))?.texts[0]).toContain('Carrinho: R$ 112,50');
    expect(flow.continue(said(world, maria, 'finalizar'))?.texts[0]).toContain('2 Entrega (taxa R$ 8,00)');
    expect(flow.continue(said(world, maria, '2'))?.texts[0]).toContain('endereço de entrega');
    flow.continue(said(world, maria, 'Rua das Flores, 10, Centro'));
    expect(world.store.data.deliveryAddresses[maria]).toBe('Rua das Flores, 10, Centro');
    const summary = flow.continue(said(world, maria, '0'))?.texts.at(-1) ?? '';
    expect(summary).toContain('*Total: R$ 120,50*');
    const placed = flow.continue(said(world, maria, '1'));
    expect(placed?.texts[0]).toContain('Pedido recebido!');
    expect(placed?.texts[0]).toContain('*Total: R$ 120,50*');
    expect(placed?.texts[0]).toContain('Rua das Flores, 10, Centro');

    expect(world.store.data.orders).toHaveLength(1);
    expect(world.store.data.orders[0]).toMatchObject({
      id: '1001',
      chatId: maria,
      fulfilment: 'delivery',
      address: 'Rua das Flores, 10, Centro',
      subtotalCents: 11250,
      deliveryFeeCents: 800,
      totalCents: 12050,
      status: 'new',
    });
    expect(world.store.data.orderFlows[maria]).toBeUndefined();
    expect(changed).toEqual([`address ${maria}`, 'orders']);
  });

  it('offers the remembered address on the next order and numbers orders one after the other', async () => {
    const world = await shop();
    const flow = createOrderChatFlow({ store: world.store });
    world.store.update((data) => void (data.deliveryAddresses = { [maria]: 'Rua das Flores, 10' }));
    flow.start(said(world, maria, 'pedido'));
    flow.continue(said(world, maria, '1'));
    flow.continue(said(world, maria, '1'));
    flow.continue(said(world, maria, 'finalizar'));
    expect(flow.continue(said(world, maria, 'entrega'))?.texts[0]).toContain('1 Usar Rua das Flores, 10');
    flow.continue(said(world, maria, '1'));
    flow.continue(said(world, maria, '0'));
    flow.continue(said(world, maria, '1'));

    flow.start(said(world, joao, 'pedido'));
    flow.continue(said(world, joao, '2'));
    flow.continue(said(world, joao, '10x 1'));
    flow.continue(said(world, joao, 'finalizar'));
    flow.continue(said(world, joao, '1'));
    flow.continue(said(world, joao, 'não'));
    flow.continue(said(world, joao, '1'));
    expect(world.store.data.orders.map((order) => [order.id, order.chatId, order.totalCents])).toEqual([
      ['1001', maria, 4500 + 800],
      ['1002', joao, 7500],
    ]);
  });

  it('claims no message when no order is under way, and keeps the cart across a restart', async () => {
    const first = await shop();
    expect(createOrderChatFlow({ store: first.store }).continue(said(first, maria, '1'))).toBeNull();
    const flow = createOrderChatFlow({ store: first.store });
    flow.start(said(first, maria, 'pedido'));
    flow.continue(said(first, maria, '1'));
    flow.continue(said(first, maria, '2x 2'));
    await first.store.close();
    worlds.splice(worlds.indexOf(first), 1);

    const again = await shop(first.dataDir);
    expect(again.store.data.orderFlows[maria]?.cart).toEqual([
      { productId: 'p-limao', name: 'Torta de limão', unitPriceCents: 6500, quantity: 2 },
    ]);
    expect(createOrderChatFlow({ store: again.store }).continue(said(again, maria, 'carrinho'))?.texts[0]).toContain(
      '2x Torta de limão — R$ 130,00',
    );
  });

  it('goes back to the menu after a long silence, dropping the cart', async () => {
    const world = await shop();
    const flow = createOrderChatFlow({ store: world.store });
    flow.start(said(world, maria, 'pedido'));
    world.clock.advance(HOUR);
    expect(flow.continue(said(world, maria, '1'))?.backToMenu).toBe(true);
    expect(world.store.data.orderFlows[maria]).toBeUndefined();
  });
});
