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
  const parsed = parseJsonLines(text);
  const messages: StoredMessage[] = [];
  let damagedLines = parsed.damagedLines;
  for (const value of parsed.values) {
    const message = toStoredMessage(value);
    if (message) messages.push(message);
    else damagedLines++;
  }
  return { messages, damagedLines };
}

export interface ParsedJournal extends ParsedLines {
  /** `{"changes": …}` records of the main document, in order, not yet checked. */
  changes: Record<string, unknown>[];
}

/** The journal holds message versions and, between full writes of janela.json, its changes. */
export function parseJournalLines(text: string): ParsedJournal {
  const parsed = parseJsonLines(text);
  const journal: ParsedJournal = { messages: [], changes: [], damagedLines: parsed.damagedLines };
  for (const value of parsed.values) {
    if (typeof value === 'object' && value !== null && 'changes' in value) {
      journal.changes.push(value as Record<string, unknown>);
      continue;
    }
    const message = toStoredMessage(value);
    if (message) journal.messages.push(message);
    else journal.damagedLines++;
  }
  return journal;
}

/** One JSON.parse over the whole file is several times faster than one per line. */
function parseJsonLines(text: string): { values: unknown[]; damagedLines: number } {
  if (text.endsWith('\n')) {
    const body = text.replace(/\n+/g, ',').replace(/^,|,$/g, '');
    try {
      const values: unknown = JSON.parse(`[${body}]`);
      if (Array.isArray(values)) return { values, damagedLines: 0 };
    } catch {
      // A damaged line: find it below.
    }
  }
  const values: unknown[] = [];
  let damagedLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      damagedLines++;
    }
  }
  return { values, damagedLines };
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
