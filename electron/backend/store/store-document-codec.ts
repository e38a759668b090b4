/**
 * How the main document is written in janela.json (see rows-layout.ts: a checksummed head, then
 * one contact row per line, read lazily), and how changes to it are written to the history
 * journal between two full writes. A plain StoreData object (lowdb's usual layout, for hand-made
 * files and fixtures) is read too, as is the single JSON document of rows that earlier versions
 * wrote.
 *
 * Reading is tolerant: columns are matched by name, a field the file lacks takes its default, and
 * a field or collection this version does not know is kept as it is and written back. A file
 * written by a newer schema version is refused (NewerVersionFound), an older one migrated.
 */
import type { z } from 'zod';
import { contactFromRow, contactRowColumns, isStoredContact } from './fast-checks';
import { LazyContacts, type LazyContactsHooks } from './lazy-contacts';
import { assertNotNewer, contactMigration, migrateDocument, versionOf } from './migrations';
import { decodeRowsDocument, encodeRowsDocument, isRowsLayout, type RowSource, type RowsHead } from './rows-layout';
import {
  storeDataSchema,
  storeSchemaVersion,
  storedContactSchema,
  type StoreData,
  type StoredContact,
} from './store-types';

const documentFormat = 'janela-store';
const knownColumns = Object.keys(storedContactSchema.shape) as (keyof StoredContact)[];
const knownColumnSet = new Set<string>(knownColumns);
/** Fields added after the first layout: checked by their own schema, defaulted when missing. */
const addedColumns = knownColumns.slice(contactRowColumns.length);
const fieldSchemas = storedContactSchema.shape as Record<string, z.ZodType>;
const rowsPerSlice = 250;
const restSchema = storeDataSchema.omit({ contacts: true }).loose();
/** Head fields that are the layout's, not the document's. */
const layoutFields = ['contactColumns', 'contactKeys', 'journalCoverage'];

export type Rest = Omit<StoreData, 'contacts'>;

export type DecodedDocument =
  | {
      ok: true;
      data: StoreData;
      /** The last journal segment the file includes (null: written before segments were kept). */
      coverage: number | null;
      /** The file's schema version, when it was older and has been migrated. */
      migratedFrom: number | null;
    }
  | { ok: false; problem: string };

if (contactRowColumns.some((column, index) => knownColumns[index] !== column))
  throw new Error('storedContactSchema must start with the first layout columns (fast-checks.ts)');

/**
 * Each contact's serialised row, kept until the contact object is replaced. A burst of messages
 * touches a few contacts, so a write re-serialises those rows, not all 10,000. This holds because
 * contacts are replaced, never changed in place: a serialised contact is frozen, so code that
 * mutates one fails loudly instead of leaving a stale row on disk. Only rows in the known columns
 * are cached (a contact with a field this version does not know is rare, and written uncached).
 */
const rowCache = new WeakMap<StoredContact, string>();

function freezeContact(contact: StoredContact): void {
  Object.freeze(contact.customFields);
  Object.freeze(contact.labels);
  if (contact.lastMessage) Object.freeze(contact.lastMessage);
  Object.freeze(contact);
}

/** The columns to write these contacts with: the known ones, then any unknown field they carry. */
export function columnsFor(contacts: Iterable<StoredContact>): readonly string[] {
  let extra: Set<string> | null = null;
  for (const contact of contacts) {
    if (rowCache.has(contact)) continue;
    for (const key in contact) {
      if (!knownColumnSet.has(key)) (extra ??= new Set()).add(key);
    }
  }
  return extra ? [...knownColumns, ...extra] : knownColumns;
}

