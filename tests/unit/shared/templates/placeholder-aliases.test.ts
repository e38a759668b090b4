import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PLACEHOLDERS,
  canonicalPlaceholder,
  PLACEHOLDER_ALIASES,
  placeholderNameFor,
  scanTemplate,
} from '../../../../shared/templates/placeholders';
import { renderTemplate, validateTemplate, type TemplateContext } from '../../../../shared/templates/render-template';

const saoPauloAt = (hour: number, minute = 0) => Date.UTC(2025, 10, 25, hour + 3, minute);

function context(customFields: Record<string, string> = {}): TemplateContext {
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
  };
}

describe('Portuguese placeholder aliases', () => {
  it('fill exactly like the English names', () => {
    const portuguese = renderTemplate(
      '{{saudacao}}, {{primeiro_nome}}! {{nome}} / {{telefone}} / {{loja}} / {{endereco_loja}} / {{horario_loja}} / {{site_loja}} / até {{janela_fecha}}',
      context(),
    );
    const english = renderTemplate(
      '{{greeting}}, {{first_name}}! {{name}} / {{phone}} / {{shop_name}} / {{shop_address}} / {{shop_hours}} / {{shop_website}} / até {{window_closes_at}}',
      context(),
    );
    expect(portuguese.text).toBe(english.text);
    expect(portuguese.complete).toBe(true);
  });

  it('cover every built-in, plus the automations’ next_open', () => {
    const targets = Object.values(PLACEHOLDER_ALIASES);
    for (const name of BUILT_IN_PLACEHOLDERS) expect(targets, name).toContain(name);
    expect(PLACEHOLDER_ALIASES.proxima_abertura).toBe('next_open');
  });

  it('forgive case, spaces and accents, and keep the text as written', () => {
    expect(canonicalPlaceholder(' Saudação ')).toBe('greeting');
    expect(canonicalPlaceholder('ENDEREÇO_LOJA')).toBe('shop_address');
    expect(canonicalPlaceholder('pedido')).toBe('pedido');
    const [piece] = scanTemplate('{{ Primeiro_Nome | cliente }}');
    expect(piece).toEqual({
      kind: 'placeholder',
      raw: '{{ Primeiro_Nome | cliente }}',
      name: 'first_name',
      fallback: 'cliente',
    });
  });

  it('report a missing value by its canonical name, whichever name was typed', () => {
    const result = renderTemplate('Oi {{loja}}', { ...context(), shop: { ...context().shop, name: '' } });
    expect(result.missing).toEqual(['shop_name']);
    expect(result.text).toBe('Oi {{loja}}');
  });

  it('are known to the editor’s check', () => {
    expect(validateTemplate('{{primeiro_nome}} {{janela_fecha}}', [])).toEqual({ unknown: [], malformed: false });
  });

  it('are what a pt-BR person sees; English and custom fields keep their names', () => {
    expect(placeholderNameFor('first_name', 'pt-BR')).toBe('primeiro_nome');
    expect(placeholderNameFor('shop_name', 'pt-BR')).toBe('loja');
    expect(placeholderNameFor('first_name', 'en')).toBe('first_name');
    expect(placeholderNameFor('pedido', 'pt-BR')).toBe('pedido');
    expect(placeholderNameFor('order_id', 'en')).toBe('order_id');
  });

  it('do not make an inherited object key a placeholder', () => {
    expect(canonicalPlaceholder('constructor')).toBe('constructor');
    expect(placeholderNameFor('constructor', 'pt-BR')).toBe('constructor');
  });
});
