/**
 * History files hold one message version per line (JSON Lines). A line cut short by a crash,
 * NUL bytes left by a power cut or any other damaged line is skipped and counted, never fatal.
 * Every append starts with a newline, so a torn last line can never swallow the next record.
 */
import { isStoredMessage } from './fast-checks';
import { storedMessageSchema, type StoredMessage } from './store-types';

export interface ParsedLines {
  messages: StoredMessage[];
  damagedLines: number;
}

export function toStoredMessage(value: unknown): StoredMessage | null {
  if (isStoredMessage(value)) return value;
  const checked = storedMessageSchema.safeParse(value);
  return checked.success ? checked.data : null;
}

export function parseMessageLines(text: string): ParsedLines {
  return parseAllAtOnce(text) ?? parseLineByLine(text);
}

/** One JSON.parse over the whole file is several times faster than one per line. */
function parseAllAtOnce(text: string): ParsedLines | null {
  if (!text.endsWith('\n')) return null;
  const body = text.replace(/\n+/g, ',').replace(/^,|,$/g, '');
  let values: unknown;
  try {
    values = JSON.parse(`[${body}]`);
  } catch {
    return null;
  }
  if (!Array.isArray(values)) return null;
  const messages: StoredMessage[] = [];
  for (const value of values) {
    const message = toStoredMessage(value);
    if (!message) return null;
    messages.push(message);
  }
  return { messages, damagedLines: 0 };
}

function parseLineByLine(text: string): ParsedLines {
  const messages: StoredMessage[] = [];
  let damagedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damagedLines++;
      continue;
    }
    const message = toStoredMessage(value);
    if (message) messages.push(message);
    else damagedLines++;
  }
  return { messages, damagedLines };
}

export function formatMessageLines(messages: readonly StoredMessage[]): string {
  let text = '\n';
  for (const message of messages) text += `${JSON.stringify(message)}\n`;
  return text;
}

/** Latest version of each id, in order of first appearance. */
export function latestVersions(versions: readonly StoredMessage[]): StoredMessage[] {
  const latest = new Map<string, StoredMessage>();
  for (const version of versions) latest.set(version.id, version);
  return [...latest.values()];
}
