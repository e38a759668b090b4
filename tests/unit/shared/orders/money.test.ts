import { describe, expect, it } from 'vitest';
import { formatBrl, formatBrlPlain, parseBrl } from '../../../../shared/orders/money';

describe('reais', () => {
  it.each([
    [0, 'R$ 0,00'],
    [5, 'R$ 0,05'],
    [1250, 'R$ 12,50'],
    [123450, 'R$ 1.234,50'],
    [100000000, 'R$ 1.000.000,00'],
    [-1999, '-R$ 19,99'],
    [Number.MAX_SAFE_INTEGER, 'R$ 90.071.992.547.409,91'],
  ])('formats %i cents as %s, with a plain space', (cents, expected) => {
    expect(formatBrl(cents)).toBe(expected);
  });

  it('refuses anything but whole cents', () => {
    expect(() => formatBrl(12.5)).toThrow(RangeError);
  });

  it('writes plain amounts for spreadsheets', () => {
    expect(formatBrlPlain(123450)).toBe('1234,50');
    expect(formatBrlPlain(7)).toBe('0,07');
  });

  it.each([
    ['12,50', 1250],
    ['R$ 12,50', 1250],
    ['R$12,50', 1250],
    ['r$ 12,5', 1250],
    ['12.50', 1250],
    ['1.234,50', 123450],
    ['1234,50', 123450],
    ['1.234', 123400],
    ['1234', 123400],
    ['0,99', 99],
    ['R$\u00a01.234,50', 123450],
    ['1,234.50', 123450],
    [' 7 ', 700],
    ['', null],
    ['abc', null],
    ['12,345', null],
    ['-5,00', null],
    ['1.23.4', null],
    ['12,50,1', null],
    ['99999999999999999999', null],
  ])('reads %j as %s cents', (text, expected) => {
    expect(parseBrl(text)).toBe(expected);
  });
});
