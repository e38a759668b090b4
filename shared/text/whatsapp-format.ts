/**
 * WhatsApp's own text formatting: *bold*, _italic_, ~strikethrough~, as the phone shows them. The
 * result is a tree of plain strings and styled runs, never HTML: the screen builds elements from it,
 * so a customer's "<b>" stays text.
 *
 * The phone's rules, as far as they matter here: a marker opens at the start of the text or after a
 * space or punctuation, right before a non-space; it closes right after a non-space, before the end,
 * a space or punctuation; a run stays on one line. "snake_case_name", "2*3*4" and "* item" stay as
 * typed.
 */

export type TextStyle = 'bold' | 'italic' | 'strike';

export type FormattedPiece = string | { style: TextStyle; children: FormattedPiece[] };

const MARKERS: Readonly<Record<string, TextStyle>> = { '*': 'bold', _: 'italic', '~': 'strike' };

const SPACE = /\s/u;
const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]/u;

function opensAt(text: string, index: number, marker: string): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  if (after === undefined || after === marker || SPACE.test(after)) return false;
  return before === undefined || (before !== marker && SPACE_OR_PUNCTUATION.test(before));
}

/** Where the run opened at `open` closes, or -1. */
function closingIndex(text: string, open: number, marker: string): number {
  for (let index = open + 2; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') return -1;
    if (char !== marker) continue;
    const before = text[index - 1] ?? ' ';
    const after = text[index + 1];
    if (!SPACE.test(before) && (after === undefined || SPACE_OR_PUNCTUATION.test(after))) return index;
  }
  return -1;
}

export function parseWhatsAppFormatting(text: string): FormattedPiece[] {
  const pieces: FormattedPiece[] = [];
  let plain = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    const style = MARKERS[char];
    const close = style && opensAt(text, index, char) ? closingIndex(text, index, char) : -1;
    if (style && close > 0) {
      if (plain) pieces.push(plain);
      plain = '';
      pieces.push({ style, children: parseWhatsAppFormatting(text.slice(index + 1, close)) });
      index = close + 1;
    } else {
      plain += char;
      index += 1;
    }
  }
  if (plain) pieces.push(plain);
  return pieces;
}

function plainOf(pieces: readonly FormattedPiece[]): string {
  return pieces.map((piece) => (typeof piece === 'string' ? piece : plainOf(piece.children))).join('');
}

/** The text as it reads without the markers, for one-line previews. */
export function withoutWhatsAppFormatting(text: string): string {
  return plainOf(parseWhatsAppFormatting(text));
}