export function contactRow(key: string, contact: StoredContact, columns: readonly string[] = knownColumns): string {
  // A contact lives under its own chatId, so its cached row (key included) stays valid.
  const cached = rowCache.get(contact);
  if (cached !== undefined && columns === knownColumns) return cached;
  const values = columns.map((column) => (contact as Record<string, unknown>)[column] ?? null);
  const row = JSON.stringify([key, ...values]);
  if (columns === knownColumns) cacheRow(contact, row);
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
export function encodeStoreDocument(data: StoreData, coverage: number): Promise<(string | Buffer)[]> {
  const columns = columnsFor(Object.values(data.contacts));
  const rest = encodeRest({ ...data, version: storeSchemaVersion });
  const head = `{${rest.slice(1, -1)},"contactColumns":${JSON.stringify(columns)},"journalCoverage":${coverage}}`;
  return encodeRowsDocument(head, data.contacts, (key, contact) => contactRow(key, contact, columns), rowsPerSlice);
}

/**
 * One journal line with the contacts changed since the last line (as rows, under their column
 * names), the contacts removed, and, when it changed, everything else. Messages never have a
 * `changes` key.
 */
export function encodeChanges(
  contacts: readonly [string, StoredContact][],
  removed: readonly string[],
  rest: string | null,
): string {
  const columns = columnsFor(contacts.map(([, contact]) => contact));
  const rows = contacts.map(([key, contact]) => contactRow(key, contact, columns));
  const removedPart = removed.length === 0 ? '' : `,"removedContacts":${JSON.stringify(removed)}`;
  const restPart = rest === null ? '' : `,"rest":${rest}`;
  return `{"changes":{"version":${storeSchemaVersion},"contactColumns":${JSON.stringify(columns)},"contactRows":[${rows.join(',')}]${removedPart}${restPart}}}`;
}

export interface DocumentChanges {
  contacts: Record<string, StoredContact>;
  removed: string[];
  /** Everything but the contacts, when it changed. */
  rest: Rest | null;
}

/** Checks a journal `changes` record as strictly as the main document; null when it fails. */
export function decodeChanges(value: unknown): DocumentChanges | null {
  if (!isRecord(value) || !isRecord(value.changes)) return null;
  const { version: rawVersion, contactColumns: columns, contactRows: rows, removedContacts, rest } = value.changes;
  const version = versionOf(rawVersion);
  if (version === null) return null;
  assertNotNewer(version, storeSchemaVersion);
  const decodeRow = rowDecoder(columns, version);
  if (!decodeRow || !Array.isArray(rows)) return null;
  const contacts: Record<string, StoredContact> = {};
  for (const row of rows) {
    const key: unknown = Array.isArray(row) ? row[0] : undefined;
    const contact = typeof key === 'string' ? decodeRow(row as unknown[]) : null;
    if (!contact || typeof key !== 'string') return null;
    contacts[key] = contact;
  }
  const removed = removedContacts ?? [];
  if (!Array.isArray(removed) || !removed.every((key) => typeof key === 'string')) return null;
  if (rest === undefined) return { contacts, removed, rest: null };
  const checkedRest = decodeRest(rest, version);
  return checkedRest ? { contacts, removed, rest: checkedRest } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeRest(fields: unknown, version: number): Rest | null {
  if (!isRecord(fields)) return null;
  const own = Object.fromEntries(Object.entries(fields).filter(([key]) => !layoutFields.includes(key)));
  const checked = restSchema.safeParse(migrateDocument(own, version, storeSchemaVersion));
  return checked.success ? (checked.data as Rest) : null;
}

/** One row, `[key, ...values in `columns`]`, as a contact; null when it is not a valid one. */
type RowDecoder = (row: readonly unknown[]) => StoredContact | null;

/**
 * A decoder for rows in the given columns. The common case (the first layout's columns first) is
 * checked by hand, the rest by each field's schema; any other order, or a file that needs a
 * migration, goes through zod field by field. Unknown columns are kept on the contact.
 */
function rowDecoder(columns: unknown, version: number): RowDecoder | null {
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string')) return null;
  const names = columns as string[];
  if (new Set(names).size !== names.length) return null;
  const migrate = contactMigration(version, storeSchemaVersion);
  const fast = !migrate && contactRowColumns.every((column, index) => names[index] === column);
  if (!fast) return slowRowDecoder(names, migrate);
  // The hand check covers the common shape only (a last message without an attachment, say): a row
  // it does not recognise is judged by the schema, never dropped as damaged for that alone.
  const slow = slowRowDecoder(names, migrate);
  const later = names.slice(contactRowColumns.length).map((name, offset) => ({
    at: contactRowColumns.length + 1 + offset,
    name,
    schema: fieldSchemas[name] ?? null,
  }));
  const missing = addedColumns.filter((name) => !names.includes(name));
  if (later.length === 0 && missing.length === 0) return (row) => contactFromRow(row) ?? slow(row);
  return (row) => {
    if (row.length !== names.length + 1) return null;
    const core = contactFromRow(row.slice(0, contactRowColumns.length + 1));
    if (!core) return slow(row);
    const contact: Record<string, unknown> = core;
    for (const { at, name, schema } of later) {
      const value = row[at] ?? undefined;
      if (!schema) {
        if (value !== undefined) contact[name] = value;
        continue;
      }
      const checked = schema.safeParse(value);
      if (!checked.success) return null;
      if (checked.data !== undefined) contact[name] = checked.data;
    }
    for (const name of missing) {
      const checked = fieldSchemas[name]?.safeParse(undefined);
      if (!checked?.success) return null;
      if (checked.data !== undefined) contact[name] = checked.data;
    }
    return core;
  };
}

function slowRowDecoder(names: readonly string[], migrate: ReturnType<typeof contactMigration>): RowDecoder {
  return (row) => {
    if (row.length !== names.length + 1) return null;
    let fields: Record<string, unknown> = {};
    names.forEach((name, index) => {
      const value = row[index + 1];
      if (value !== undefined) fields[name] = value;
    });
    if (migrate) fields = migrate(fields);
    // A stored null is a value for the nullable columns (nameOverride…) and "missing" for the others.
    let checked = storedContactSchema.safeParse(fields);
    if (!checked.success) {
      fields = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
      checked = storedContactSchema.safeParse(fields);
    }
    if (!checked.success) return null;
    const unknown = Object.entries(fields).filter(([name]) => !knownColumnSet.has(name));
    return unknown.length === 0 ? checked.data : ({ ...checked.data, ...Object.fromEntries(unknown) } as StoredContact);
  };
}

/** Names the first problem without any value from the file (keys of contacts are phone numbers). */
function describeIssue(path: readonly PropertyKey[]): string {
  const safe = path.map((segment, index) => (path[index - 1] === 'contacts' ? '*' : String(segment)));
  return `wrong shape at ${safe.join('.') || 'top level'}`;
}

/** What reading contacts later may need to tell: see LazyContactsHooks. */
export type ContactProblems = Pick<LazyContactsHooks, 'onUnreadable' | 'onDamaged'>;

const noProblems: ContactProblems = { onUnreadable: () => undefined, onDamaged: () => Promise.resolve(null) };

/**
 * Reads janela.json held whole in memory: a backup, a temp file, or a file the fast path refused.
 * Throws NewerVersionFound for a file from a newer Janela.
 */
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
  const version = versionOf(parsed.version);
  if (version === null) return { ok: false, problem: 'wrong shape at version' };
  assertNotNewer(version, storeSchemaVersion);
  let candidate: Record<string, unknown> = parsed;
  if (parsed.format === documentFormat) {
    const decodeRow = rowDecoder(parsed.contactColumns, version);
    if (!decodeRow || !Array.isArray(parsed.contactRows)) return { ok: false, problem: 'wrong shape at contactRows' };
    const contacts: Record<string, unknown> = {};
    for (const row of parsed.contactRows) {
      const contact = Array.isArray(row) && typeof row[0] === 'string' ? decodeRow(row) : null;
      if (!contact) return { ok: false, problem: 'wrong shape at contactRows' };
      contacts[row[0] as string] = contact;
    }
    candidate = { ...parsed, contacts };
  }
  return validate(candidate, version);
}

/** The document from a checked head; its contacts are read from `source` when first needed. */
export function decodeRowsHead(head: RowsHead, source: RowSource, problems: ContactProblems): DecodedDocument {
  const version = versionOf(head.fields.version);
  if (version !== null && version > storeSchemaVersion) source.close();
  if (version !== null) assertNotNewer(version, storeSchemaVersion);
  const decodeRow = version === null ? null : rowDecoder(head.fields.contactColumns, version);
  if (version === null || !decodeRow) {
    source.close();
    return { ok: false, problem: version === null ? 'wrong shape at version' : 'wrong shape at contactColumns' };
  }
  const rest = decodeRest(head.fields, version);
  if (!rest) {
    source.close();
    const own = Object.fromEntries(Object.entries(head.fields).filter(([key]) => !layoutFields.includes(key)));
    return { ok: false, problem: describeIssue(restSchema.safeParse(own).error?.issues[0]?.path ?? []) };
  }
  const columns = head.fields.contactColumns as string[];
  // Rows in exactly the columns this version writes are exactly what contactRow makes of them.
  const exact =
    version === storeSchemaVersion &&
    columns.length === knownColumns.length &&
    knownColumns.every((column, index) => columns[index] === column);
  const decodeRowText = (text: string, key: string) => contactFromRowText(text, key, decodeRow, exact);
  const contacts = new LazyContacts(head, source, { decodeRow: decodeRowText, ...problems });
  const coverage = head.fields.journalCoverage;
  return {
    ok: true,
    data: { ...rest, contacts: contacts.record },
    coverage: Number.isSafeInteger(coverage) ? (coverage as number) : null,
    migratedFrom: version < storeSchemaVersion ? version : null,
  };
}

/** One row as written by contactRow, checked as strictly as the rest of the document. */
function contactFromRowText(text: string, key: string, decodeRow: RowDecoder, exact: boolean): StoredContact | null {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(row) || row[0] !== key) return null;
  const contact = decodeRow(row);
  // The text is exactly what contactRow makes of it: a later write need not serialise it again.
  if (contact && exact) cacheRow(contact, text);
  return contact;
}

