/**
 * What a customer types to fill the cart: "2x 3" (two of item 3), "3 2 unidades", "mais 1 do 4",
 * "4" (one of item 4), "remover 2", "tirar o 3". Item numbers in an add are the numbers of the
 * product list on screen; in a remove, the numbers of the cart's lines.
 */
import { foldText } from '../bookings/fold-text';
import { DIGIT_WORDS } from '../text/number-words';

export const MAX_QUANTITY = 99;

export type CartCommand =
  { kind: 'add'; item: number; quantity: number } | { kind: 'remove'; line: number; quantity: number | null };

const quantityWords: Record<string, number> = { ...DIGIT_WORDS, a: 1, an: 1, dez: 10, ten: 10 };

const NUMBER = '(\\d{1,2}|[a-z]+)';
const UNITS = '(?:unidades?|un|und|uni|units?|pcs?|pecas?|x)';
const OF = '(?:do|da|de|of|no|na)?\\s*(?:item|produto|numero|n[oº]|#)?\\s*';

const addPatterns: ReadonlyArray<{ pattern: RegExp; quantity: number; item: number }> = [
  // "2x 3", "2 x 3", "2x3"
  { pattern: new RegExp(`^${NUMBER}\\s*x\\s*(\\d{1,2})$`), quantity: 1, item: 2 },
  // "3 2 unidades", "3 - 2 un", "3: 2x"
  { pattern: new RegExp(`^(\\d{1,2})\\s*[-:,]?\\s*${NUMBER}\\s*${UNITS}$`), quantity: 2, item: 1 },
  // "mais 1 do 4", "+1 do 4", "mais um da 4", "1 more of 4", "quero 2 do 3"
  {
    pattern: new RegExp(`^(?:mais|\\+|quero|add|adicionar|adiciona)\\s*${NUMBER}\\s+(?:more\\s+)?${OF}(\\d{1,2})$`),
    quantity: 1,
    item: 2,
  },
  { pattern: new RegExp(`^${NUMBER}\\s+more\\s+${OF}(\\d{1,2})$`), quantity: 1, item: 2 },
  // "4", "mais o 4", "o 4"
  { pattern: /^(?:(?:mais|quero|add)\s+)?(?:o|a|item|#)?\s*(\d{1,2})()$/, quantity: 0, item: 1 },
];

function quantityOf(text: string | undefined): number | null {
  if (text === undefined || text === '') return 1;
  const value = /^\d+$/.test(text) ? Number(text) : quantityWords[text];
  return value !== undefined && value >= 1 && value <= MAX_QUANTITY ? value : null;
}

// "remover 2", "tirar o 3", "remover 1 do 2" (one unit of line 2)
const removePattern = new RegExp(
  `^(?:remover|remove|remova|tirar|tira|tire|excluir|exclui|apagar|apaga|delete)\\s+(?:${NUMBER}\\s+(?:do|da|de|of)\\s+)?(?:o|a|item|#)?\\s*(\\d{1,2})$`,
);

export function parseCartCommand(text: string): CartCommand | null {
  const folded = foldText(text);
  const removal = removePattern.exec(folded);
  if (removal) {
    const line = Number(removal[2]);
    const quantity = removal[1] === undefined ? null : quantityOf(removal[1]);
    if (line < 1 || (removal[1] !== undefined && quantity === null)) return null;
    return { kind: 'remove', line, quantity };
  }
  for (const { pattern, quantity: quantityGroup, item: itemGroup } of addPatterns) {
    const match = pattern.exec(folded);
    if (!match) continue;
    const item = Number(match[itemGroup]);
    const quantity = quantityOf(quantityGroup === 0 ? undefined : match[quantityGroup]);
    if (item < 1 || quantity === null) return null;
    return { kind: 'add', item, quantity };
  }
  return null;
}
