import { describe, expect, it } from 'vitest';
import { quickReplySchema } from '../../../../shared/domain';
import { starterQuickReplies } from '../../../../shared/quick-replies/starter-quick-replies';
import { BUILT_IN_PLACEHOLDERS } from '../../../../shared/templates/placeholders';
import { renderTemplate, validateTemplate } from '../../../../shared/templates/render-template';

describe.each(['pt-BR', 'en'] as const)('starterQuickReplies(%s)', (language) => {
  const starters = starterQuickReplies(language);

  it('holds 6–10 valid replies with unique ids and case-insensitively unique shortcuts', () => {
    expect(starters.length).toBeGreaterThanOrEqual(6);
    expect(starters.length).toBeLessThanOrEqual(10);
    for (const reply of starters) expect(quickReplySchema.parse(reply)).toEqual(reply);
    expect(new Set(starters.map((reply) => reply.id)).size).toBe(starters.length);
    expect(new Set(starters.map((reply) => reply.shortcut.toLowerCase())).size).toBe(starters.length);
  });

  it('uses only built-in placeholders and the order fields, all well-formed', () => {
    for (const reply of starters) {
      expect(validateTemplate(reply.text, ['order_id', 'pickup_date']), reply.shortcut).toEqual({
        unknown: [],
        malformed: false,
      });
    }
    const used = starters.flatMap((reply) => [...reply.text.matchAll(/\{\{(\w+)/g)].map((match) => match[1]));
    for (const name of ['greeting', 'first_name', 'shop_hours', 'shop_address', 'order_id', 'pickup_date'])
      expect(used).toContain(name);
    expect(BUILT_IN_PLACEHOLDERS).toContain('shop_hours');
  });

  it('renders completely for a customer with an order and a shop with its details', () => {
    const context = {
      customer: {
        name: 'Maria Souza',
        firstName: 'Maria',
        phone: '5511987654321',
        customFields: { order_id: '42', pickup_date: '26/11' },
      },
      shop: { name: 'Loja', address: 'Rua A, 1', hours: '9h–18h', website: 'https://loja.example' },
      now: Date.UTC(2025, 10, 25, 15),
      timeZone: 'America/Sao_Paulo',
      language,
      windowExpiresAt: Date.UTC(2025, 10, 25, 20),
    };
    for (const reply of starters) {
      const result = renderTemplate(reply.text, context);
      expect(result.complete, reply.shortcut).toBe(true);
    }
  });
});
