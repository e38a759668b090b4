import { foldForSearch } from '../text/compare-text';

/** Customer text as the bot compares it: no accents, lower case, single spaces, no trailing punctuation. */
export function foldText(text: string): string {
  return foldForSearch(text)
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?,;:]+$/, '');
}
