/**
 * Just enough of vCard (RFC 6350, and the 2.1 that older Android phones send) to show a shared
 * contact: its name and its WhatsApp number.
 */
import { TextDecoder } from 'node:util';
import type { MediaContact } from '../../../shared/media/media-kind';
import { stripInvisible } from './safe-filename';

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

const MAX_NAME_CHARS = 500;

function parseLine(line: string): Property | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const [head = '', ...rawParams] = line.slice(0, colon).split(';');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const equals = raw.indexOf('=');
    // vCard 2.1 allows bare parameters: `TEL;CELL:…` means `type=CELL`.
    const key = equals < 0 ? 'TYPE' : raw.slice(0, equals).trim().toUpperCase();
    const value = (equals < 0 ? raw : raw.slice(equals + 1)).trim().replace(/^"|"$/g, '');
    params.set(key, [...(params.get(key) ?? []), value]);
  }
  const name = head
    .slice(head.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  return { name, params, value: line.slice(colon + 1) };
}

function isQuotedPrintable(property: Property): boolean {
  const encodings = [...(property.params.get('ENCODING') ?? []), ...(property.params.get('TYPE') ?? [])];
  return encodings.some((value) => value.toUpperCase() === 'QUOTED-PRINTABLE');
}

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const char = String.fromCodePoint(value.codePointAt(i) ?? 0xfffd);
      bytes.push(...Buffer.from(char, 'utf8'));
      i += char.length - 1;
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_whole, char: string) => (char === 'n' || char === 'N' ? ' ' : char));
}

function decoded(property: Property): string {
  return isQuotedPrintable(property)
    ? decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0])
    : property.value;
}

/** `N:Souza;Ana;;;` → `Ana Souza`. */
function structuredName(value: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = value.split(/(?<!\\);/).map(unescapeText);
  return [prefix, given, middle, family, suffix].filter((part) => part.trim() !== '').join(' ');
}

function phoneOf(tels: readonly Property[]): string | undefined {
  for (const tel of tels) {
    const waid = tel.params.get('WAID')?.[0];
    if (waid !== undefined && /^\d{5,20}$/.test(waid)) return waid;
  }
  for (const tel of tels) {
    const digits = tel.value.replace(/^tel:/i, '').replace(/[\s()+.-]/g, '');
    if (/^\d{8,15}$/.test(digits)) return digits;
  }
  return undefined;
}

function unfold(card: string): string[] {
  const lines = card.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    // A quoted-printable soft line break: the value goes on in the next line.
    if (previous !== undefined && /QUOTED-PRINTABLE/i.test(previous) && previous.endsWith('=')) {
      joined[joined.length - 1] = previous.slice(0, -1) + line;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

export function parseVCard(card: string): MediaContact {
  const properties = unfold(card).flatMap((line) => parseLine(line) ?? []);
  const fn = properties.find((property) => property.name === 'FN');
  const n = properties.find((property) => property.name === 'N');
  const rawName = (fn ? unescapeText(decoded(fn)) : '') || (n ? structuredName(decoded(n)) : '');
  const name = stripInvisible(rawName).replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS);
  const phone = phoneOf(properties.filter((property) => property.name === 'TEL'));
  return { name, ...(phone !== undefined ? { phone } : {}) };
}
