/**
 * Hand-written checks that accept only values storedContactSchema / storedMessageSchema accept
 * unchanged. zod needs ~150 ms (cold) for 10,000 contacts, which alone would miss the 50 ms load
 * target; these run in a few ms. They may reject a valid value (the caller then asks zod, which
 * stays the authority), but must never accept an invalid one: tests/unit/electron/backend/store/fast-checks.test.ts
 * compares them.
 */
import type { StoredContact, StoredMessage } from './store-types';

const chatIdPattern = /^\d{5,20}@(c\.us|lid)$/;
const customFieldNamePattern = /^[a-z][a-z0-9_]{0,39}$/;
const directions = new Set(['in', 'out']);
const kinds = new Set(['text', 'media', 'call', 'reaction']);
const statuses = new Set(['pending', 'sent', 'delivered', 'read', 'failed', 'uncertain']);

/**
 * The first columns of contact rows in janela.json (a row is [record key, ...these, ...fields
 * added since, checked by their schema]): the fields of the first layout, checked by hand.
 */
export const contactRowColumns = [
  'chatId',
  'phone',
  'waName',
  'nameOverride',
  'firstNameOverride',
  'lastInboundAt',
  'lastOutboundAt',
  'lastMessage',
  'unreadCount',
  'customFields',
  'labels',
  'notes',
] as const;

const contactKeys = new Set<string>(contactRowColumns);
const messageKeys = new Set([
  'id',
  'chatId',
  'direction',
  'kind',
  'text',
  'at',
  'status',
  'failureReason',
  'automatic',
  'waId',
  'contactName',
  'csatSurvey',
  'media',
]);
const requiredMessageKeys = 6;

export const fastCheckedContactKeys: ReadonlySet<string> = contactKeys;
export const fastCheckedMessageKeys: ReadonlySet<string> = messageKeys;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isIntOrNull = (value: unknown) => value === null || isInt(value);

function hasOnlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key) || value[key] === undefined) return false;
  return true;
}

function isLastMessage(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value) || Object.keys(value).length !== 3) return false;
  return typeof value.text === 'string' && isInt(value.at) && directions.has(value.direction as string);
}

function isStringArray(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (typeof value[index] !== 'string') return false;
  return true;
}

function isCustomFields(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) {
    const field = value[key];
    if (!customFieldNamePattern.test(key) || typeof field !== 'string' || field.length > 500) return false;
  }
  return true;
}

/** The first layout's fields only: a contact with any other field is left to zod. */
export function isStoredContact(value: unknown): value is StoredContact {
  if (!isRecord(value) || !hasOnlyKeys(value, contactKeys) || Object.keys(value).length !== contactKeys.size)
    return false;
  const unread = value.unreadCount;
  return (
    typeof value.chatId === 'string' &&
    chatIdPattern.test(value.chatId) &&
    typeof value.phone === 'string' &&
    isStringOrNull(value.waName) &&
    isStringOrNull(value.nameOverride) &&
    isStringOrNull(value.firstNameOverride) &&
    isIntOrNull(value.lastInboundAt) &&
    isIntOrNull(value.lastOutboundAt) &&
    isLastMessage(value.lastMessage) &&
    isInt(unread) &&
    unread >= 0 &&
    isCustomFields(value.customFields) &&
    Array.isArray(value.labels) &&
    value.labels.every((label) => typeof label === 'string') &&
    typeof value.notes === 'string'
  );
}

export function isStoredMessage(value: unknown): value is StoredMessage {
  if (!isRecord(value) || !hasOnlyKeys(value, messageKeys) || Object.keys(value).length < requiredMessageKeys)
    return false;
  return (
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    typeof value.chatId === 'string' &&
    chatIdPattern.test(value.chatId) &&
    directions.has(value.direction as string) &&
    kinds.has(value.kind as string) &&
    typeof value.text === 'string' &&
    isInt(value.at) &&
    value.at >= 0 &&
    (value.status === undefined || statuses.has(value.status as string)) &&
    (value.failureReason === undefined || typeof value.failureReason === 'string') &&
    (value.automatic === undefined || typeof value.automatic === 'boolean') &&
    (value.waId === undefined || typeof value.waId === 'string') &&
    (value.contactName === undefined || typeof value.contactName === 'string') &&
    (value.csatSurvey === undefined || typeof value.csatSurvey === 'boolean') &&
    // An attachment is read by zod: its schema is tolerant (unknown kinds, missing addresses).
    value.media === undefined
  );
}

/**
 * Checks a row and builds the contact as one object literal (one hidden class for all 10,000,
 * which keeps both this and later reads fast). Null when anything is off: zod then decides.
 */
export function contactFromRow(row: unknown, width: number = contactRowColumns.length): StoredContact | null {
  if (!Array.isArray(row) || row.length !== width + 1) return null;
  // Indexed reads, not destructuring: array destructuring goes through the iterator protocol,
  // which costs ~100 ms over 10,000 rows before the JIT warms up.
  const chatId = row[1];
  const phone = row[2];
  const waName = row[3];
  const nameOverride = row[4];
  const firstNameOverride = row[5];
  const lastInboundAt = row[6];
  const lastOutboundAt = row[7];
  const lastMessage = row[8];
  const unreadCount = row[9];
  const customFields = row[10];
  const labels = row[11];
  const notes = row[12];
  const valid =
    typeof chatId === 'string' &&
    chatIdPattern.test(chatId) &&
    typeof phone === 'string' &&
    isStringOrNull(waName) &&
    isStringOrNull(nameOverride) &&
    isStringOrNull(firstNameOverride) &&
    isIntOrNull(lastInboundAt) &&
    isIntOrNull(lastOutboundAt) &&
    isLastMessage(lastMessage) &&
    isInt(unreadCount) &&
    unreadCount >= 0 &&
    isCustomFields(customFields) &&
    isStringArray(labels) &&
    typeof notes === 'string';
  if (!valid) return null;
  return {
    chatId,
    phone,
    waName,
    nameOverride,
    firstNameOverride,
    lastInboundAt,
    lastOutboundAt,
    lastMessage,
    unreadCount,
    customFields,
    labels,
    notes,
  } as StoredContact;
}
