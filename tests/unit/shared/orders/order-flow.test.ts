import { describe, expect, it } from 'vitest';
import {
  orderFlowStep,
  startOrderFlow,
  type OrderFlowContext,
  type OrderFlowResult,
} from '../../../../shared/orders/order-flow';
import { orderFlowStateSchema, type OrderFlowState } from '../../../../shared/orders/order-flow-state';
import { DEFAULT_ORDER_SETTINGS, orderSchema, type Product } from '../../../../shared/orders/order-schemas';

const products: Product[] = [
  { id: 'p1', name: 'Pão de queijo', priceCents: 550, category: 'Salgados', available: true },
  { id: 'p2', name: 'Coxinha', priceCents: 800, category: 'Salgados', available: true },
  { id: 'p3', name: 'Empada', priceCents: 750, category: 'Salgados', available: false },
  { id: 'b1', name: 'Bolo de cenoura', priceCents: 4590, category: 'Bolos', available: true },
  ...Array.from({ length: 10 }, (_, index) => ({
    id: `d${index + 1}`,
    name: `Doce ${index + 1}`,
    priceCents: 300 + index,
    category: 'Doces',
    available: true,
  })),
];

class Customer {
  state: OrderFlowState | null = null;
  last: OrderFlowResult | null = null;
  now = Date.parse('2026-11-25T10:00:00-03:00');
  ctx: Omit<OrderFlowContext, 'now'> = {
    products,
    settings: { delivery: true, pickup: true, deliveryFeeCents: 700, minimumOrderCents: 2000 },
    rememberedAddress: null,
    chatId: '5511911111111@c.us',
    language: 'pt-BR',
  };

  private take(result: OrderFlowResult): string {
    this.last = result;
    // Through the stored shape, as across a restart.
    this.state = result.state === null ? null : orderFlowStateSchema.parse(JSON.parse(JSON.stringify(result.state)));
    return result.messages.join('\n---\n');
  }

  start(): string {
    return this.take(startOrderFlow({ ...this.ctx, now: this.now }));
  }

  say(text: string): string {
    if (!this.state) throw new Error('no order under way');
    return this.take(orderFlowStep(this.state, text, { ...this.ctx, now: this.now }));
  }
}