function validate(candidate: Record<string, unknown>, version: number): DecodedDocument {
  const contacts = candidate.contacts;
  const rest = decodeRest(candidate, version);
  const migratedFrom = version < storeSchemaVersion ? version : null;
  if (rest && isRecord(contacts) && migratedFrom === null && Object.values(contacts).every(isStoredContact)) {
    return {
      ok: true,
      data: { ...rest, contacts: contacts as Record<string, StoredContact> },
      coverage: null,
      migratedFrom,
    };
  }
  // Contacts one by one through the row decoder: defaults, unknown fields kept, migrations run.
  if (rest && isRecord(contacts)) {
    const decoded: Record<string, StoredContact> = {};
    let valid = true;
    for (const [key, value] of Object.entries(contacts)) {
      const fields = isRecord(value) ? value : {};
      const names = [...new Set([...knownColumns, ...Object.keys(fields)])];
      const contact = isRecord(value)
        ? rowDecoder(names, version)?.([key, ...names.map((name) => fields[name])])
        : null;
      if (!contact) {
        valid = false;
        break;
      }
      decoded[key] = contact;
    }
    if (valid) return { ok: true, data: { ...rest, contacts: decoded }, coverage: null, migratedFrom };
  }
  // zod has the last word, and names the first problem.
  const full = storeDataSchema.safeParse(candidate);
  return {
    ok: false,
    problem: full.success ? 'wrong shape at contacts' : describeIssue(full.error.issues[0]?.path ?? []),
  };
}
