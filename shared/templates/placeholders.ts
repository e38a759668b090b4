/**
 * The placeholder language of quick replies: `{{name}}` or `{{name|fallback}}`, spaces inside the
 * braces allowed, names case-insensitive. Parsing is one linear regex pass (no nested quantifiers),
 * so a hostile 100k-character text costs no more than a plain one.
 */
import { customFieldNameSchema } from '../domain';

export const BUILT_IN_PLACEHOLDERS = [
  'first_name',
  'name',
  'phone',
  'greeting',
  'window_closes_at',
  'shop_name',
  'shop_address',
  'shop_hours',
  'shop_website',
  'next_open',
] as const;
export type BuiltInPlaceholder = (typeof BUILT_IN_PLACEHOLDERS)[number];

/**
 * Portuguese names for the built-ins, so a pt-BR quick reply reads `{{primeiro_nome}}`. Both names
 * work everywhere: the scanner turns an alias into its canonical (English) name, and the text is
 * stored as typed. `proxima_abertura` is the automations' `{{next_open}}`.
 */
export const PLACEHOLDER_ALIASES: Readonly<Record<string, string>> = {
  primeiro_nome: 'first_name',
  nome: 'name',
  telefone: 'phone',
  saudacao: 'greeting',
  janela_fecha: 'window_closes_at',
  loja: 'shop_name',
  endereco_loja: 'shop_address',
  horario_loja: 'shop_hours',
  site_loja: 'shop_website',
  proxima_abertura: 'next_open',
};

const aliasOf: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PLACEHOLDER_ALIASES).map(([alias, name]) => [name, alias]),
);

/** The canonical name behind a written one: `Saudação` and `saudacao` both give `greeting`. */
export function canonicalPlaceholder(written: string): string {
  const name = written.trim().toLowerCase();
  if (/^[a-z0-9_]*$/.test(name))
    return (Object.hasOwn(PLACEHOLDER_ALIASES, name) ? PLACEHOLDER_ALIASES[name] : undefined) ?? name;
  // Accents are forgiven for aliases only: `endereço_loja` is `endereco_loja`.
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return (Object.hasOwn(PLACEHOLDER_ALIASES, plain) ? PLACEHOLDER_ALIASES[plain] : undefined) ?? name;
}

/** The name a person sees for a canonical name in their language; custom fields keep the owner's name. */
export function placeholderNameFor(name: string, language: 'pt-BR' | 'en'): string {
  return (language === 'pt-BR' && Object.hasOwn(aliasOf, name) ? aliasOf[name] : undefined) ?? name;
}

export function isBuiltInPlaceholder(name: string): name is BuiltInPlaceholder {
  return (BUILT_IN_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Whether a name could ever hold a value: a built-in or a well-formed custom field name. */
export function isFillablePlaceholder(name: string): boolean {
  return isBuiltInPlaceholder(name) || customFieldNameSchema.safeParse(name).success;
}

/**
 * Where a person goes to give a placeholder its value, so a blocked send can point there:
 * the customer's profile (name, phone, custom fields), the shop settings, or nowhere because the
 * value comes from the conversation itself (the window) or the clock (greeting).
 */
export type PlaceholderSource = 'profile' | 'settings' | 'conversation' | 'none';

export function placeholderSource(name: string): PlaceholderSource {
  if (name.startsWith('shop_') && isBuiltInPlaceholder(name)) return 'settings';
  // The next opening comes from the business hours and the clock, never from a customer's profile.
  if (name === 'greeting' || name === 'next_open') return 'none';
  if (name === 'window_closes_at') return 'conversation';
  return isFillablePlaceholder(name) ? 'profile' : 'none';
}

export type TemplatePiece =
  | { kind: 'text'; text: string }
  /**
   * `raw` is the placeholder as written; `name` its canonical (English, lower-case) name, also for a
   * Portuguese alias; `fallback` is null when none was given.
   */
  | { kind: 'placeholder'; raw: string; name: string; fallback: string | null };

// `[^{}]*` cannot cross a brace, so each `{{` start is tried against one brace-free run at most.
const placeholderPattern = /\{\{([^{}]*)\}\}/g;

export function scanTemplate(text: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let textStart = 0;
  for (const match of text.matchAll(placeholderPattern)) {
    const inner = match[1] ?? '';
    const bar = inner.indexOf('|');
    const name = canonicalPlaceholder(bar === -1 ? inner : inner.slice(0, bar));
    const fallback = bar === -1 ? null : inner.slice(bar + 1).trim();
    if (match.index > textStart) pieces.push({ kind: 'text', text: text.slice(textStart, match.index) });
    pieces.push({ kind: 'placeholder', raw: match[0], name, fallback });
    textStart = match.index + match[0].length;
  }
  if (textStart < text.length) pieces.push({ kind: 'text', text: text.slice(textStart) });
  return pieces;
}

/**
 * The send guard's test. Deliberately broad: any `{{` or `}}` counts, well-formed or not, because a
 * half-typed `{{first_name` reaching a customer is as bad as an unfilled `{{first_name}}`.
 */
export function hasUnfilledPlaceholder(text: string): boolean {
  return text.includes('{{') || text.includes('}}');
}

/** Values are data, never syntax: a customer named "{{x}}" must neither expand nor block a send. */
export function neutraliseBraces(value: string): string {
  return value.replace(/\{{2,}/g, '{').replace(/\}{2,}/g, '}');
}
