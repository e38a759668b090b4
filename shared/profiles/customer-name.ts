/**
 * A first name for greetings, derived from whatever name WhatsApp or the staff gave the customer.
 *
 * Decisions:
 * - Words with no letter at all (emoji, phone numbers, "-") are skipped, so "🌸 Maria" → "Maria" and a
 *   name that is only a phone number gives '' (templates then use their fallback, such as "cliente").
 * - Punctuation and emoji stuck to the word's ends are dropped ("Maria🌸," → "Maria"); inner hyphens
 *   and apostrophes stay ("Ana-Lúcia", "D'Ávila").
 * - A leading honorific (Sr., Sra., Dr., Dra., Dona, Prof., Mr., Mrs.…) is skipped when a name follows.
 * - Case is kept when it is mixed ("McKenzie"), but a word typed all lower or all upper case is
 *   written the usual way ("joão" → "João", "ANA-LÚCIA" → "Ana-Lúcia"): push names are often typed so, and
 *   "Oi joão" reads careless.
 * - Accents are kept; the text is NFC-normalised so that composed and decomposed accents agree.
 */

const honorifics = new Set([
  'sr',
  'sra',
  'srta',
  'dr',
  'dra',
  'prof',
  'profa',
  'dona',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
]);

const hasLetter = /\p{L}/u;
// Leading and trailing characters that are not letters or combining marks.
const edges = /^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu;

function usualCase(word: string): string {
  const lower = word.toLocaleLowerCase('pt-BR');
  const upper = word.toLocaleUpperCase('pt-BR');
  if (word !== lower && word !== upper) return word;
  return lower
    .split('-')
    .map((part) => {
      const [first = '', ...rest] = Array.from(part);
      return first.toLocaleUpperCase('pt-BR') + rest.join('');
    })
    .join('-');
}

export function deriveFirstName(fullName: string): string {
  const words = fullName
    .normalize('NFC')
    .split(/[\s\u200b]+/u)
    .map((word) => word.replace(edges, ''))
    .filter((word) => hasLetter.test(word));
  const first = words[0];
  if (first === undefined) return '';
  const chosen = words.length > 1 && honorifics.has(first.toLocaleLowerCase('pt-BR')) ? words[1] : first;
  return usualCase(chosen ?? first);
}
