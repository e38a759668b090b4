/**
 * Plurals by the language's own rules (Intl.PluralRules), never by adding an "s": a count's message
 * has one key per plural category, `<key>.one`, `<key>.other` (and `.zero`, `.two`, `.few`, `.many`
 * where a language needs them), each with a `{count}` placeholder. `.other` is always required.
 */
import type { Language } from '../domain';

export type PluralCategory = Intl.LDMLPluralRule;

const rules = new Map<Language, Intl.PluralRules>();
const numbers = new Map<Language, Intl.NumberFormat>();

export function pluralCategory(language: Language, count: number): PluralCategory {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  // CLDR files 0 under "one" for Portuguese, but Brazilian usage says "0 mensagens", not "0 mensagem".
  if (count === 0 && language === 'pt-BR') return 'other';
  return rule.select(count);
}

/** The count as the language writes it: `1.234` in pt-BR, `1,234` in English. */
export function formatCount(language: Language, count: number): string {
  let format = numbers.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numbers.set(language, format);
  }
  return format.format(count);
}

/** Picks the form for `count`, falling back to `other` when the language's category has no form. */
export function selectPlural<T>(
  language: Language,
  count: number,
  forms: { readonly other: T } & Partial<Readonly<Record<PluralCategory, T>>>,
): T {
  return forms[pluralCategory(language, count)] ?? forms.other;
}
