/**
 * Numbered lists in the chat, the only kind of choice a linked device can offer (no buttons): at
 * most 9 options per message so every choice is one digit, and "0" for the next page.
 */
import type { Language } from '../domain';
import { foldText } from './fold-text';
import { parseNumberedChoice } from '../text/numbered-choice';

export const PAGE_SIZE = 9;

export interface Page<T> {
  items: T[];
  page: number;
  hasMore: boolean;
}

/** The page'th group of at most 9; past the end it starts again at the first page. */
export function pageOf<T>(items: readonly T[], page: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = page >= 0 && page < pages ? page : 0;
  const start = current * PAGE_SIZE;
  return { items: items.slice(start, start + PAGE_SIZE), page: current, hasMore: current < pages - 1 };
}

const moreLabel: Record<Language, string> = { 'pt-BR': 'ver mais', en: 'see more' };

/** "1 Corte\n2 Barba\n0 ver mais" */
export function formatNumberedList(labels: readonly string[], hasMore: boolean, language: Language): string {
  const lines = labels.map((label, index) => `${index + 1} ${label}`);
  if (hasMore) lines.push(`0 ${moreLabel[language]}`);
  return lines.join('\n');
}

/** Words that mean yes/confirm or no/cancel, besides the numbers 1 and 2 of "1 Confirmar · 2 Cancelar". */
export function parseYesNo(text: string): 'yes' | 'no' | null {
  const folded = foldText(text);
  const choice = parseNumberedChoice(folded);
  if (choice === 1 || ['sim', 's', 'confirmar', 'confirmo', 'confirma', 'ok', 'yes', 'y', 'confirm'].includes(folded)) {
    return 'yes';
  }
  if (choice === 2 || ['nao', 'n', 'cancelar', 'cancela', 'no', 'cancel'].includes(folded)) return 'no';
  return null;
}
