import { describe, expect, it } from 'vitest';
import { JanelaError } from '../../../../../shared/contract';
import { chatSummarySchema, customerProfileSchema, type Label } from '../../../../../shared/domain';
import {
  applyProfileUpdate,
  customFieldNames,
  deleteLabel,
  MAX_LABELS,
  saveLabel,
  toChatSummary,
  toCustomerProfile,
} from '../../../../../electron/backend/profiles/profiles';
import type { StoredContact } from '../../../../../electron/backend/store/store-types';

function contact(overrides: Partial<StoredContact> = {}): StoredContact {
  return {
    chatId: '5511987654321@c.us',
    phone: '5511987654321',
    waName: 'maria da silva',
    nameOverride: null,
    firstNameOverride: null,
    lastInboundAt: 1_000,
    lastOutboundAt: null,
    lastMessage: { text: 'oi', at: 1_000, direction: 'in' },
    unreadCount: 2,
    customFields: { order_id: '42' },
    labels: ['vip'],
    notes: '',
    ...overrides,
  };
}

const labels: Label[] = [
  { id: 'vip', name: 'VIP', color: '#25d366' },
  { id: 'novo', name: 'Novo cliente', color: '#3366ff' },
];

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof JanelaError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('names', () => {
  it('uses the WhatsApp name and derives the first name from it', () => {
    const summary = toChatSummary(contact());
    expect(summary).toMatchObject({ name: 'maria da silva', firstName: 'Maria' });
    expect(chatSummarySchema.parse(summary)).toEqual(summary);
  });

  it('prefers the overrides', () => {
    const profile = toCustomerProfile(contact({ nameOverride: 'Maria Aparecida Souza', firstNameOverride: 'Cida' }));
    expect(profile).toMatchObject({ name: 'Maria Aparecida Souza', firstName: 'Cida', waName: 'maria da silva' });
    expect(toChatSummary(contact({ nameOverride: 'Dra. Ana Lima' })).firstName).toBe('Ana');
    expect(customerProfileSchema.parse(profile)).toEqual(profile);
  });

  it('falls back to the formatted number, with no first name', () => {
    expect(toChatSummary(contact({ waName: null }))).toMatchObject({ name: '+55 11 98765-4321', firstName: '' });
    expect(toChatSummary(contact({ waName: '   ' })).name).toBe('+55 11 98765-4321');
    expect(toChatSummary(contact({ chatId: '123456789@lid', phone: '', waName: null })).name).toBe('123456789');
  });
});

describe('applyProfileUpdate', () => {
  it('changes only what the patch holds and leaves the input alone', () => {
    const before = contact();
    const after = applyProfileUpdate(before, { notes: 'prefere retirar à tarde' });
    expect(after).toEqual({ ...before, notes: 'prefere retirar à tarde' });
    expect(before.notes).toBe('');
  });

  it('sets and clears the name overrides; blank means no override', () => {
    const named = applyProfileUpdate(contact(), { name: '  Maria Souza ', firstName: 'Mari' });
    expect(named).toMatchObject({ nameOverride: 'Maria Souza', firstNameOverride: 'Mari' });
    expect(applyProfileUpdate(named, { name: '' })).toMatchObject({ nameOverride: null, firstNameOverride: 'Mari' });
    expect(applyProfileUpdate(named, { firstName: null })).toMatchObject({
      nameOverride: 'Maria Souza',
      firstNameOverride: null,
    });
    expect(toChatSummary(applyProfileUpdate(named, { firstName: '   ' })).firstName).toBe('Maria');
  });

  it('replaces custom fields as a whole, trimming values', () => {
    const after = applyProfileUpdate(contact(), { customFields: { pickup_date: ' 26/11 ' } });
    expect(after.customFields).toEqual({ pickup_date: '26/11' });
  });

  it('refuses a custom field named like a built-in placeholder', () => {
    expect(codeOf(() => applyProfileUpdate(contact(), { customFields: { phone: '1' } }))).toBe('invalid-input');
  });

  it('sets labels without repeats and checks they exist', () => {
    expect(applyProfileUpdate(contact(), { labels: ['novo', 'vip', 'novo'] }, labels).labels).toEqual(['novo', 'vip']);
    expect(codeOf(() => applyProfileUpdate(contact(), { labels: ['ghost'] }, labels))).toBe('invalid-input');
  });
});

describe('labels', () => {
  it('creates, edits in place and refuses a second label with the same name', () => {
    const added = saveLabel(labels, { id: 'atraso', name: 'Pagamento atrasado', color: '#ff0000' });
    expect(added.map((label) => label.id)).toEqual(['vip', 'novo', 'atraso']);
    const edited = saveLabel(added, { id: 'vip', name: 'Cliente VIP', color: '#000000' });
    expect(edited[0]).toEqual({ id: 'vip', name: 'Cliente VIP', color: '#000000' });
    expect(codeOf(() => saveLabel(labels, { id: 'x', name: ' vip ', color: '#ffffff' }))).toBe('invalid-input');
    expect(codeOf(() => saveLabel(labels, { id: 'x', name: 'ok', color: 'red' }))).toBe('invalid-input');
    const full = Array.from({ length: MAX_LABELS }, (_, i) => ({ id: `l${i}`, name: `L${i}`, color: '#111111' }));
    expect(codeOf(() => saveLabel(full, { id: 'x', name: 'x', color: '#111111' }))).toBe('invalid-input');
  });

  it('refuses a name over the limit with its own code, never cutting it', () => {
    const long = 'Cliente que sempre pede entrega no mesmo dia';
    expect(long.length).toBeGreaterThan(40);
    expect(codeOf(() => saveLabel(labels, { id: 'x', name: long, color: '#111111' }))).toBe('label-too-long');
    expect(saveLabel(labels, { id: 'x', name: 'x'.repeat(40), color: '#111111' }).at(-1)?.name).toHaveLength(40);
  });

  it('deletes a label and takes it off every contact', () => {
    const maria = contact({ labels: ['vip', 'novo'] });
    const joao = contact({ chatId: '5511911112222@c.us', labels: ['novo'] });
    const ana = contact({ chatId: '5511933334444@c.us', labels: [] });
    const contacts = { [maria.chatId]: maria, [joao.chatId]: joao, [ana.chatId]: ana };
    const result = deleteLabel(labels, contacts, 'novo');
    expect(result.labels.map((label) => label.id)).toEqual(['vip']);
    expect(result.contacts[maria.chatId]?.labels).toEqual(['vip']);
    expect(result.contacts[joao.chatId]?.labels).toEqual([]);
    expect(result.contacts[ana.chatId]).toBe(ana);
    expect(maria.labels).toEqual(['vip', 'novo']);
    expect(codeOf(() => deleteLabel(labels, contacts, 'ghost'))).toBe('not-found');
  });
});

describe('customFieldNames', () => {
  it('lists every field some customer has, once each, sorted; nothing when nobody has one', () => {
    const contacts = {
      a: contact({ chatId: '5511900000001@c.us', customFields: { order_id: '1', cpf: '123' } }),
      b: contact({ chatId: '5511900000002@c.us', customFields: { order_id: '2' } }),
      c: contact({ chatId: '5511900000003@c.us', customFields: {} }),
    };
    expect(customFieldNames(contacts)).toEqual(['cpf', 'order_id']);
    expect(customFieldNames({ c: contacts.c })).toEqual([]);
  });
});
