/**
 * The number a customer picks from a numbered list or the bot's menu: "2", "2.", "2)", "*2*", "2️⃣",
 * "opção 2", "nº 2", "a 3", "dois", "option two". One reader for every numbered choice in the chat.
 */
import { foldForSearch } from './compare-text';
import { DIGIT_WORDS } from './number-words';

const CARDINALS: Readonly<Record<string, number>> = { zero: 0, ...DIGIT_WORDS };

// Position i holds the ordinals for i + 1.
const ORDINALS: ReadonlyMap<string, number> = new Map(
  [
    'primeiro primeira first',
    'segundo segunda second',
    'terceiro terceira third',
    'quarto quarta fourth',
    'quinto quinta fifth',
    'sexto sexta sixth',
    'setimo setima seventh',
    'oitavo oitava eighth',
    'nono nona ninth',
  ].flatMap((words, index) => words.split(' ').map((word): [string, number] => [word, index + 1])),
);

/** Words around a number that do not change which one it picks: "opção 2", "a número 3", "option 1". */
const FILLERS: ReadonlySet<string> = new Set([
  'opcao',
  'option',
  'numero',
  'number',
  'n',
  'no',
  'nº',
  'a',
  'o',
  'e',
  'the',
  'quero',
]);

export interface NumberedChoiceOptions {
  /**
   * Also read "segundo", "second"… The menu does; a list of days must not, where "segunda" and
   * "sexta" are weekdays the customer types.
   */
  ordinals?: boolean;
}

/** The number picked (0–99), or null when the message says anything else. */
export function parseNumberedChoice(text: string, options: NumberedChoiceOptions = {}): number | null {
  const words = foldForSearch(text)
    // "opção2", "nº2": the number is its own word.
    .replace(/(\p{L})(?=\d)/gu, '$1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLERS.has(word));
  if (words.length !== 1) return null;
  const [word = ''] = words;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  return CARDINALS[word] ?? (options.ordinals ? ORDINALS.get(word) : undefined) ?? null;
}
