/**
 * When the `/` picker opens: a slash at the start of the text or after a space, followed by the
 * word being typed up to the caret. "1/2" and "http://" do not open it.
 */
export interface SlashTrigger {
  /** Index of the `/` in the text. */
  start: number;
  /** What follows the slash, up to the caret. */
  query: string;
}

const triggerPattern = /(?:^|\s)\/([^\s/]{0,40})$/u;

export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const end = Math.max(0, Math.min(caret, text.length));
  const match = triggerPattern.exec(text.slice(0, end));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: end - query.length - 1, query };
}
