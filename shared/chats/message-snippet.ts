/**
 * Finding a search in message text the way the chat list finds names (no case, no accents: "joao"
 * finds "João"), and the snippet around it that the results show.
 */
import { foldForSearch } from '../text/compare-text';

export interface Snippet {
  /** The text shown: the match with some words around it, "…" where it was cut. */
  text: string;
  /** Where the match is inside `text`, to highlight it. */
  start: number;
  end: number;
}

/** Each character of `text` folded as the search folds, with where it came from. */
function foldWithPositions(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** The snippet of `text` around the first match of `query`, or null when it does not match. */
export function matchSnippet(text: string, query: string, radius = 40): Snippet | null {
  const needle = foldForSearch(query);
  if (!needle) return null;
  const { folded, origin } = foldWithPositions(text);
  const at = folded.indexOf(needle);
  if (at === -1) return null;
  const matchStart = origin[at] ?? 0;
  const matchEnd = origin[at + needle.length] ?? text.length;
  let from = Math.max(0, matchStart - radius);
  let to = Math.min(text.length, matchEnd + radius);
  // Cut at a word boundary, not in the middle of one.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < matchStart) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > matchEnd) to = space;
  }
  const before = from > 0 ? '…' : '';
  const body = text.slice(from, to);
  // Line breaks and runs of spaces become one space, piece by piece so the match's offsets hold.
  const head = body.slice(0, matchStart - from).replace(/\s+/g, ' ');
  const match = body.slice(matchStart - from, matchEnd - from).replace(/\s+/g, ' ');
  const tail = body.slice(matchEnd - from).replace(/\s+/g, ' ');
  const start = before.length + head.length;
  return {
    text: `${before}${head}${match}${tail}${to < text.length ? '…' : ''}`,
    start,
    end: start + match.length,
  };
}
