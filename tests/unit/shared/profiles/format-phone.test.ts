import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../../../shared/profiles/format-phone';

describe('formatPhone', () => {
  it('strips formatting before grouping', () => {
    expect(formatPhone('+55 (11) 98765-4321')).toBe('+55 11 98765-4321');
    expect(formatPhone('')).toBe('');
    expect(formatPhone('5511')).toBe('+5511');
  });
});
