/** The shop's data as both sides see it: schemas first, types inferred from them. */
import { z } from 'zod';

export const languageSchema = z.enum(['pt-BR', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** WhatsApp chat ids of people: `5511987654321@c.us` or `123456789@lid`. */
export const chatIdSchema = z
  .string()
  .regex(/^\d{5,20}@(c\.us|lid)$/, 'expected a WhatsApp chat id such as 5511987654321@c.us');
export type ChatId = z.infer<typeof chatIdSchema>;

export const phoneSchema = z
  .string()
  .regex(/^\d{8,15}$/, 'expected a phone number in international form, digits only, such as 5511987654321');

const directionSchema = z.enum(['in', 'out']);
export type Direction = z.infer<typeof directionSchema>;

/** pending → sent (server ack) → delivered → read; or failed; or uncertain after a cut connection. */
const deliveryStatusSchema = z.enum(['pending', 'sent', 'delivered', 'read', 'failed', 'uncertain']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

const messageKindSchema = z.enum(['text', 'media', 'call', 'reaction']);
export type MessageKind = z.infer<typeof messageKindSchema>;

export const chatMessageSchema = z.object({
  id: z.string().min(1),
  chatId: chatIdSchema,
  direction: directionSchema,
  kind: messageKindSchema,
  text: z.string(),
  at: z.number().int().nonnegative(),
  status: deliveryStatusSchema.optional(),
  failureReason: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const lastMessageSchema = z.object({ text: z.string(), at: z.number().int(), direction: directionSchema });

/** The longest label name: a chip in a chat row has room for little more. */
export const LABEL_NAME_MAX = 40;
export const labelSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(LABEL_NAME_MAX),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #25d366'),
});
export type Label = z.infer<typeof labelSchema>;

export const customFieldNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'field names use lower-case letters, digits and _, such as order_id');
export const customFieldsSchema = z.record(customFieldNameSchema, z.string().max(500));

/** One row of the chat list: what the list needs, nothing of the history. */
export const chatSummarySchema = z.object({
  chatId: chatIdSchema,
  phone: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastInboundAt: z.number().int().nullable(),
  lastOutboundAt: z.number().int().nullable(),
  lastMessage: lastMessageSchema.nullable(),
  unreadCount: z.number().int().nonnegative(),
  labels: z.array(z.string()),
  /** The person marked the chat as unread; cleared when it is opened again. */
  markedUnread: z.boolean().optional(),
});
export type ChatSummary = z.infer<typeof chatSummarySchema>;

export const customerProfileSchema = chatSummarySchema.extend({
  waName: z.string().nullable(),
  nameOverride: z.string().nullable(),
  firstNameOverride: z.string().nullable(),
  customFields: customFieldsSchema,
  notes: z.string(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

const shopSchema = z.object({
  name: z.string().max(80),
  address: z.string().max(200),
  hours: z.string().max(200),
  website: z.string().max(200),
});
export type Shop = z.infer<typeof shopSchema>;

export const settingsSchema = z.object({
  language: languageSchema,
  /** IANA time zone of the shop, for greetings and shown times. */
  timeZone: z.string().min(1),
  closingSoonMinutes: z
    .number()
    .int()
    .min(5)
    .max(23 * 60),
  /** Whether a customer's reaction renews the window: Meta does not say; vendors differ. */
  reactionsRenewWindow: z.boolean(),
  /** Minimum pause between two sends, to stay clear of spam-like bursts. */
  sendIntervalMs: z.number().int().min(0).max(60_000),
  /** A Chrome/Edge/Chromium to drive WhatsApp Web with; null means detect one. */
  browserPath: z.string().max(1000).nullable(),
  shop: shopSchema,
});
export type Settings = z.infer<typeof settingsSchema>;
/** Whether this runtime's Intl knows the zone: `Mars/Olympus` would make every shown time fail. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * What the settings dialog may change. The zone is checked here, where it is typed, not in the
 * stored shape: a zone saved by another machine must never make the data unreadable.
 */
export const settingsPatchSchema = settingsSchema.partial().extend({
  timeZone: z
    .string()
    .min(1)
    .refine(isValidTimeZone, 'expected an IANA time zone such as America/Sao_Paulo')
    .optional(),
  shop: shopSchema.partial().optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const quickReplySchema = z.object({
  id: z.string().min(1).max(64),
  shortcut: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}_-]{1,30}$/u, 'a shortcut is one word of letters, digits, - or _'),
  title: z.string().trim().min(1).max(80),
  text: z.string().min(1).max(4096),
});
export type QuickReply = z.infer<typeof quickReplySchema>;

export const connectionStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('starting') }),
  z.object({ state: z.literal('qr'), qr: z.string() }),
  z.object({ state: z.literal('pairing-code'), code: z.string() }),
  z.object({ state: z.literal('authenticating') }),
  z.object({ state: z.literal('loading'), percent: z.number().nullable() }),
  z.object({ state: z.literal('connected'), since: z.number() }),
  z.object({ state: z.literal('disconnected'), reason: z.string() }),
  z.object({ state: z.literal('offline'), retryAt: z.number(), reason: z.string() }),
  z.object({ state: z.literal('update-needed'), reason: z.string() }),
  z.object({ state: z.literal('blocked'), reason: z.string() }),
  z.object({ state: z.literal('no-browser') }),
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
export type ConnectionState = ConnectionStatus['state'];

export const gatewayKindSchema = z.enum(['simulated', 'demo', 'whatsapp-web']);
export type GatewayKind = z.infer<typeof gatewayKindSchema>;

/** What a recovery of the saved data can bring back, or not: named for the person, never files. */
export const recoveryPartSchema = z.enum([
  /** Every contact, window time, last message and setting, as it was last saved. */
  'everything',
  /** Contacts, names, window times and last messages, rebuilt from the conversations. */
  'chats',
  /** Settings, labels and quick replies. */
  'settings',
  /** Labels, notes, custom fields and names given in Janela, on some contacts. */
  'contact-details',
  /** Some messages of a conversation. */
  'messages',
  /** Some contacts. */
  'some-contacts',
  /** Changes made in the last moments before the damage. */
  'recent-changes',
]);
export type RecoveryPart = z.infer<typeof recoveryPartSchema>;
/** Why saving failed, so the UI can say what to do: free space, fix permissions, close another program. */
export const writeFailureCauseSchema = z.enum(['disk-full', 'no-permission', 'file-in-use', 'other']);
export type WriteFailureCause = z.infer<typeof writeFailureCauseSchema>;

export const noticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['store-recovered', 'store-write-failed']),
  /** For `store-write-failed`. */
  cause: writeFailureCauseSchema.optional(),
  at: z.number(),
  /** File names only: never message text or phone numbers. */
  detail: z.string(),
  restored: z.array(recoveryPartSchema).optional(),
  lost: z.array(recoveryPartSchema).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;
