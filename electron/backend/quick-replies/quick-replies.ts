/**
 * Quick replies as operations on the store's list. Each returns a new array and never touches the
 * one it was given, so the command router can assign the result inside `store.update` — or, when a
 * JanelaError is thrown, change nothing at all.
 */
import type { z } from 'zod';
import { JanelaError } from '../../../shared/contract';
import { quickReplySchema, type QuickReply } from '../../../shared/domain';
import { nameKey } from '../../../shared/text/compare-text';

/** Far above WhatsApp Business's 50; a bound keeps a bad import from bloating the store. */
export const MAX_QUICK_REPLIES = 500;
const QUICK_REPLIES_FILE_FORMAT = 'janela-quick-replies';
const QUICK_REPLIES_FILE_VERSION = 1;

/** Some keyboards (macOS) type accents decomposed, which the shortcut pattern would refuse. */
function composedShortcut(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || !('shortcut' in item) || typeof item.shortcut !== 'string')
    return item;
  return { ...item, shortcut: item.shortcut.normalize('NFC') };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Creates a reply (new id) or edits the one with the same id, keeping its place in the list. */
export function saveQuickReply(list: readonly QuickReply[], reply: QuickReply): QuickReply[] {
  const parsed = quickReplySchema.safeParse(composedShortcut(reply));
  if (!parsed.success) throw new JanelaError('invalid-input', `quick reply: ${describeIssues(parsed.error)}`);
  const saved = parsed.data;
  const key = nameKey(saved.shortcut);
  const clash = list.find((other) => other.id !== saved.id && nameKey(other.shortcut) === key);
  if (clash) {
    throw new JanelaError('duplicate-shortcut', `shortcut "${saved.shortcut}" is already used by "${clash.title}"`, {
      shortcut: saved.shortcut,
      usedBy: clash.id,
    });
  }
  const index = list.findIndex((other) => other.id === saved.id);
  if (index === -1) {
    if (list.length >= MAX_QUICK_REPLIES) {
      throw new JanelaError('invalid-input', `at most ${MAX_QUICK_REPLIES} quick replies can be kept`);
    }
    return [...list, saved];
  }
  return list.map((other, position) => (position === index ? saved : other));
}

export function deleteQuickReply(list: readonly QuickReply[], id: string): QuickReply[] {
  if (!list.some((reply) => reply.id === id)) throw new JanelaError('not-found', `no quick reply with id "${id}"`);
  return list.filter((reply) => reply.id !== id);
}

/** `ids` must name every reply exactly once: a stale list from another window must not drop any. */
export function reorderQuickReplies(list: readonly QuickReply[], ids: readonly string[]): QuickReply[] {
  const byId = new Map(list.map((reply) => [reply.id, reply]));
  const seen = new Set<string>();
  const reordered: QuickReply[] = [];
  for (const id of ids) {
    const reply = byId.get(id);
    if (!reply || seen.has(id)) {
      throw new JanelaError(
        'invalid-input',
        `the new order must list each quick reply once; "${id}" is ${reply ? 'repeated' : 'unknown'}`,
      );
    }
    seen.add(id);
    reordered.push(reply);
  }
  if (reordered.length !== list.length) {
    throw new JanelaError('invalid-input', `the new order lists ${reordered.length} of ${list.length} quick replies`);
  }
  return reordered;
}

export function exportQuickReplies(list: readonly QuickReply[]): string {
  const file = { format: QUICK_REPLIES_FILE_FORMAT, version: QUICK_REPLIES_FILE_VERSION, quickReplies: list };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// Hand-made files may leave ids out; unknown extra keys are dropped.
const importedItemSchema = quickReplySchema.partial({ id: true });
type ImportedItem = z.infer<typeof importedItemSchema>;

function invalidImport(detail: string): JanelaError {
  return new JanelaError('invalid-import', detail);
}

function parseImportFile(json: string): ImportedItem[] {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch (error) {
    throw invalidImport(`the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw invalidImport(
      `the file is not a Janela quick replies file: expected an object with "format": "${QUICK_REPLIES_FILE_FORMAT}"`,
    );
  }
  const { format, version, quickReplies } = file as Record<string, unknown>;
  if (format !== QUICK_REPLIES_FILE_FORMAT) {
    throw invalidImport(
      `the file is not a Janela quick replies file: "format" is ${JSON.stringify(format) ?? 'missing'}, expected "${QUICK_REPLIES_FILE_FORMAT}"`,
    );
  }
  if (version !== QUICK_REPLIES_FILE_VERSION) {
    throw invalidImport(
      `version ${JSON.stringify(version) ?? '(missing)'} is not supported; this Janela reads version ${QUICK_REPLIES_FILE_VERSION}`,
    );
  }
  if (!Array.isArray(quickReplies)) throw invalidImport('"quickReplies" must be a list');
  if (quickReplies.length > MAX_QUICK_REPLIES) {
    throw invalidImport(
      `the file holds ${quickReplies.length} quick replies; at most ${MAX_QUICK_REPLIES} can be kept`,
    );
  }

  const items: ImportedItem[] = [];
  const firstItemByShortcut = new Map<string, number>();
  quickReplies.forEach((raw: unknown, index) => {
    const position = index + 1;
    const parsed = importedItemSchema.safeParse(composedShortcut(raw));
    if (!parsed.success) throw invalidImport(`item ${position}: ${describeIssues(parsed.error)}`);
    const key = nameKey(parsed.data.shortcut);
    const earlier = firstItemByShortcut.get(key);
    if (earlier !== undefined) {
      throw invalidImport(`item ${position}: shortcut "${parsed.data.shortcut}" is already used by item ${earlier}`);
    }
    firstItemByShortcut.set(key, position);
    items.push(parsed.data);
  });
  return items;
}

function freeId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  const base = wanted.slice(0, 56);
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Validates the whole file first and throws `invalid-import` (saying what and where) before changing
 * anything. Then merges by shortcut, the name staff know a reply by: a reply whose shortcut already
 * exists replaces that reply's title and text, keeping its id and place; the others are appended in
 * the file's order, keeping their id unless it is taken here.
 */
export function importQuickReplies(list: readonly QuickReply[], json: string): QuickReply[] {
  const items = parseImportFile(json);
  const merged = [...list];
  const indexByShortcut = new Map(merged.map((reply, index) => [nameKey(reply.shortcut), index]));
  const takenIds = new Set(merged.map((reply) => reply.id));
  for (const item of items) {
    const key = nameKey(item.shortcut);
    const existingIndex = indexByShortcut.get(key);
    const existing = existingIndex === undefined ? undefined : merged[existingIndex];
    if (existingIndex !== undefined && existing) {
      merged[existingIndex] = {
        id: existing.id,
        shortcut: item.shortcut,
        title: item.title,
        text: item.text,
        ...(item.attachment ? { attachment: item.attachment } : {}),
      };
      continue;
    }
    const id = freeId(item.id ?? `qr-${key}`, takenIds);
    takenIds.add(id);
    indexByShortcut.set(key, merged.length);
    merged.push({
      id,
      shortcut: item.shortcut,
      title: item.title,
      text: item.text,
      ...(item.attachment ? { attachment: item.attachment } : {}),
    });
  }
  if (merged.length > MAX_QUICK_REPLIES) {
    throw invalidImport(
      `importing would make ${merged.length} quick replies; at most ${MAX_QUICK_REPLIES} can be kept`,
    );
  }
  return merged;
}
