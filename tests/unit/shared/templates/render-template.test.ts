import { placeholderSource } from '../../../../shared/templates/placeholders';
import { describe, expect, it } from 'vitest';
import {
  hasUnfilledPlaceholder,
  renderTemplate,
  validateTemplate,
  type TemplateContext,
} from '../../../../shared/templates/render-template';

// 2025-11-25 14:00 in São Paulo (UTC−3, no DST since 2019) is 17:00 UTC.
const saoPauloAt = (hour: number, minute = 0, second = 0) => Date.UTC(2025, 10, 25, hour + 3, minute, second);

function context(overrides: Partial<TemplateContext> = {}, customFields: Record<string, string> = {}): TemplateContext {
  return {
    customer: { name: 'Maria da Silva', firstName: 'Maria', phone: '5511987654321', customFields },
    shop: {
      name: 'Doces da Ana',
      address: 'Rua das Flores, 12',
      hours: 'seg–sex 9h–18h',
      website: 'https://doces.example',
    },
    now: saoPauloAt(14),
    timeZone: 'America/Sao_Paulo',
    language: 'pt-BR',
    windowExpiresAt: saoPauloAt(20, 30),
    ...overrides,
  };
}

describe('renderTemplate: every placeholder', () => {
  it('fills customer, shop and time placeholders', () => {
    const result = renderTemplate(
      '{{greeting}}, {{first_name}}! {{name}} / {{phone}} / {{shop_name}} / {{shop_address}} / {{shop_hours}} / {{shop_website}} / até {{window_closes_at}}',
      context(),
    );
    expect(result.text).toBe(
      'Boa tarde, Maria! Maria da Silva / +55 11 98765-4321 / Doces da Ana / Rua das Flores, 12 / seg–sex 9h–18h / https://doces.example / até 20:30',
    );
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('fills custom fields of the customer', () => {
    const result = renderTemplate(
      'Pedido {{order_id}} pronto em {{pickup_date}}.',
      context({}, { order_id: 'A-1042', pickup_date: '26/11' }),
    );
    expect(result).toMatchObject({ text: 'Pedido A-1042 pronto em 26/11.', complete: true });
  });

  it('tolerates spaces inside the braces and upper-case names', () => {
    expect(renderTemplate('Oi {{ first_name }} {{First_Name}} {{ order_id | sem pedido }}', context()).text).toBe(
      'Oi Maria Maria sem pedido',
    );
  });

  it('formats phone numbers: Brazilian mobile and landline, else +digits', () => {
    const phone = (digits: string) =>
      renderTemplate('{{phone}}', context({ customer: { ...context().customer, phone: digits } })).text;
    expect(phone('5511987654321')).toBe('+55 11 98765-4321');
    expect(phone('551134567890')).toBe('+55 11 3456-7890');
    expect(phone('351912345678')).toBe('+351912345678');
    expect(phone('14155550123')).toBe('+14155550123');
  });

  it('renders the same placeholder repeatedly', () => {
    expect(renderTemplate('{{first_name}}{{first_name}}', context()).text).toBe('MariaMaria');
  });

  it('gives segments for the preview', () => {
    const result = renderTemplate('Oi {{first_name}}, {{order_id}} {{nome completo|x}}', context());
    expect(result.segments).toEqual([
      { kind: 'text', text: 'Oi ' },
      { kind: 'value', name: 'first_name', text: 'Maria', from: 'value' },
      { kind: 'text', text: ', ' },
      { kind: 'missing', name: 'order_id', text: '{{order_id}}' },
      { kind: 'text', text: ' ' },
      { kind: 'value', name: 'nome completo', text: 'x', from: 'fallback' },
    ]);
  });
});

describe('renderTemplate: fallbacks, missing and unknown', () => {
  it('uses the fallback when the value is missing or blank', () => {
    const blankName = context({ customer: { name: '', firstName: '  ', phone: '', customFields: {} } });
    expect(renderTemplate('Olá, {{first_name|cliente}}!', blankName)).toMatchObject({
      text: 'Olá, cliente!',
      complete: true,
    });
    expect(renderTemplate('Olá, {{first_name|cliente}}!', context()).text).toBe('Olá, Maria!');
  });

  it('accepts an empty fallback as "leave it out"', () => {
    expect(renderTemplate('Olá{{order_id|}}!', context())).toMatchObject({ text: 'Olá!', complete: true });
  });

  it('blocks a missing value without fallback and names it', () => {
    const result = renderTemplate(
      'Pedido {{order_id}} em {{pickup_date}}; de novo {{order_id}}',
      context({}, { pickup_date: '' }),
    );
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual(['order_id', 'pickup_date']);
    expect(result.unknown).toEqual([]);
    expect(result.text).toContain('{{order_id}}');
    expect(hasUnfilledPlaceholder(result.text)).toBe(true);
  });

  it('counts an empty shop field and an unknown window as missing', () => {
    const result = renderTemplate(
      '{{shop_website}} {{window_closes_at}}',
      context({ shop: { name: 'x', address: '', hours: '', website: '' }, windowExpiresAt: null }),
    );
    expect(result.missing).toEqual(['shop_website', 'window_closes_at']);
  });

  it('flags names that can never be filled as unknown, and blocks them without fallback', () => {
    const result = renderTemplate('{{Nome Completo}} {{primeiro-nome|amigo}} {{}}', context());
    expect(result.unknown).toEqual(['nome completo', 'primeiro-nome', '']);
    expect(result.missing).toEqual([]);
    expect(result.complete).toBe(false);
    expect(renderTemplate('{{primeiro-nome|amigo}}', context())).toMatchObject({
      text: 'amigo',
      complete: true,
      unknown: ['primeiro-nome'],
    });
  });

  it('lets built-ins win over a custom field of the same name', () => {
    expect(renderTemplate('{{name}}', context({}, { name: 'outro' })).text).toBe('Maria da Silva');
  });

  it('never leaves {{…}} in a complete text', () => {
    const samples = ['{{first_name}}', '{{x|y}}', 'a {{order_id|—}} b', '{{greeting}}'];
    for (const sample of samples) {
      const result = renderTemplate(sample, context());
      expect(result.complete).toBe(true);
      expect(hasUnfilledPlaceholder(result.text)).toBe(false);
    }
  });
});

describe('renderTemplate: greeting at the hour boundaries in the shop time zone', () => {
  const greet = (now: number, timeZone = 'America/Sao_Paulo', language: 'pt-BR' | 'en' = 'pt-BR') =>
    renderTemplate('{{greeting}}', context({ now, timeZone, language })).text;

  it('switches at 05:00, 12:00 and 18:00 São Paulo time, not UTC', () => {
    expect(greet(saoPauloAt(4, 59, 59))).toBe('Boa noite');
    expect(greet(saoPauloAt(5, 0, 0))).toBe('Bom dia');
    expect(greet(saoPauloAt(11, 59, 59))).toBe('Bom dia');
    expect(greet(saoPauloAt(12, 0, 0))).toBe('Boa tarde');
    expect(greet(saoPauloAt(17, 59, 59))).toBe('Boa tarde');
    expect(greet(saoPauloAt(18, 0, 0))).toBe('Boa noite');
    expect(greet(saoPauloAt(0, 0, 0))).toBe('Boa noite');
    // 11:59:59 in São Paulo is 14:59:59 UTC: an afternoon in UTC, still morning in the shop.
    expect(greet(saoPauloAt(11, 59, 59), 'UTC')).toBe('Boa tarde');
  });

  it('speaks English', () => {
    expect(greet(saoPauloAt(9), 'America/Sao_Paulo', 'en')).toBe('Good morning');
    expect(greet(saoPauloAt(13), 'America/Sao_Paulo', 'en')).toBe('Good afternoon');
    expect(greet(saoPauloAt(22), 'America/Sao_Paulo', 'en')).toBe('Good evening');
  });

  it('follows DST: 04:30 UTC is 05:30 in Lisbon in summer (morning) and 04:30 in winter (night)', () => {
    expect(greet(Date.UTC(2025, 6, 1, 4, 30), 'Europe/Lisbon')).toBe('Bom dia');
    expect(greet(Date.UTC(2025, 0, 15, 4, 30), 'Europe/Lisbon')).toBe('Boa noite');
  });

  it('falls back to UTC for a broken time zone instead of throwing', () => {
    expect(greet(Date.UTC(2025, 10, 25, 9), 'Not/AZone')).toBe('Bom dia');
  });
});

describe('renderTemplate: window close time', () => {
  const closes = (expiresAt: number, language: 'pt-BR' | 'en', timeZone = 'America/Sao_Paulo') =>
    renderTemplate('{{window_closes_at}}', context({ windowExpiresAt: expiresAt, language, timeZone })).text;

  it('shows the time alone when the window closes today', () => {
    expect(closes(saoPauloAt(20, 30), 'pt-BR')).toBe('20:30');
    expect(closes(saoPauloAt(20, 30), 'en')).toBe('8:30 PM');
  });

  it('says tomorrow when it closes after midnight, in the shop time zone', () => {
    const tomorrowMorning = saoPauloAt(24 + 9, 5); // 26/11 09:05 local, still 26/11 12:05 UTC
    expect(closes(tomorrowMorning, 'pt-BR')).toBe('amanhã às 09:05');
    expect(closes(tomorrowMorning, 'en')).toBe('tomorrow at 9:05 AM');
    // 22:30 local on the 25th is already the 26th in UTC: still "today" for the shop.
    expect(closes(saoPauloAt(22, 30), 'pt-BR')).toBe('22:30');
  });

  it('shows the date when it is neither today nor tomorrow', () => {
    expect(closes(saoPauloAt(48 + 14, 30), 'pt-BR')).toBe('27/11 às 14:30');
    expect(closes(saoPauloAt(48 + 14, 30), 'en')).toBe('Nov 27 at 2:30 PM');
  });
});

describe('renderTemplate: hostile input', () => {
  it('does not reach the prototype', () => {
    const result = renderTemplate('{{__proto__}} {{constructor}} {{toString}} {{hasOwnProperty|x}}', context());
    expect(result.unknown).toEqual(['__proto__']);
    expect(result.missing).toEqual(['constructor', 'tostring']);
    expect(result.text).toBe('{{__proto__}} {{constructor}} {{toString}} x');
    expect(result.complete).toBe(false);
  });

  it('treats nested and unbalanced braces as malformed, never complete', () => {
    for (const text of [
      '{{{{first_name}}}}',
      '{{first_name',
      'first_name}}',
      '{{ {{first_name}} }}',
      '{{{first_name}}',
    ]) {
      const result = renderTemplate(text, context());
      const hasDoubleBraces = result.text.includes('{{') || result.text.includes('}}');
      expect(result.complete, text).toBe(!hasDoubleBraces);
      expect(result.malformed, text).toBe(hasDoubleBraces);
    }
    expect(renderTemplate('{{{{first_name}}}}', context()).text).toBe('{{Maria}}');
    // A single brace around a placeholder is ordinary text.
    expect(renderTemplate('{{{first_name}}}', context())).toMatchObject({ text: '{Maria}', complete: true });
  });

  it('inserts values literally: a hostile customer name neither expands nor leaves braces', () => {
    const evil = context({
      customer: { name: '{{phone}}', firstName: '{{{{x}}}}', phone: '55', customFields: { order_id: '}}{{' } },
    });
    const result = renderTemplate('{{name}} {{first_name}} {{order_id}}', evil);
    expect(result.text).toBe('{phone} {x} }{');
    expect(result.complete).toBe(true);
  });

  it('renders 100k characters of hostile text quickly', () => {
    const inputs = [
      '{{'.repeat(50_000),
      '}}'.repeat(50_000),
      '{{a'.repeat(33_334),
      `{{${'a'.repeat(100_000)}`,
      `{{first_name|${'|'.repeat(100_000)}}}`,
      '{{first_name}}'.repeat(7_200),
      '{'.repeat(50_000) + '}'.repeat(50_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      const result = renderTemplate(input, context());
      const validation = validateTemplate(input, []);
      expect(performance.now() - started, input.slice(0, 20)).toBeLessThan(500);
      expect(result.text.length).toBeGreaterThan(0);
      expect(validation).toBeDefined();
    }
  });
});

describe('validateTemplate', () => {
  it('flags names that are neither built-in nor a known custom field', () => {
    expect(
      validateTemplate('{{first_name}} {{order_id}} {{ordr_id}} {{pickup_date|amanhã}} {{greeting}}', ['order_id']),
    ).toEqual({
      unknown: ['ordr_id', 'pickup_date'],
      malformed: false,
    });
    expect(validateTemplate('{{ORDER_ID}}', ['Order_Id']).unknown).toEqual([]);
    expect(validateTemplate('oi {{first_name', []).malformed).toBe(true);
  });
});

describe('hasUnfilledPlaceholder', () => {
  it('sees any double brace, well-formed or not', () => {
    expect(hasUnfilledPlaceholder('Oi {{first_name}}')).toBe(true);
    expect(hasUnfilledPlaceholder('Oi {{first_name')).toBe(true);
    expect(hasUnfilledPlaceholder('Oi }}')).toBe(true);
    expect(hasUnfilledPlaceholder('Oi {Maria}, tudo bem? :-}')).toBe(false);
    expect(hasUnfilledPlaceholder('')).toBe(false);
  });
});

describe('{{next_open}}', () => {
  // Friday 27 Nov 2026, 20:00 in São Paulo; the shop opens Saturday at 9:00.
  const now = Date.UTC(2026, 10, 27, 23, 0);
  const saturday9 = Date.UTC(2026, 10, 28, 12, 0);

  it('renders the next opening in the shop’s words when the bot gives it', () => {
    const rendered = renderTemplate('Abrimos {{next_open}}.', {
      ...context(),
      now,
      timeZone: 'America/Sao_Paulo',
      language: 'pt-BR',
      nextOpenAt: saturday9,
    });
    expect(rendered).toMatchObject({ text: 'Abrimos amanhã às 09:00.', complete: true });
  });

  it('is missing, never sent, without one, and points nowhere near the profile', () => {
    const rendered = renderTemplate('Abrimos {{next_open}}.', { ...context(), nextOpenAt: null });
    expect(rendered).toMatchObject({ complete: false, missing: ['next_open'] });
    expect(placeholderSource('next_open')).toBe('none');
  });
});
