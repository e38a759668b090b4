/**
 * The one rule for what never reaches a log: phone numbers and message text. Lines are masked
 * (WhatsApp ids, then anything that reads as a phone number); structured fields that carry message
 * text are dropped whole. Pure, so the rule is tested on its own and the logger only applies it.
 */

/** Fields that hold what a customer or the shop wrote. */
const TEXT_FIELDS = new Set(['text', 'body', 'caption']);

/** WhatsApp ids name a person or a group by number: 5511987654321@c.us, 1203…-1600…@g.us, …@lid. */
const WHATSAPP_ID = /[\w.+-]*@(?:c\.us|g\.us|lid|s\.whatsapp\.net|broadcast|newsletter)\b/gi;
/** A run of digits with the separators people type in numbers: +55 (11) 98765-4321, 11.98765.4321. */
const DIGIT_RUN = /\+?\(?\d[\d\s().-]*\d/g;
/** A Brazilian number without its area code still reads as one: 98765-4321, 3456-7890. */
const LOCAL_NUMBER = /\b\d{4,5}-\d{4}\b/g;
const PHONE_DIGITS = 10;

export function redactText(text: string): string {
  return text
    .replace(WHATSAPP_ID, '[chat]')
    .replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= PHONE_DIGITS ? '[phone]' : run))
    .replace(LOCAL_NUMBER, '[phone]');
}

export type LogFields = Readonly<Record<string, unknown>>;

/** A copy of `fields` with message text dropped and every string masked, at any depth. */
export function redactFields(fields: LogFields): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (TEXT_FIELDS.has(key.toLowerCase())) continue;
    copy[key] = redactValue(value, 0);
  }
  return copy;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this is a library object, not something a caller meant to log.
  if (depth >= 4) return '[object]';
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      ...(value.stack ? { stack: redactText(value.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (TEXT_FIELDS.has(key.toLowerCase())) continue;
    copy[key] = redactValue(inner, depth + 1);
  }
  return copy;
}
