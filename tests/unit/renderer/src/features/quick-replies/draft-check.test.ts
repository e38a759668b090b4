import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../../shared/settings/default-settings';
import { buildTemplateContext } from '../../../../../../shared/templates/template-context';
import { checkDraft } from '../../../../../../renderer/src/features/quick-replies/draft-check';

const now = Date.UTC(2025, 10, 20, 15, 0);
const customer = { name: 'Maria da Silva', firstName: 'Maria', phone: '5511987654321', lastInboundAt: now - 3_600_000 };
const settings = defaultSettings('America/Sao_Paulo', 'en');
const context = (customFields: Record<string, string> = {}) =>
  buildTemplateContext({ ...customer, customFields }, { ...settings, shop: { ...settings.shop, address: '' } }, now);

describe('the draft check before sending', () => {
  it('has nothing to say about a plain text', () => {
    expect(checkDraft('Tudo certo!', context())).toEqual({ problems: [], filled: null });
  });

  it('names a missing custom field as the profile’s, and a shop field as the settings’', () => {
    const { problems } = checkDraft('Order {{order_id}} at {{shop_address}}', context());
    expect(problems).toEqual([
      { kind: 'missing', field: 'order_id', source: 'profile' },
      { kind: 'missing', field: 'shop_address', source: 'settings' },
    ]);
  });

  it('offers the filled text once the profile has the value', () => {
    const check = checkDraft('Hi Maria! Order {{order_id}} is ready.', context({ order_id: 'A-1' }));
    expect(check).toEqual({ problems: [], filled: 'Hi Maria! Order A-1 is ready.' });
  });

  it('reports names that can never be filled and stray braces', () => {
    expect(checkDraft('Hi {{Order ID}}', context()).problems).toEqual([{ kind: 'unknown', field: 'order id' }]);
    expect(checkDraft('Hi {{first_name', context()).problems).toEqual([{ kind: 'malformed' }]);
  });
});
