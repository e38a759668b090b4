/** The shape of Janela's local store and the operations the services use. */
import { z } from 'zod';
import { automationSettingsSchema } from '../../../shared/automations/automation-settings';
import { botChatStateSchema } from '../../../shared/automations/bot-chat-state';
import type { ContactTimesTable } from './lazy-contacts';
import { storedAttentionSchema } from '../notifications/attention-state';
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
  type RecoveryPart,
  type Settings,
  type WriteFailureCause,
} from '../../../shared/domain';
import { csatSettingsSchema, defaultCsatSettings } from '../../../shared/metrics/csat-survey';
import { agendaSettingsSchema, bookingSchema, serviceSchema } from '../../../shared/bookings/booking-schemas';
import { bookingFlowStateSchema } from '../../../shared/bookings/booking-flow-state';
import { orderSchema, orderSettingsSchema, productSchema } from '../../../shared/orders/order-schemas';
import { orderFlowStateSchema } from '../../../shared/orders/order-flow-state';
import { outgoingAttachmentSchema } from '../../../shared/media/media-kind';

/**
 * A contact as stored. To add a field, add one line at the end, `.optional()` or with a
 * `.default(…)`: files written before it read it as missing (defaulted), and versions of Janela
 * that do not know it keep it untouched (see ARCHITECTURE.md, "How to add a stored field").
 */
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

/**
 * A message as kept in history: the shared shape plus the WhatsApp id of app-sent messages and,
 * on a customer's message, the name WhatsApp gave them then, so that a contact list lost with
 * janela.json and its backup can be rebuilt from the history files, names included.
 */
export const storedMessageSchema = chatMessageSchema.extend({
  waId: z.string().optional(),
  contactName: z.string().optional(),
});
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

/**
 * The shape of the data this code writes (janela.json and the journal's lines). Bump it only for a
 * change older files cannot simply be read as (a rename, a new meaning), with a migration in
 * migrations.ts; an added optional field or collection needs no bump. A file with a higher version
 * is refused and left untouched.
 */
export const storeSchemaVersion = 1;

/**
 * The main document. Every collection but the settings has a default, so that a new one is one
 * line here (`bookings: z.array(bookingSchema).default([])`): files written before it read it as
 * empty, and versions that do not know it keep it as it is.
 */
export const storeDataSchema = z.object({
  version: z.number().int().positive(),
  settings: settingsSchema,
  contacts: z.record(z.string(), storedContactSchema).default({}),
  labels: z.array(labelSchema).default([]),
  quickReplies: z.array(quickReplySchema).default([]),
  outbox: z.array(outboxEntrySchema).default([]),
  sync: z.object({ lastSyncAt: z.number().int().nullable() }).default({ lastSyncAt: null }),
  /** What notifications remember between runs, and the tray's pause (issue 17). */
  attention: storedAttentionSchema,
  /** Automatic replies; null until the owner first saves them (the defaults in the shop's language apply). */
  automations: automationSettingsSchema.nullable().default(null),
  /** What the bot remembers per chat (greeted, handed off, opted out), by chat id. */
  botChats: z.record(z.string(), botChatStateSchema).default({}),
  /** Metrics: when staff marked each chat's conversation done; a chat leaves it when the customer writes again. */
  chatsDone: z.record(z.string(), z.number().int()).default({}),
  /** Metrics: the satisfaction survey's text and whether marking done sends it. */
  csat: csatSettingsSchema.default(defaultCsatSettings),
  // Bookings and orders (issue 15): top-level collections with defaults, so older files still read.
  services: z.array(serviceSchema).default([]),
  agendaSettings: agendaSettingsSchema.default(() => agendaSettingsSchema.parse({})),
  bookings: z.array(bookingSchema).default([]),
  /** Per chat: where the customer is in the booking chat. */
  bookingFlows: z.record(z.string(), bookingFlowStateSchema).default({}),
  products: z.array(productSchema).default([]),
  orderSettings: orderSettingsSchema.default(() => orderSettingsSchema.parse({})),
  orders: z.array(orderSchema).default([]),
  /** Per chat: where the customer is in the order chat. */
  orderFlows: z.record(z.string(), orderFlowStateSchema).default({}),
  /** Per chat: the delivery address the customer gave last, offered again and shown on the profile. */
  deliveryAddresses: z.record(z.string(), z.string().max(300)).default({}),
  /** The shop's own wording of the message for each order status; a missing status uses the default. */
  orderStatusTemplates: z.record(z.string(), z.string().max(1000)).default({}),
  /** Chats the person marked as unread ("Marcar como não lida"), until each is opened again. */
  markedUnread: z.record(z.string(), z.literal(true)).default({}),
});
export type StoreData = z.infer<typeof storeDataSchema>;

/** What a store holds before anything happened: every collection at its default. */
export function emptyStoreData(settings: Settings, quickReplies: QuickReply[] = []): StoreData {
  return storeDataSchema.parse({ version: storeSchemaVersion, settings, quickReplies });
}

/** Where loading and reading report recoveries; the store forwards those found after loading. */
export interface NoticeSink {
  push(notice: StoreNotice): void;
}

export interface StoreNotice {
  kind: 'store-recovered' | 'store-write-failed';
  /** For `store-write-failed`: what stopped the write, for a remedy the person can act on. */
  cause?: WriteFailureCause;
  /** For the log: file names and error codes only, never message text or phone numbers. */
  detail: string;
  /** For the log: file names with their error codes; never shown to the person. */
  technical?: string;
  /** What a recovery brought back and what it could not, for the person, in their language. */
  restored?: RecoveryPart[];
  lost?: RecoveryPart[];
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
