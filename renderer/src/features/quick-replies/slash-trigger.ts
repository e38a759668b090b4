/**
 * When the `/` picker opens: as in the WhatsApp Business app, only for a slash at the start of the
 * message (leading spaces aside), followed by the word being typed up to the caret. A slash later
 * in a sentence ("R$ 30 /un", "1/2", "http://") is plain text, so Enter there always sends.
 */
export interface SlashTrigger {
  /** Index of the `/` in the text. */
  start: number;
  /** What follows the slash, up to the caret. */
  query: string;
}

const triggerPattern = /^\s*\/([^\s/]{0,40})$/u;

export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const end = Math.max(0, Math.min(caret, text.length));
  const match = triggerPattern.exec(text.slice(0, end));
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: end - query.length - 1, query };
}
