/** The fast load-time checks never accept what the zod schemas reject, and know every field. */
import { describe, expect, test } from 'vitest';
import {
  contactFromRow,
  contactRowColumns,
  fastCheckedContactKeys,
  fastCheckedMessageKeys,
  isStoredContact,
  isStoredMessage,
} from '../../../../../electron/backend/store/fast-checks';
import { storedContactSchema, storedMessageSchema } from '../../../../../electron/backend/store/store-types';
import { contact, message } from './store-fixtures';

const oddValues: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '5511900000001@c.us',
  '123@c.us',
  -1,
  0,
  1.5,
  2 ** 60,
  Number.NaN,
  true,
  [],
  ['a', 1],
  {},
  { text: 'a', at: 1, direction: 'in' },
  { text: 'a', at: 1, direction: 'up' },
  { text: 'a', at: 1, direction: 'in', extra: 1 },
  { order_id: 'A1' },
  { Order: 'x' },
  { order_id: 'x'.repeat(501) },
  'in',
  'text',
  'read',
  'sideways',
];

function mutations(base: Record<string, unknown>, keys: Iterable<string>): Record<string, unknown>[] {
  const variants: Record<string, unknown>[] = [];
  for (const key of [...keys, 'unknownField']) {
    for (const value of oddValues) variants.push({ ...base, [key]: value });
    variants.push(Object.fromEntries(Object.entries(base).filter(([name]) => name !== key)));
  }
  return variants;
}

describe('fast checks agree with zod', () => {
  test('they cover exactly the schema fields (a new field must be added to both)', () => {
    expect([...fastCheckedContactKeys].sort()).toEqual(Object.keys(storedContactSchema.shape).sort());
    expect([...fastCheckedMessageKeys].sort()).toEqual(Object.keys(storedMessageSchema.shape).sort());
  });

  test('valid values pass both', () => {
    const samples = [
      contact(1),
      contact(2, { lastMessage: null, customFields: { order_id: 'A1' }, labels: ['vip'], nameOverride: 'Ana' }),
    ];
    for (const sample of samples)
      expect([isStoredContact(sample), storedContactSchema.safeParse(sample).success]).toEqual([true, true]);
    const messages = [
      message(1, 'a', 0),
      message(1, 'b', 5, { direction: 'out', status: 'read', waId: 'w', failureReason: 'r' }),
    ];
    for (const sample of messages)
      expect([isStoredMessage(sample), storedMessageSchema.safeParse(sample).success]).toEqual([true, true]);
  });

  test('no contact mutation is accepted by the fast check and rejected by zod', () => {
    const base = contact(1) as unknown as Record<string, unknown>;
    let accepted = 0;
    for (const variant of mutations(base, fastCheckedContactKeys)) {
      if (!isStoredContact(variant)) continue;
      accepted++;
      const zod = storedContactSchema.safeParse(variant);
      expect(zod.success, JSON.stringify(variant)).toBe(true);
      // Accepted as is: zod would return the same value (nothing stripped or changed).
      expect(zod.data).toEqual(variant);
    }
    expect(accepted).toBeGreaterThan(5);
  });

  test('no contact row built from a mutated contact is accepted unless zod accepts the contact', () => {
    expect([...contactRowColumns]).toEqual(Object.keys(storedContactSchema.shape));
    const base = contact(1) as unknown as Record<string, unknown>;
    let accepted = 0;
    for (const variant of mutations(base, fastCheckedContactKeys)) {
      const built = contactFromRow(['key', ...contactRowColumns.map((column) => variant[column])]);
      if (!built) continue;
      accepted++;
      const zod = storedContactSchema.safeParse(built);
      expect(zod.success, JSON.stringify(variant)).toBe(true);
      expect(zod.data).toEqual(built);
    }
    expect(accepted).toBeGreaterThan(5);
    expect(contactFromRow(['key', ...contactRowColumns.map((column) => base[column]), 'extra'])).toBeNull();
  });

  test('no message mutation is accepted by the fast check and rejected by zod', () => {
    const base = message(1, 'a', 1000, { status: 'sent' }) as unknown as Record<string, unknown>;
    let accepted = 0;
    for (const variant of mutations(base, fastCheckedMessageKeys)) {
      if (!isStoredMessage(variant)) continue;
      accepted++;
      const zod = storedMessageSchema.safeParse(variant);
      expect(zod.success, JSON.stringify(variant)).toBe(true);
      expect(zod.data).toEqual(variant);
    }
    expect(accepted).toBeGreaterThan(5);
  });
});
