/**
 * Brazilian reais as integer cents. Arithmetic stays in integers; only the formatter sees a decimal,
 * and it gets it as an exact string, never as a float.
 */

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/**
 * "R$ 1.234,50". ICU separates the symbol with a no-break space; a chat message, a CSV and a test
 * should all carry the plain space a person would type, so it is replaced.
 */
export function formatBrl(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money is kept in whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const exact = `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
  return brl.format(exact as Intl.StringNumericLiteral).replace(/[\u00a0\u202f]/g, ' ');
}

/** "1234,50" with no symbol and no thousands separator, the form a spreadsheet reads back as a number. */
export function formatBrlPlain(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money is kept in whole cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

function toCents(reais: string, fraction: string): number | null {
  const cents = Number(reais) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * A price typed by a person: "12,50", "R$ 12,50", "12.50", "1.234,50", "1234", "R$ 5" (and the
 * English "1,234.50"). Null for anything ambiguous or malformed, and for negative amounts.
 */
export function parseBrl(text: string): number | null {
  const value = text
    .replace(/^\s*R\$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .trim();
  const brazilian = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(value);
  if (brazilian) return toCents((brazilian[1] ?? '').replace(/\./g, ''), brazilian[2] ?? '');
  // A single dot followed by one or two digits can only be a decimal point ("12.50").
  const dotDecimal = /^(\d+)\.(\d{1,2})$/.exec(value);
  if (dotDecimal) return toCents(dotDecimal[1] ?? '', dotDecimal[2] ?? '');
  const english = /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/.exec(value);
  if (english) return toCents((english[1] ?? '').replace(/,/g, ''), english[2] ?? '');
  return null;
}
