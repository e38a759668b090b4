import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/default-settings';
import { formatPhone } from '../../../../shared/templates/format-phone';
import { placeholderSource, scanTemplate } from '../../../../shared/templates/placeholders';
import { renderTemplate } from '../../../../shared/templates/render-template';
import { buildTemplateContext } from '../../../../shared/templates/template-context';

describe('placeholderSource', () => {
  it('points each placeholder to where its value is filled', () => {
    expect(placeholderSource('first_name')).toBe('profile');
    expect(placeholderSource('order_id')).toBe('profile');
    expect(placeholderSource('shop_hours')).toBe('settings');
    expect(placeholderSource('shop_colour')).toBe('profile');
    expect(placeholderSource('window_closes_at')).toBe('conversation');
    expect(placeholderSource('greeting')).toBe('none');
    expect(placeholderSource('__proto__')).toBe('none');
  });
});

describe('scanTemplate', () => {
  it('splits name and fallback at the first bar', () => {
    expect(scanTemplate('a{{ X | b|c }}')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'placeholder', raw: '{{ X | b|c }}', name: 'x', fallback: 'b|c' },
    ]);
  });
});

describe('formatPhone', () => {
  it('strips formatting before grouping', () => {
    expect(formatPhone('+55 (11) 98765-4321')).toBe('+55 11 98765-4321');
    expect(formatPhone('')).toBe('');
    expect(formatPhone('5511')).toBe('+5511');
  });
});

describe('buildTemplateContext', () => {
  it('derives the window close from the last customer message', () => {
    const settings = {
      ...defaultSettings('America/Sao_Paulo'),
      shop: { name: 'Loja', address: '', hours: '', website: '' },
    };
    const lastInboundAt = Date.UTC(2025, 10, 25, 17, 0); // 14:00 local
    const ctx = buildTemplateContext(
      { name: 'Ana', firstName: 'Ana', phone: '5511987654321', lastInboundAt, customFields: { order_id: '7' } },
      settings,
      lastInboundAt + 60_000,
    );
    expect(ctx.windowExpiresAt).toBe(lastInboundAt + 86_400_000);
    expect(renderTemplate('{{first_name}} {{order_id}} até {{window_closes_at}} — {{shop_name}}', ctx).text).toBe(
      'Ana 7 até amanhã às 14:00 — Loja',
    );
    const neverWrote = buildTemplateContext(
      { name: 'Ana', firstName: 'Ana', phone: '', lastInboundAt: null },
      settings,
      0,
    );
    expect(neverWrote.windowExpiresAt).toBeNull();
    expect(neverWrote.customer.customFields).toEqual({});
  });
});