describe('the order chat', () => {
  it('takes a full order with delivery to a new address, with the right total', () => {
    const ana = new Customer();
    expect(ana.start()).toBe('O que você procura? Responda com o número:\n1 Salgados\n2 Bolos\n3 Doces');
    expect(ana.say('1')).toBe(
      [
        'Salgados:',
        '1 Pão de queijo — R$ 5,50',
        '2 Coxinha — R$ 8,00',
        '',
        'Responda o número do produto (ou *2x 3* para 2 unidades do 3). *carrinho* mostra seu pedido, *finalizar* fecha.',
      ].join('\n'),
    );
    expect(ana.say('2x 1')).toMatch(/^Adicionado: 2x Pão de queijo\. Carrinho: R\$ 11,00\./);
    expect(ana.say('mais 1 do 2')).toMatch(/^Adicionado: 1x Coxinha\. Carrinho: R\$ 19,00\./);
    expect(ana.say('voltar')).toMatch(/^O que você procura\?/);
    ana.say('2');
    ana.say('1 1 unidade');
    expect(ana.say('carrinho')).toBe(
      [
        '*Seu carrinho*',
        '2x Pão de queijo — R$ 11,00',
        '1x Coxinha — R$ 8,00',
        '1x Bolo de cenoura — R$ 45,90',
        'Subtotal: R$ 64,90',
        '',
        '1 Finalizar pedido · 2 Adicionar itens · 3 Remover item',
      ].join('\n'),
    );
    expect(ana.say('remover 2')).toMatch(/^\*Seu carrinho\*\n2x Pão de queijo — R\$ 11,00\n1x Bolo de cenoura/);
    expect(ana.say('1')).toBe('Como prefere receber?\n1 Retirar na loja\n2 Entrega (taxa R$ 7,00)');
    expect(ana.say('2')).toBe('Qual o endereço de entrega? (rua, número, bairro e complemento)');
    expect(ana.say('Rua das Flores, 10, Centro')).toMatch(/^Alguma observação\?/);
    expect(ana.last?.effect).toEqual({ kind: 'remember-address', address: 'Rua das Flores, 10, Centro' });
    const summary = [
      '*Seu pedido*',
      '2x Pão de queijo — R$ 11,00',
      '1x Bolo de cenoura — R$ 45,90',
      'Subtotal: R$ 56,90',
      'Entrega: R$ 7,00',
      '*Total: R$ 63,90*',
      'Entregar em: Rua das Flores, 10, Centro',
      'Observação: sem açúcar no bolo',
    ].join('\n');
    expect(ana.say('sem açúcar no bolo')).toBe(`${summary}\n\n1 Confirmar · 2 Cancelar`);
    expect(ana.say('1')).toBe(`Pedido recebido! Obrigado.\n\n${summary}`);
    expect(ana.state).toBeNull();
    const effect = ana.last?.effect;
    expect(effect?.kind).toBe('create-order');
    if (effect?.kind !== 'create-order') return;
    expect(effect.order).toMatchObject({
      chatId: '5511911111111@c.us',
      fulfilment: 'delivery',
      address: 'Rua das Flores, 10, Centro',
      note: 'sem açúcar no bolo',
      subtotalCents: 5690,
      deliveryFeeCents: 700,
      totalCents: 6390,
      status: 'new',
    });
    expect(orderSchema.safeParse({ ...effect.order, id: 'o1' }).success).toBe(true);
  });

  it('offers the remembered address, and pickup skips the address', () => {
    const ana = new Customer();
    ana.ctx.rememberedAddress = 'Rua das Flores, 10';
    ana.start();
    ana.say('2');
    ana.say('1');
    ana.say('finalizar');
    expect(ana.say('entrega')).toBe('Onde entregamos?\n1 Usar Rua das Flores, 10\nOu escreva outro endereço.');
    ana.say('1');
    expect(ana.last?.effect).toBeNull();
    expect(ana.state).toMatchObject({ step: 'note', address: 'Rua das Flores, 10' });

    const bruno = new Customer();
    bruno.start();
    bruno.say('2');
    bruno.say('1');
    bruno.say('finalizar');
    expect(bruno.say('1')).toMatch(/^Alguma observação\?/);
    expect(bruno.say('não')).toBe(
      '*Seu pedido*\n1x Bolo de cenoura — R$ 45,90\nSubtotal: R$ 45,90\n*Total: R$ 45,90*\nRetirada na loja\n\n1 Confirmar · 2 Cancelar',
    );
  });

  it('holds an order below the minimum', () => {
    const ana = new Customer();
    ana.start();
    ana.say('1');
    ana.say('1');
    expect(ana.say('finalizar')).toMatch(/^O pedido mínimo é R\$ 20,00\. Faltam R\$ 14,50\.\n---\n\*Seu carrinho\*/);
  });

  it('pages products with 0, and lists everything when there is one category', () => {
    const ana = new Customer();
    ana.start();
    const page = ana.say('3');
    expect(page).toContain('\n9 Doce 9 — R$ 3,08\n0 ver mais\n');
    expect(ana.say('0')).toMatch(/^Doces:\n1 Doce 10 — R\$ 3,09\n\n/);

    const bruno = new Customer();
    bruno.ctx.products = products.filter((product) => product.category === 'Salgados');
    expect(bruno.start()).toMatch(/^Nossos produtos:\n1 Pão de queijo/);
  });

  it('drops a product that ran out before the customer confirmed', () => {
    const ana = new Customer();
    ana.ctx.settings = { ...DEFAULT_ORDER_SETTINGS };
    ana.start();
    ana.say('1');
    ana.say('1');
    ana.say('2');
    ana.say('finalizar');
    ana.ctx.products = products.map((product) => (product.id === 'p2' ? { ...product, available: false } : product));
    expect(ana.say('0')).toMatch(
      /^Não temos mais disponível: Coxinha\. Tirei do carrinho\.\n---\n\*Seu carrinho\*\n1x Pão de queijo/,
    );
  });

  it('leaves on "cancelar" and times out after 15 minutes', () => {
    const ana = new Customer();
    ana.start();
    expect(ana.say('cancelar')).toBe('Tudo bem, o pedido foi cancelado.');
    expect(ana.last?.backToMenu).toBe(true);
    ana.start();
    ana.now += 15 * 60_000;
    expect(ana.say('1')).toMatch(/^Como a conversa ficou parada/);
    expect(ana.state).toBeNull();
  });

  it('speaks English when the shop does', () => {
    const ana = new Customer();
    ana.ctx.language = 'en';
    ana.ctx.settings = { ...DEFAULT_ORDER_SETTINGS };
    ana.start();
    ana.say('2');
    ana.say('1');
    ana.say('checkout');
    expect(ana.say('none')).toBe(
      '*Your order*\n1x Bolo de cenoura — R$ 45,90\nSubtotal: R$ 45,90\n*Total: R$ 45,90*\nPickup at the shop\n\n1 Confirm · 2 Cancel',
    );
  });
});
