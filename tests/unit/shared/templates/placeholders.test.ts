import { describe, expect, it } from 'vitest';
import { placeholderSource, scanTemplate } from '../../../../shared/templates/placeholders';

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
