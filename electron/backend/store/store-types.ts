/** The shape of Janela's local store and the operations the services use. */
import { z } from 'zod';
import type { ContactTimesTable } from './lazy-contacts';
import {
  chatIdSchema,
  chatMessageSchema,
  customFieldsSchema,
  labelSchema,
  lastMessageSchema,
  quickReplySchema,
  settingsSchema,
  type ChatId,
  type ChatMessage,
  type QuickReply,
  type Settings,
} from '../../../shared/domain';
import { outgoingAttachmentSchema } from '../../../shared/media/media-kind';

export const storedContactSchema = z.object({
  chatId: chatIdSchema,
  phone: z.string(),
  /** Name from WhatsApp (saved contact name, else push name). */
  waName: z.string().nullable(),
  nameOverride: z.string().nullable(),
  firstNameOverride: z.string().nullable(),
  lastInboundAt: z.number().int().nullable(),
  lastOutboundAt: z.number().int().nullable(),
  lastMessage: lastMessageSchema.nullable(),
  unreadCount: z.number().int().nonnegative(),
  customFields: customFieldsSchema,
  labels: z.array(z.string()),
  notes: z.string(),
});
export type StoredContact = z.infer<typeof storedContactSchema>;

/** A message as kept in history: the shared shape plus the WhatsApp id of app-sent messages. */
export const storedMessageSchema = chatMessageSchema.extend({ waId: z.string().optional() });
export type StoredMessage = z.infer<typeof storedMessageSchema>;

/** Sends not yet confirmed by WhatsApp: survive a restart so nothing is lost or sent twice. */
export const outboxEntrySchema = z.object({
  messageId: z.string(),
  chatId: chatIdSchema,
  text: z.string(),
  queuedAt: z.number().int(),
  /** When the send was handed to WhatsApp; null while still queued. */
  attemptedAt: z.number().int().nullable(),
  /** An attachment sent with `text` as its caption. */
  media: outgoingAttachmentSchema.optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const storeDataSchema = z.object({
  version: z.literal(1),
  settings: settingsSchema,
  contacts: z.record(z.string(), storedContactSchema),
  labels: z.array(labelSchema),
  quickReplies: z.array(quickReplySchema),
  outbox: z.array(outboxEntrySchema),
  sync: z.object({ lastSyncAt: z.number().int().nullable() }),
});
export type StoreData = z.infer<typeof storeDataSchema>;

/** What a store holds before anything happened: no contacts, labels, outbox or sync yet. */
export function emptyStoreData(settings: Settings, quickReplies: QuickReply[] = []): StoreData {
  return { version: 1, settings, contacts: {}, labels: [], quickReplies, outbox: [], sync: { lastSyncAt: null } };
}

/** Where loading and reading report recoveries; the store forwards those found after loading. */
export interface NoticeSink {
  push(notice: StoreNotice): void;
}

export interface StoreNotice {
  kind: 'store-recovered' | 'store-write-failed';
  /** File names and error codes only: never message text or phone numbers. */
  detail: string;
}

export interface ReadMessagesOptions {
  /** Only messages strictly older than this time. */
  before?: number;
  /**
   * Only messages before this one (by id) in the conversation's order. Safer than `before` for
   * paging: WhatsApp times are whole seconds, so several messages can share one time.
   */
  beforeId?: string;
  limit: number;
}

export interface JanelaStore {
  /** The in-memory main document. Read freely; change it only inside `update`. */
  readonly data: StoreData;
  /**
   * Applies a change and schedules a batched, durable write. Change contacts through the `data`
   * given to the mutator (the store notes which ones were assigned), and replace a contact to
   * change it (`data.contacts[id] = { ...contact, … }`): written contacts are frozen, their rows
   * cached.
   */
  update(mutator: (data: StoreData) => void): void;
  /** Appends to a chat's history. Returns false (and stores nothing) when that id is already there. */
  appendMessage(message: StoredMessage): boolean;
  hasMessage(chatId: ChatId, id: string): boolean;
  /** Changes a stored message (delivery status); returns the new version, or null if unknown. */
  updateMessage(
    chatId: ChatId,
    id: string,
    patch: Partial<Pick<StoredMessage, 'status' | 'failureReason' | 'waId' | 'media' | 'kind' | 'text'>>,
  ): StoredMessage | null;
  findMessageByWaId(chatId: ChatId, waId: string): StoredMessage | null;
  /** The latest version of one message, or null. */
  getMessage(chatId: ChatId, id: string): StoredMessage | null;
  /** Newest last; `hasMore` says whether older messages exist. */
  readMessages(chatId: ChatId, options: ReadMessagesOptions): { messages: StoredMessage[]; hasMore: boolean };
  /**
   * Whether every contact has been read. janela.json's contacts are read in the background after
   * opening (a contact read before that is read on the spot), so that the chat list need not wait.
   */
  readonly allContactsLoaded: boolean;
  /** Resolves once every contact has been read. */
  contactsLoaded(): Promise<void>;
  /** Every contact's window times, without reading contacts that are not read yet. */
  contactTimes(): ContactTimesTable;
  /** Resolves once everything changed so far is on disk and fsynced. */
  flush(): Promise<void>;
  /** Flushes and releases the files. */
  close(): Promise<void>;
  /** What happened while loading (recoveries), for the person to be told. */
  readonly loadNotices: readonly StoreNotice[];
  /**
   * Something the person must be told after loading: a batched write failed (disk full,
   * permissions; data is kept in memory and retried), or damage found in a conversation file
   * when it was first read.
   */
  onNotice(listener: (notice: StoreNotice) => void): () => void;
}

export type { ChatMessage };
