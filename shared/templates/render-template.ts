/**
 * Fills a quick reply for one customer. Pure (Intl only), so the renderer's preview and the text the
 * backend sends come from the same function.
 */
import type { Language, Shop } from '../domain';
import { formatNextOpening } from '../automations/next-open-text';
import { formatPhone } from '../profiles/format-phone';
import {
  hasUnfilledPlaceholder,
  isBuiltInPlaceholder,
  isFillablePlaceholder,
  neutraliseBraces,
  scanTemplate,
  type BuiltInPlaceholder,
} from './placeholders';
import { formatWindowClose, greetingAt } from './template-time';

export interface TemplateCustomer {
  name: string;
  firstName: string;
  /** Digits, international form; formatted when rendered. */
  phone: string;
  customFields: Readonly<Record<string, string>>;
}

export interface TemplateContext {
  customer: TemplateCustomer;
  shop: Shop;
  /** Epoch milliseconds. */
  now: number;
  /** IANA zone of the shop. */
  timeZone: string;
  language: Language;
  /** When the customer's window closes; null when they never wrote. */
  windowExpiresAt: number | null;
  /** The shop's next opening, for `{{next_open}}`; absent or null when unknown (then it is missing). */
  nextOpenAt?: number | null;
}

export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string; text: string; from: 'value' | 'fallback' }
  /** `text` is the placeholder as written, left in place. */
  | { kind: 'missing' | 'unknown'; name: string; text: string };

export interface RenderResult {
  text: string;
  /** True only when the text can go to a customer: every placeholder filled, no stray braces. */
  complete: boolean;
  /** Fillable placeholders (built-in or custom field) with no value and no fallback, in order. */
  missing: string[];
  /** Names that can never have a value (not built-in, not a well-formed field name), fallback or not. */
  unknown: string[];
  /** `{{` or `}}` outside a well-formed placeholder, e.g. `{{{{x}}}}` or `{{first_name`. */
  malformed: boolean;
  /** The text in pieces, for the preview to highlight filled and unfilled parts. */
  segments: TemplateSegment[];
}

function builtInValue(name: BuiltInPlaceholder, context: TemplateContext): string {
  switch (name) {
    case 'first_name':
      return context.customer.firstName;
    case 'name':
      return context.customer.name;
    case 'phone':
      return formatPhone(context.customer.phone);
    case 'greeting':
      return greetingAt(context.now, context.timeZone, context.language);
    case 'window_closes_at':
      return context.windowExpiresAt === null
        ? ''
        : formatWindowClose(context.windowExpiresAt, context.now, context.timeZone, context.language);
    case 'shop_name':
      return context.shop.name;
    case 'shop_address':
      return context.shop.address;
    case 'shop_hours':
      return context.shop.hours;
    case 'shop_website':
      return context.shop.website;
    case 'next_open':
      return context.nextOpenAt === undefined || context.nextOpenAt === null
        ? ''
        : formatNextOpening(context.nextOpenAt, context.now, context.timeZone, context.language);
  }
}

/** Built-ins win over a custom field of the same name; an empty value counts as no value. */
function valueOf(name: string, context: TemplateContext): string {
  let value = '';
  if (isBuiltInPlaceholder(name)) value = builtInValue(name, context);
  // Object.hasOwn: `{{constructor}}` must not find Object.prototype.constructor.
  else if (Object.hasOwn(context.customer.customFields, name)) value = context.customer.customFields[name] ?? '';
  return typeof value === 'string' ? neutraliseBraces(value.trim()) : '';
}

export function renderTemplate(text: string, context: TemplateContext): RenderResult {
  const segments: TemplateSegment[] = [];
  const missing = new Set<string>();
  const unknown = new Set<string>();
  let unfilledUnknown = false;
  let malformed = false;
  const values = new Map<string, string>();

  for (const piece of scanTemplate(text)) {
    if (piece.kind === 'text') {
      if (hasUnfilledPlaceholder(piece.text)) malformed = true;
      segments.push(piece);
      continue;
    }
    const { name, fallback, raw } = piece;
    const fillable = isFillablePlaceholder(name);
    if (!fillable) unknown.add(name);
    let value = '';
    if (fillable) {
      value = values.get(name) ?? valueOf(name, context);
      values.set(name, value);
    }
    if (value !== '') segments.push({ kind: 'value', name, text: value, from: 'value' });
    else if (fallback !== null) segments.push({ kind: 'value', name, text: fallback, from: 'fallback' });
    else if (fillable) {
      missing.add(name);
      segments.push({ kind: 'missing', name, text: raw });
    } else {
      unfilledUnknown = true;
      segments.push({ kind: 'unknown', name, text: raw });
    }
  }

  return {
    text: segments.map((segment) => segment.text).join(''),
    complete: missing.size === 0 && !unfilledUnknown && !malformed,
    missing: [...missing],
    unknown: [...unknown],
    malformed,
    segments,
  };
}

/**
 * The editor's check, before any customer is chosen: names that are neither built-in nor one of the
 * shop's custom fields (likely typos), and stray braces.
 */
export function validateTemplate(
  text: string,
  knownCustomFields: readonly string[],
): { unknown: string[]; malformed: boolean } {
  const known = new Set(knownCustomFields.map((field) => field.toLowerCase()));
  const unknown = new Set<string>();
  let malformed = false;
  for (const piece of scanTemplate(text)) {
    if (piece.kind === 'text') malformed ||= hasUnfilledPlaceholder(piece.text);
    else if (!isBuiltInPlaceholder(piece.name) && !known.has(piece.name)) unknown.add(piece.name);
  }
  return { unknown: [...unknown], malformed };
}

export { hasUnfilledPlaceholder };
