/** How names and searches compare, the same in the backend and the renderer. */

/**
 * The key under which two names people gave (quick-reply shortcuts, labels) are the same: regardless
 * of case, surrounding spaces, and of how an accent was typed (some keyboards, macOS's, type it
 * decomposed).
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/** Lower case without accents or surrounding spaces, so "joao" finds "João". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
