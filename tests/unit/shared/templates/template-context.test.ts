import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/default-settings';
import { renderTemplate } from '../../../../shared/templates/render-template';
import { buildTemplateContext } from '../../../../shared/templates/template-context';

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
