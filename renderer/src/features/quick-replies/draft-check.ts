/**
 * What still stands between a composer draft and a customer: placeholders left in the text. Each
 * problem says where it is fixed, so the composer can point there instead of only refusing.
 */
import type { TemplateContext } from '../../../../shared/templates/render-template';
import { renderTemplate } from '../../../../shared/templates/render-template';
import {
  hasUnfilledPlaceholder,
  placeholderSource,
  type PlaceholderSource,
} from '../../../../shared/templates/placeholders';

export type DraftProblem =
  | { kind: 'missing'; field: string; source: PlaceholderSource }
  | { kind: 'unknown'; field: string }
  | { kind: 'malformed' };

export interface DraftCheck {
  problems: DraftProblem[];
  /** The draft with every placeholder that now has a value filled in; null when none has. */
  filled: string | null;
}

export function checkDraft(text: string, context: TemplateContext | null): DraftCheck {
  if (!hasUnfilledPlaceholder(text)) return { problems: [], filled: null };
  if (!context) return { problems: [{ kind: 'malformed' }], filled: null };
  const result = renderTemplate(text, context);
  const problems: DraftProblem[] = result.missing.map((field) => ({
    kind: 'missing',
    field,
    source: placeholderSource(field),
  }));
  for (const field of result.unknown) {
    // A fallback fills an unknown name too; only unfilled ones block.
    if (result.segments.some((segment) => segment.kind === 'unknown' && segment.name === field))
      problems.push({ kind: 'unknown', field });
  }
  if (result.malformed) problems.push({ kind: 'malformed' });
  const anyFilled = result.segments.some((segment) => segment.kind === 'value');
  return { problems, filled: anyFilled ? result.text : null };
}
