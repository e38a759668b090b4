import { describe, expect, it } from 'vitest';
import {
  menuOptionSchema,
  offeredMenuOptions,
  pickMenuOption,
  renderMenu,
  starterMenuOptions,
  type MenuOption,
} from '../../../../shared/automations/menu';

const options = starterMenuOptions();

describe('renderMenu', () => {
  it('numbers the options one per line after an instruction, in the shop’s language', () => {
    expect(renderMenu(options, 'pt-BR')).toBe(
      [
        'Responda com o número da opção:',
        '1. Horários',
        '2. Endereço',
        '3. Formas de pagamento',
        '4. Entrega',
        '5. Falar com uma pessoa',
      ].join('\n'),
    );
    expect(renderMenu(options.slice(0, 2), 'en')).toBe(
      'Reply with the number of an option:\n1. Opening hours\n2. Address',
    );
  });

  it('keeps braces in a label from turning into a placeholder', () => {
    const odd: MenuOption = { id: 'x', label: { 'pt-BR': 'Ofertas {{x}}', en: 'Deals' }, action: { kind: 'handoff' } };
    expect(renderMenu([odd], 'pt-BR')).not.toContain('{{');
  });
});

describe('pickMenuOption', () => {
  it.each([
    ['1', 'menu-hours'],
    ['1.', 'menu-hours'],
    [' 2 ', 'menu-address'],
    ['1️⃣', 'menu-hours'],
    ['5️⃣', 'menu-person'],
    ['um', 'menu-hours'],
    ['Um!', 'menu-hours'],
    ['dois', 'menu-address'],
    ['três', 'menu-payment'],
    ['tres', 'menu-payment'],
    ['opção 1', 'menu-hours'],
    ['opcao 4', 'menu-delivery'],
    ['a 3', 'menu-payment'],
    ['option two', 'menu-address'],
    ['horários', 'menu-hours'],
    ['horario', 'menu-hours'],
    ['endereco', 'menu-address'],
    ['Endereço por favor', 'menu-address'],
    ['falar com uma pessoa', 'menu-person'],
    ['pagamento', 'menu-payment'],
    ['talk to a person', 'menu-person'],
  ])('%j → %s', (message, id) => {
    expect(pickMenuOption(options, message)?.id).toBe(id);
  });

  it.each(['6', '0', '12', 'quero 2 bolos', 'oi', 'obrigada', 'um bolo de chocolate', ''])(
    '%j → nothing',
    (message) => {
      expect(pickMenuOption(options, message)).toBeNull();
    },
  );
});

describe('menuOptionSchema', () => {
  it('accepts the kinds it knows and refuses others until a feature adds them', () => {
    for (const option of options) expect(menuOptionSchema.safeParse(option).success).toBe(true);
    const booking = { id: 'b', label: { 'pt-BR': 'Agendar', en: 'Book' }, action: { kind: 'booking' } };
    expect(menuOptionSchema.safeParse(booking).success).toBe(false);
    expect(menuOptionSchema.safeParse({ ...options[0], label: { 'pt-BR': 'Só português' } }).success).toBe(false);
  });
});

describe('flow options', () => {
  const withFlows: MenuOption[] = [
    { id: 'book', label: { 'pt-BR': 'Agendar', en: 'Book' }, action: { kind: 'flow', flow: 'booking' } },
    { id: 'order', label: { 'pt-BR': 'Fazer pedido', en: 'Order' }, action: { kind: 'flow', flow: 'order' } },
    { id: 'person', label: { 'pt-BR': 'Falar com uma pessoa', en: 'Person' }, action: { kind: 'handoff' } },
  ];

  it('are valid menu actions, and an unknown flow is refused', () => {
    expect(menuOptionSchema.safeParse(withFlows[0]).success).toBe(true);
    expect(menuOptionSchema.safeParse({ ...withFlows[0], action: { kind: 'flow', flow: 'raffle' } }).success).toBe(
      false,
    );
  });

  it('are offered only when their flow is registered, and the numbers follow what is offered', () => {
    expect(offeredMenuOptions(withFlows, new Set(['booking', 'order'])).map((o) => o.id)).toEqual([
      'book',
      'order',
      'person',
    ]);
    const onlyOrder = offeredMenuOptions(withFlows, new Set(['order']));
    expect(onlyOrder.map((o) => o.id)).toEqual(['order', 'person']);
    expect(pickMenuOption(onlyOrder, '1')?.id).toBe('order');
    expect(offeredMenuOptions(withFlows, new Set()).map((o) => o.id)).toEqual(['person']);
  });
});
