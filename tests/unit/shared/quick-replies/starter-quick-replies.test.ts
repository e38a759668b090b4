import { describe, expect, it } from 'vitest';
import { quickReplySchema } from '../../../../shared/domain';
import { starterQuickReplies } from '../../../../shared/quick-replies/starter-quick-replies';
import { demoShop } from '../../../../electron/backend/gateways/simulated/demo-shop';
import { BUILT_IN_PLACEHOLDERS, canonicalPlaceholder } from '../../../../shared/templates/placeholders';
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

  it('uses only built-in placeholders, so a new shop never meets a field the editor flags', () => {
    for (const reply of starters) {
      expect(validateTemplate(reply.text, []), reply.shortcut).toEqual({ unknown: [], malformed: false });
    }
    // Written with the names of the shop's language ({{primeiro_nome}} in pt-BR), each a built-in.
    const used = starters.flatMap((reply) =>
      [...reply.text.matchAll(/\{\{(\w+)/g)].map((match) => canonicalPlaceholder(match[1] ?? '')),
    );
    for (const name of used) expect(BUILT_IN_PLACEHOLDERS, name).toContain(name);
    for (const name of ['greeting', 'first_name', 'shop_hours', 'shop_address']) expect(used).toContain(name);
  });

  it('names its fields in the shop’s language, so a pt-BR owner reads no English field names', () => {
    const written = starters.flatMap((reply) => [...reply.text.matchAll(/\{\{(\w+)/g)].map((match) => match[1]));
    const english = written.filter((name) => BUILT_IN_PLACEHOLDERS.some((builtIn) => builtIn === name));
    if (language === 'pt-BR') expect(english).toEqual([]);
    else expect(english).toEqual(written);
  });

  it('renders completely for any customer once the shop details are filled (as in the demo shop)', () => {
    const context = {
      customer: {
        name: 'Maria Souza',
        firstName: 'Maria',
        phone: '5511987654321',
        customFields: {},
      },
      shop: demoShop(language),
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
