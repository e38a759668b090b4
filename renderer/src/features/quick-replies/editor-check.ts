/**
 * The manager's advice on a quick reply being written: names that can never be filled, names no
 * customer has (likely typos, with the nearest real name when one is close), stray braces.
 */
import { BUILT_IN_PLACEHOLDERS, isFillablePlaceholder } from '../../../../shared/templates/placeholders';
import { validateTemplate } from '../../../../shared/templates/render-template';

export interface EditorCheck {
  /** Names that can never hold a value (spaces, capitals, symbols). */
  impossible: string[];
  /** Well-formed names that are neither built-in nor a field any loaded customer has. */
  unseen: string[];
  suggestions: { name: string; suggestion: string }[];
  malformed: boolean;
}

/** Edit distance, bounded: names are at most 40 characters. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function checkQuickReplyText(text: string, knownCustomFields: readonly string[]): EditorCheck {
  const { unknown, malformed } = validateTemplate(text, knownCustomFields);
  const candidates = [...BUILT_IN_PLACEHOLDERS, ...knownCustomFields];
  const suggestions: EditorCheck['suggestions'] = [];
  for (const name of unknown) {
    const nearest = candidates
      .map((candidate) => ({ candidate, cost: distance(name, candidate) }))
      .sort((a, b) => a.cost - b.cost)[0];
    if (nearest && nearest.cost > 0 && nearest.cost <= 2) suggestions.push({ name, suggestion: nearest.candidate });
  }
  return {
    impossible: unknown.filter((name) => !isFillablePlaceholder(name)),
    unseen: unknown.filter((name) => isFillablePlaceholder(name)),
    suggestions,
    malformed,
  };
}
