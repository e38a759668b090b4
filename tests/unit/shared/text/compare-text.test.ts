import { describe, expect, it } from 'vitest';
import { foldForSearch, nameKey } from '../../../../shared/text/compare-text';

describe('search', () => {
  it('ignores accents and case in names', () => {
    expect(foldForSearch('  JOÃO ')).toBe('joao');
  });
});

describe('names people give', () => {
  it('are the same regardless of case, surrounding spaces and how an accent was typed', () => {
    expect(nameKey(' Entrega ')).toBe(nameKey('entrega'));
    expect(nameKey('Endere\u0063\u0327o')).toBe(nameKey('Endereço'));
    expect(nameKey('VIP')).not.toBe(nameKey('V I P'));
  });
});
