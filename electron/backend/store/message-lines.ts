/**
 * History files hold one message version per line (JSON Lines). A line cut short by a crash,
 * NUL bytes left by a power cut or any other damaged line is skipped and counted, never fatal.
 * Every append starts with a newline, so a torn last line can never swallow the next record.
 * A version that changes a message already stored (its status, its WhatsApp id) is written as
 * `{"update": …}`, so that the end of a chat file alone tells its newest messages apart from late
 * updates of old ones (see MessageHistory's tail read).
 */
import { isStoredMessage } from './fast-checks';
import { storedMessageSchema, type StoredMessage } from './store-types';

export interface ParsedLines {
  messages: StoredMessage[];
  damagedLines: number;
}

/** Versions made by updating a stored message; a module-wide mark, as versions are never copied. */
const updates = new WeakSet<StoredMessage>();

export function markUpdate(message: StoredMessage): StoredMessage {
  updates.add(message);
  return message;
}

function isUpdate(message: StoredMessage): boolean {
  return updates.has(message);
}

/** A line's value as a message version: plain, or wrapped as `{"update": …}`. */
function toVersion(value: unknown): StoredMessage | null {
  if (typeof value === 'object' && value !== null && 'update' in value && Object.keys(value).length === 1) {
    const message = toStoredMessage(value.update);
    return message && markUpdate(message);
  }
  return toStoredMessage(value);
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
    const message = toVersion(value);
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
    const message = toVersion(value);
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

/** Versions in order; `asFirstVersions` writes each as a message of its own (a merged file). */
export function formatMessageLines(messages: readonly StoredMessage[], asFirstVersions = false): string {
  let text = '\n';
  for (const message of messages) {
    const json = JSON.stringify(message);
    text += !asFirstVersions && isUpdate(message) ? `{"update":${json}}\n` : `${json}\n`;
  }
  return text;
}

/**
 * The newest messages of a chat file from its last bytes alone, or null when those bytes cannot
 * prove it. This holds because chat files keep messages in time order (an out-of-order arrival
 * makes the next checkpoint rewrite the file sorted) and mark updates: every message whose first
 * line is not in the window is older than, and was stored before, the oldest one that is.
 */
export function newestFromTail(tail: string, limit: number): StoredMessage[] | null {
  const newline = tail.indexOf('\n');
  if (newline < 0) return null;
  const firsts: StoredMessage[] = [];
  const seen = new Set<string>();
  const latest = new Map<string, StoredMessage>();
  for (const line of tail.slice(newline + 1).split('\n')) {
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return null;
    }
    const version = toVersion(value);
    if (!version) return null;
    latest.set(version.id, version);
    if (isUpdate(version)) continue;
    const previous = firsts[firsts.length - 1];
    if (seen.has(version.id) || (previous && previous.at > version.at)) return null;
    seen.add(version.id);
    firsts.push(version);
  }
  // One more than asked for: the oldest message in the window may share its time with older ones.
  if (firsts.length <= limit) return null;
  return firsts.slice(-limit).map((message) => latest.get(message.id) ?? message);
}
