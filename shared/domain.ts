/** The shop's data as both sides see it: schemas first, types inferred from them. */
import { z } from 'zod';
import { mediaInfoSchema, quickReplyAttachmentSchema } from './media/media-kind';

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
  /** Sent by the bot (greeting, away, chatbot): never makes a conversation answered by a person. */
  automatic: z.boolean().optional(),
  /** The satisfaction survey (metrics): it asks, it does not answer. */
  csatSurvey: z.boolean().optional(),
  /** The attachment of a `media` message; absent in history written before media was first-class. */
  media: mediaInfoSchema.optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const lastMessageSchema = z.object({
  text: z.string(),
  at: z.number().int(),
  direction: directionSchema,
  /** For the chat list's WhatsApp-like preview of an attachment. */
  media: mediaInfoSchema.optional(),
});

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
  /** Who answers this chat now: the bot, or a person after a hand-off; null when automation is off. */
  handledBy: z.enum(['bot', 'person']).nullable().optional(),
  /** The customer asked for a person and nobody on the shop's side has answered yet. */
  waitingForPerson: z.boolean().optional(),
  /** When staff marked the conversation done ("Concluir"); null once the customer writes again. */
  doneAt: z.number().int().nullable().optional(),
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
  /** When the customer asked for no automatic messages ("PARAR"); null when they did not or staff reversed it. */
  automaticRepliesOptedOutAt: z.number().int().nullable().optional(),
  /** The delivery address the customer gave in their last order (issue 15). */
  deliveryAddress: z.string().nullable().optional(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

const shopSchema = z.object({
  name: z.string().max(80),
  address: z.string().max(200),
  hours: z.string().max(200),
  website: z.string().max(200),
});
export type Shop = z.infer<typeof shopSchema>;

/**
 * What the shop owner is told, and how (issue 17). Every field has a default so a store written
 * before these existed still reads; the patch schema below has none, so a partial update never
 * resets a field it does not name.
 */
const notificationSettingsShape = {
  enabled: z.boolean(),
  sound: z.boolean(),
  /** False: notifications say only "New message" (a customer may be standing at the counter). */
  showText: z.boolean(),
  /** Quiet outside the shop's business hours, when the shop has set them. */
  quietOutsideBusinessHours: z.boolean(),
  /** "Closing soon, still unanswered" is announced when less than this is left. */
  closingSoonMinutes: z
    .number()
    .int()
    .min(5)
    .max(23 * 60),
  /** Desktop app: closing the window leaves Janela in the tray, so notifications keep coming. */
  keepRunningInTray: z.boolean(),
  /** Desktop app: start with the computer. */
  startAtLogin: z.boolean(),
};
export const defaultNotificationSettings = {
  enabled: true,
  sound: true,
  showText: true,
  quietOutsideBusinessHours: false,
  closingSoonMinutes: 60,
  keepRunningInTray: true,
  startAtLogin: false,
} as const satisfies { [K in keyof typeof notificationSettingsShape]: z.infer<(typeof notificationSettingsShape)[K]> };
export const notificationSettingsSchema = z.object({
  enabled: notificationSettingsShape.enabled.default(defaultNotificationSettings.enabled),
  sound: notificationSettingsShape.sound.default(defaultNotificationSettings.sound),
  showText: notificationSettingsShape.showText.default(defaultNotificationSettings.showText),
  quietOutsideBusinessHours: notificationSettingsShape.quietOutsideBusinessHours.default(
    defaultNotificationSettings.quietOutsideBusinessHours,
  ),
  closingSoonMinutes: notificationSettingsShape.closingSoonMinutes.default(
    defaultNotificationSettings.closingSoonMinutes,
  ),
  keepRunningInTray: notificationSettingsShape.keepRunningInTray.default(defaultNotificationSettings.keepRunningInTray),
  startAtLogin: notificationSettingsShape.startAtLogin.default(defaultNotificationSettings.startAtLogin),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const notificationSettingsPatchSchema = z.object(notificationSettingsShape).partial();

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
  notifications: notificationSettingsSchema.default(() => ({ ...defaultNotificationSettings })),
  /** Largest attachment downloaded or sent, in MB; absent means 16. */
  mediaMaxFileMb: z.number().int().min(1).max(100).optional(),
  /** All media together, in MB; absent or null means no limit. */
  mediaQuotaMb: z.number().int().min(10).max(1_000_000).nullable().optional(),
  /** "Delete media older than N days"; absent or null means never (the default). */
  mediaDeleteAfterDays: z.number().int().min(1).max(3650).nullable().optional(),
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
  notifications: notificationSettingsPatchSchema.strict().optional(),
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
  /** A price list or product photo sent with the text; its bytes live in the media folder. */
  attachment: quickReplyAttachmentSchema.optional(),
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

/** A notification the attention policy decided on; a click opens `chatId`. */
export const attentionNotificationSchema = z.object({
  kind: z.enum(['message', 'closing-soon', 'handoff']),
  chatId: chatIdSchema,
  title: z.string(),
  body: z.string(),
  silent: z.boolean(),
});
export type AttentionNotificationData = z.infer<typeof attentionNotificationSchema>;

/** What the taskbar badge, the tray and the page title show. */
export const attentionStatusSchema = z.object({
  unreadTotal: z.number().int().nonnegative(),
  /** Notifications paused until then (tray "Pause for 1 hour"); null when not paused. */
  pausedUntil: z.number().nullable(),
});
export type AttentionStatus = z.infer<typeof attentionStatusSchema>;
