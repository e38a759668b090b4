/**
 * How the main document is laid out in janela.json, and how changes to it are written to the
 * history journal between two full writes. Contacts are stored as rows under a column header
 * instead of 10,000 keyed objects: the file is half the size and parses twice as fast, and rows
 * can be serialised and written in slices so that writing never blocks the event loop for long.
 * A plain StoreData object (lowdb's usual layout) is read too, for hand-made files and fixtures.
 */
import { storeDataSchema, storedContactSchema, type StoreData, type StoredContact } from './store-types';
import { contactFromRow, contactRowColumns, isStoredContact } from './fast-checks';

const documentFormat = 'janela-store';
const contactColumns = Object.keys(storedContactSchema.shape) as (keyof StoredContact)[];
const rowsPerSlice = 250;
const restSchema = storeDataSchema.omit({ contacts: true });
const contactsSchema = storeDataSchema.shape.contacts;

export type DecodedDocument = { ok: true; data: StoreData } | { ok: false; problem: string };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Each contact's serialised row, kept until the contact object is replaced. A burst of messages
 * touches a few contacts, so a write re-serialises those rows, not all 10,000. This holds because
 * contacts are replaced, never changed in place: a serialised contact is frozen, so code that
 * mutates one fails loudly instead of leaving a stale row on disk.
 */
const rowCache = new WeakMap<StoredContact, string>();

function freezeContact(contact: StoredContact): void {
  Object.freeze(contact.customFields);
  Object.freeze(contact.labels);
  if (contact.lastMessage) Object.freeze(contact.lastMessage);
  Object.freeze(contact);
}

export function contactRow(key: string, contact: StoredContact): string {
  // A contact lives under its own chatId, so its cached row (key included) stays valid.
  const cached = rowCache.get(contact);
  if (cached !== undefined) return cached;
  const row = JSON.stringify([key, ...contactColumns.map((column) => contact[column])]);
  rowCache.set(contact, row);
  freezeContact(contact);
  return row;
}

/** Everything but the contacts, as written: a change here means the journal must carry it. */
export function encodeRest(data: StoreData): string {
  // JSON leaves out a property whose value is undefined.
  return JSON.stringify({ ...data, contacts: undefined });
}

/**
 * The document in chunks of at most 250 rows, each turned into bytes on its own and with a
 * yield between them, so that neither serialising nor writing 2 MB blocks the event loop.
 */
export async function encodeStoreDocument(data: StoreData): Promise<string[]> {
  const rest = encodeRest(data);
  const chunks = [
    `{"format":"${documentFormat}",${rest.slice(1, -1)},"contactColumns":${JSON.stringify(contactColumns)},"contactRows":[`,
  ];
  let rows: string[] = [];
  for (const key in data.contacts) {
    rows.push(contactRow(key, data.contacts[key] as StoredContact));
    if (rows.length === rowsPerSlice) {
      chunks.push(`${chunks.length > 1 ? ',' : ''}${rows.join(',')}`);
      rows = [];
      await yieldToEventLoop();
    }
  }
  if (rows.length > 0) chunks.push(`${chunks.length > 1 ? ',' : ''}${rows.join(',')}`);
  chunks.push(']}\n');
  return chunks;
}

/**
 * One journal line with the contacts changed since the last line (as rows, under their column
 * names) and, when it changed, everything else. Messages never have a `changes` key.
 */
export function encodeChanges(rows: readonly string[], rest: string | null): string {
  const restPart = rest === null ? '' : `,"rest":${rest}`;
  return `{"changes":{"contactColumns":${JSON.stringify(contactColumns)},"contactRows":[${rows.join(',')}]${restPart}}}`;
}

export interface DocumentChanges {
  contacts: Record<string, StoredContact>;
  /** Everything but the contacts, when it changed. */
  rest: Omit<StoreData, 'contacts'> | null;
}

/** Checks a journal `changes` record as strictly as the main document; null when it fails. */
export function decodeChanges(value: unknown): DocumentChanges | null {
  if (!isRecord(value) || !isRecord(value.changes)) return null;
  const { contactColumns: columns, contactRows: rows, rest } = value.changes;
  let contacts = checkedRows(columns, rows);
  if (!contacts) {
    const candidates = rowsToContacts(columns, rows);
    const checked = candidates ? contactsSchema.safeParse(candidates) : null;
    if (!checked?.success) return null;
    contacts = checked.data;
  }
  if (rest === undefined) return { contacts, rest: null };
  const checkedRest = restSchema.safeParse(rest);
  return checkedRest.success ? { contacts, rest: checkedRest.data } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rows in the current column order, all valid: the common case, without zod. */
function checkedRows(columns: unknown, rows: unknown): Record<string, StoredContact> | null {
  if (!Array.isArray(columns) || columns.length !== contactRowColumns.length || !Array.isArray(rows)) return null;
  if (!contactRowColumns.every((column, index) => columns[index] === column)) return null;
  const contacts: Record<string, StoredContact> = {};
  for (const row of rows) {
    const key: unknown = Array.isArray(row) ? row[0] : undefined;
    const contact = contactFromRow(row);
    if (typeof key !== 'string' || !contact) return null;
    contacts[key] = contact;
  }
  return contacts;
}

function rowsToContacts(columns: unknown, rows: unknown): Record<string, unknown> | null {
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string') || !Array.isArray(rows))
    return null;
  const contacts: Record<string, unknown> = {};
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || row.length !== columns.length + 1) return null;
    const contact: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index++) contact[columns[index] as string] = row[index + 1];
    contacts[row[0]] = contact;
  }
  return contacts;
}

/** Names the first problem without any value from the file (keys of contacts are phone numbers). */
function describeIssue(path: readonly PropertyKey[]): string {
  const safe = path.map((segment, index) => (path[index - 1] === 'contacts' ? '*' : String(segment)));
  return `wrong shape at ${safe.join('.') || 'top level'}`;
}

export function decodeStoreDocument(text: string): DecodedDocument {
  if (text.trim() === '') return { ok: false, problem: 'empty file' };
  if (text.includes('\u0000')) return { ok: false, problem: 'NUL bytes in file' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON (truncated or damaged)' };
  }
  if (!isRecord(parsed)) return { ok: false, problem: 'wrong shape at top level' };
  let candidate: Record<string, unknown> = parsed;
  if (parsed.format === documentFormat) {
    const checked = checkedRows(parsed.contactColumns, parsed.contactRows);
    const rest = checked ? restSchema.safeParse(parsed) : null;
    if (checked && rest?.success) return { ok: true, data: { ...rest.data, contacts: checked } };
    const contacts = rowsToContacts(parsed.contactColumns, parsed.contactRows);
    if (!contacts) return { ok: false, problem: 'wrong shape at contactRows' };
    candidate = { ...parsed, contacts };
  }
  return validate(candidate);
}

function validate(candidate: Record<string, unknown>): DecodedDocument {
  const contacts = candidate.contacts;
  const rest = restSchema.safeParse(candidate);
  if (rest.success && isRecord(contacts) && Object.values(contacts).every(isStoredContact)) {
    return { ok: true, data: { ...rest.data, contacts: contacts as Record<string, StoredContact> } };
  }
  // The fast check may be stricter than the schema: zod has the last word.
  const full = storeDataSchema.safeParse(candidate);
  if (full.success) return { ok: true, data: full.data };
  return { ok: false, problem: describeIssue(full.error.issues[0]?.path ?? []) };
}
