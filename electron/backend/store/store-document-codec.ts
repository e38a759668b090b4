/**
 * How the main document is written in janela.json (see rows-layout.ts: a checksummed head, then
 * one contact row per line, read lazily), and how changes to it are written to the history
 * journal between two full writes. A plain StoreData object (lowdb's usual layout, for hand-made
 * files and fixtures) is read too, as is the single JSON document of rows that earlier versions
 * wrote.
 */
import { contactFromRow, contactRowColumns, isStoredContact } from './fast-checks';
import { LazyContacts, type LazyContactsHooks } from './lazy-contacts';
import { decodeRowsDocument, encodeRowsDocument, isRowsLayout, type RowSource, type RowsHead } from './rows-layout';
import { storeDataSchema, storedContactSchema, type StoreData, type StoredContact } from './store-types';

const documentFormat = 'janela-store';
const contactColumns = Object.keys(storedContactSchema.shape) as (keyof StoredContact)[];
const rowsPerSlice = 250;
const restSchema = storeDataSchema.omit({ contacts: true });
const contactsSchema = storeDataSchema.shape.contacts;

export type DecodedDocument = { ok: true; data: StoreData } | { ok: false; problem: string };

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
  cacheRow(contact, row);
  return row;
}

function cacheRow(contact: StoredContact, row: string): void {
  rowCache.set(contact, row);
  freezeContact(contact);
}

/** Everything but the contacts, as written: a change here means the journal must carry it. */
export function encodeRest(data: StoreData): string {
  // JSON leaves out a property whose value is undefined.
  return JSON.stringify({ ...data, contacts: undefined });
}

/** The document as chunks to write (see rows-layout.ts), serialised a slice of rows at a time. */
export function encodeStoreDocument(data: StoreData): Promise<(string | Buffer)[]> {
  const head = `{${encodeRest(data).slice(1, -1)},"contactColumns":${JSON.stringify(contactColumns)}}`;
  return encodeRowsDocument(head, data.contacts, contactRow, rowsPerSlice);
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

/** What reading contacts later may need to tell: see LazyContactsHooks. */
export type ContactProblems = Pick<LazyContactsHooks, 'onUnreadable' | 'onDamaged'>;

const noProblems: ContactProblems = { onUnreadable: () => undefined, onDamaged: () => Promise.resolve(null) };

/** Reads janela.json held whole in memory: a backup, a temp file, or a file the fast path refused. */
export function decodeStoreDocument(bytes: Buffer, problems: ContactProblems = noProblems): DecodedDocument {
  if (bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d))
    return { ok: false, problem: 'empty file' };
  // Checked before looking for NUL bytes: its binary index holds zeros, and checksums guard it.
  if (isRowsLayout(bytes)) {
    const decoded = decodeRowsDocument(bytes);
    return decoded.ok ? decodeRowsHead(decoded.head, decoded.source, problems) : decoded;
  }
  if (bytes.includes(0)) return { ok: false, problem: 'NUL bytes in file' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
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

/** The document from a checked head; its contacts are read from `source` when first needed. */
export function decodeRowsHead(head: RowsHead, source: RowSource, problems: ContactProblems): DecodedDocument {
  const columns = head.fields.contactColumns;
  if (
    !Array.isArray(columns) ||
    columns.length !== contactRowColumns.length ||
    !contactRowColumns.every((column, index) => columns[index] === column)
  ) {
    source.close();
    return { ok: false, problem: 'wrong shape at contactColumns' };
  }
  const rest = restSchema.safeParse(head.fields);
  if (!rest.success) {
    source.close();
    return { ok: false, problem: describeIssue(rest.error.issues[0]?.path ?? []) };
  }
  const contacts = new LazyContacts(head, source, { decodeRow: contactFromRowText, ...problems });
  return { ok: true, data: { ...rest.data, contacts: contacts.record } };
}

/** One row as written by contactRow, checked as strictly as the rest of the document. */
function contactFromRowText(text: string, key: string): StoredContact | null {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(row) || row[0] !== key) return null;
  const contact = contactFromRow(row);
  if (contact) {
    // The text is exactly what contactRow makes of it: a later write need not serialise it again.
    cacheRow(contact, text);
    return contact;
  }
  const candidate = rowsToContacts(contactColumns, [row])?.[key];
  const checked = storedContactSchema.safeParse(candidate);
  return checked.success ? checked.data : null;
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
