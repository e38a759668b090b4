import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../../../shared/default-settings';
import { buildTemplateContext } from '../../../../../../shared/templates/template-context';
import { checkDraft } from '../../../../../../renderer/src/features/quick-replies/draft-check';
import { checkQuickReplyText } from '../../../../../../renderer/src/features/quick-replies/editor-check';
import { findSlashTrigger } from '../../../../../../renderer/src/features/quick-replies/slash-trigger';
import { fieldNameProblem, toFieldName } from '../../../../../../renderer/src/features/profiles/field-name';
import { filterByLabels } from '../../../../../../renderer/src/features/profiles/label-filter-rule';

const now = Date.UTC(2025, 10, 20, 15, 0);
const customer = { name: 'Maria da Silva', firstName: 'Maria', phone: '5511987654321', lastInboundAt: now - 3_600_000 };
const settings = defaultSettings('America/Sao_Paulo', 'en');
const context = (customFields: Record<string, string> = {}) =>
  buildTemplateContext({ ...customer, customFields }, { ...settings, shop: { ...settings.shop, address: '' } }, now);

describe('the / trigger', () => {
  it('opens only at the start of the message, with the word typed so far', () => {
    expect(findSlashTrigger('/', 1)).toEqual({ start: 0, query: '' });
    expect(findSlashTrigger('/pix', 4)).toEqual({ start: 0, query: 'pix' });
    expect(findSlashTrigger('  /pix', 6)).toEqual({ start: 2, query: 'pix' });
  });

  it('stays shut for a slash later in the message, so Enter sends what was typed', () => {
    expect(findSlashTrigger('Valor: R$ 30 /un', 16)).toBeNull();
    expect(findSlashTrigger('Oi! /end', 8)).toBeNull();
    expect(findSlashTrigger('line\n/ola', 9)).toBeNull();
  });

  it('looks only up to the caret', () => {
    expect(findSlashTrigger('/pix and more', 4)).toEqual({ start: 0, query: 'pix' });
    expect(findSlashTrigger('/pix and more', 13)).toBeNull();
  });

  it('stays shut for slashes inside words, links, dates and after the word ended', () => {
    expect(findSlashTrigger('1/2', 3)).toBeNull();
    expect(findSlashTrigger('http://x.com', 12)).toBeNull();
    expect(findSlashTrigger('a //b', 5)).toBeNull();
    expect(findSlashTrigger('/pix ', 5)).toBeNull();
    expect(findSlashTrigger('', 0)).toBeNull();
  });
});

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

describe('the editor’s advice', () => {
  it('suggests the nearest real field for a typo', () => {
    expect(checkQuickReplyText('Oi {{frist_name}}', []).suggestions).toEqual([
      { name: 'frist_name', suggestion: 'first_name' },
    ]);
    expect(checkQuickReplyText('{{order_di}}', ['order_id']).suggestions).toEqual([
      { name: 'order_di', suggestion: 'order_id' },
    ]);
  });

  it('separates impossible names from fields no customer has yet', () => {
    const check = checkQuickReplyText('{{Pickup Date}} {{pickup_date}} {{order_id}}', ['order_id']);
    expect(check.impossible).toEqual(['pickup date']);
    expect(check.unseen).toEqual(['pickup_date']);
    expect(check.malformed).toBe(false);
  });
});

describe('custom field names', () => {
  it('are made from what staff type', () => {
    expect(toFieldName('Data de Retirada')).toBe('data_de_retirada');
    expect(toFieldName('Order-ID')).toBe('order_id');
    expect(toFieldName('Nº pedido!')).toBe('n_pedido');
  });

  it('must be valid, not built-in and not repeated', () => {
    expect(fieldNameProblem('order_id', [])).toBeNull();
    expect(fieldNameProblem('1st', [])).toBe('invalid');
    expect(fieldNameProblem('', [])).toBe('invalid');
    expect(fieldNameProblem('first_name', [])).toBe('built-in');
    expect(fieldNameProblem('order_id', ['order_id'])).toBe('duplicate');
  });
});

describe('the label filter', () => {
  const chats = [
    { id: 'a', labels: ['vip'] },
    { id: 'b', labels: ['late', 'vip'] },
    { id: 'c', labels: [] },
  ];

  it('keeps chats with any chosen label, and all chats when none is chosen', () => {
    expect(filterByLabels(chats, new Set()).map((chat) => chat.id)).toEqual(['a', 'b', 'c']);
    expect(filterByLabels(chats, new Set(['late'])).map((chat) => chat.id)).toEqual(['b']);
    expect(filterByLabels(chats, new Set(['late', 'vip'])).map((chat) => chat.id)).toEqual(['a', 'b']);
  });
});
