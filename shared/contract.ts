/**
 * The renderer↔backend contract: every command and event, declared once with its schema.
 * Both transports (Electron IPC and the browser host's WebSocket) carry exactly these.
 */
import { z } from 'zod';
import { automationSettingsSchema } from './automations/automation-settings';
import { faqRuleSchema } from './automations/faq-matching';
import {
  attentionNotificationSchema,
  attentionStatusSchema,
  chatIdSchema,
  chatMessageSchema,
  chatSummarySchema,
  connectionStatusSchema,
  customerProfileSchema,
  customFieldsSchema,
  gatewayKindSchema,
  labelSchema,
  noticeSchema,
  phoneSchema,
  quickReplySchema,
  settingsPatchSchema,
  settingsSchema,
  languageSchema,
} from './domain';
import { hasVisibleText } from './chats/visible-text';
import { MAX_CHATS_PAGE, MAX_IMPORT_FILE_BYTES, MAX_UPLOAD_BASE64_CHARS } from './limits';
import { csatSettingsSchema } from './metrics/csat-survey';
import { metricsCsvSchema, metricsPeriodInputSchema, metricsReportSchema } from './metrics/metrics-report';
import { agendaSettingsSchema, bookingStatusSchema, serviceSchema } from './bookings/booking-schemas';
import { agendaSchema, bookingChangeResultSchema } from './bookings/agenda-view';
import { agendaSettingsPatchSchema, orderSettingsPatchSchema } from './bookings/settings-patches';
import { orderSettingsSchema, orderStatusSchema, productSchema } from './orders/order-schemas';
import { catalogueSchema, orderBoardSchema, statusTemplatesSchema } from './orders/order-board-view';
import { outgoingAttachmentSchema, sha256Schema } from './media/media-kind';
import type { CommandName, EventName } from './contract-names';
import { errorCodes, type JanelaErrorData } from './janela-error';

export { commandNames, eventNames, type CommandName, type EventName } from './contract-names';

export {
  errorCodeOf,
  errorCodes,
  JanelaError,
  type CommandResult,
  type ErrorCode,
  type JanelaErrorData,
} from './janela-error';

const empty = z.object({}).strict();

const snapshotSchema = z.object({
  now: z.number(),
  gatewayKind: gatewayKindSchema,
  connection: connectionStatusSchema,
  /** A WhatsApp account is linked on this computer (something to unlink). */
  linked: z.boolean(),
  settings: settingsSchema,
  /** The language `--lang` chose for this launch only; the saved choice stays in `settings`. */
  launchLanguage: languageSchema.nullable().optional(),
  chats: z.array(chatSummarySchema),
  /**
   * False when the shop has more chats than the first screenfuls: `chats` then holds the top of the
   * list, in order, and `getChats` brings every chat, a page at a time.
   */
  chatsComplete: z.boolean(),
  labels: z.array(labelSchema),
  quickReplies: z.array(quickReplySchema),
  notices: z.array(noticeSchema),
  /** The unread total and the notification pause (issue 17); optional for older test doubles. */
  attention: attentionStatusSchema.optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const faqTestResultSchema = z.object({
  /** The rule that would answer, if any clears the threshold. */
  answer: z
    .object({ ruleId: z.string(), title: z.string(), score: z.number(), phrase: z.string(), text: z.string() })
    .nullable(),
  /** The best-scoring rules, whether they clear the threshold or not. */
  candidates: z.array(z.object({ ruleId: z.string(), title: z.string(), score: z.number() })),
  threshold: z.number(),
});
export type FaqTestResult = z.infer<typeof faqTestResultSchema>;

export const commands = {
  getSnapshot: { input: empty, output: snapshotSchema },
  /**
   * Every chat, a page at a time in chat-id order (an order a new message does not change): pass the
   * `next` of one page as `after` for the following one; `next` is null after the last page.
   */
  getChats: {
    input: z.object({ after: chatIdSchema.nullable(), limit: z.number().int().min(1).max(MAX_CHATS_PAGE) }).strict(),
    output: z.object({ chats: z.array(chatSummarySchema), next: chatIdSchema.nullable() }),
  },
  getConversation: {
    input: z
      .object({
        chatId: chatIdSchema,
        /** Page backwards from this message (exclusive): ids, not times, because WhatsApp stamps whole seconds. */
        beforeId: z.string().min(1).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({ messages: z.array(chatMessageSchema), hasMore: z.boolean() }),
  },
  getProfile: { input: z.object({ chatId: chatIdSchema }).strict(), output: customerProfileSchema },
  sendMessage: {
    input: z
      .object({
        chatId: chatIdSchema,
        text: z.string().trim().min(1).max(4096).refine(hasVisibleText, 'the message has no visible character'),
      })
      .strict(),
    output: chatMessageSchema,
  },
  markRead: { input: z.object({ chatId: chatIdSchema }).strict(), output: z.null() },
  /** Chats whose recent messages contain the text (bounded: see chats/message-search.ts). */
  searchMessages: {
    input: z.object({ query: z.string().trim().min(2).max(100) }).strict(),
    output: z.object({
      results: z.array(
        z.object({
          chatId: chatIdSchema,
          messageId: z.string(),
          at: z.number(),
          snippet: z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }),
        }),
      ),
      /** Older messages or less active chats were not searched. */
      limited: z.boolean(),
    }),
  },
  /** "Mark as unread": the chat shows as unread until it is opened again. */
  markUnread: { input: z.object({ chatId: chatIdSchema }).strict(), output: z.null() },
  updateSettings: { input: settingsPatchSchema.strict(), output: settingsSchema },
  startDemo: { input: empty, output: z.null() },
  /** Leaves the demo shop for the mode Janela was started in (the connect screen, with the real WhatsApp). */
  exitDemo: { input: empty, output: z.null() },
  requestPairingCode: { input: z.object({ phone: phoneSchema }).strict(), output: z.object({ code: z.string() }) },
  reconnect: { input: empty, output: z.null() },
  unlink: { input: empty, output: z.null() },
  dismissNotice: { input: z.object({ id: z.string() }).strict(), output: z.null() },
  updateProfile: {
    input: z
      .object({
        chatId: chatIdSchema,
        name: z.string().trim().max(120).nullable().optional(),
        firstName: z.string().trim().max(60).nullable().optional(),
        customFields: customFieldsSchema.optional(),
        labels: z.array(z.string()).max(20).optional(),
        notes: z.string().max(5000).optional(),
      })
      .strict(),
    output: customerProfileSchema,
  },
  // A name over the limit reaches the handler, which refuses it with its own code (never cut).
  saveLabel: {
    input: labelSchema.extend({ name: z.string().trim().min(1).max(1000) }).strict(),
    output: z.array(labelSchema),
  },
  deleteLabel: { input: z.object({ id: z.string() }).strict(), output: z.array(labelSchema) },
  saveQuickReply: { input: quickReplySchema.strict(), output: z.array(quickReplySchema) },
  deleteQuickReply: { input: z.object({ id: z.string() }).strict(), output: z.array(quickReplySchema) },
  reorderQuickReplies: { input: z.object({ ids: z.array(z.string()) }).strict(), output: z.array(quickReplySchema) },
  importQuickReplies: {
    // Characters never outnumber bytes: a file that passed the UI's size check passes this.
    // Attachments travel inside the file as base64.
    input: z.object({ json: z.string().max(MAX_IMPORT_FILE_BYTES) }).strict(),
    output: z.array(quickReplySchema),
  },
  exportQuickReplies: { input: empty, output: z.object({ json: z.string() }) },
  /** Every custom field name some customer has: what quick replies can fill. */
  listCustomFields: { input: empty, output: z.array(z.string()) },
  /** Tray "Pause notifications for 1 hour" (or any other span); new messages still count as unread. */
  pauseNotifications: {
    input: z
      .object({
        minutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
      })
      .strict(),
    output: attentionStatusSchema,
  },
  resumeNotifications: { input: empty, output: attentionStatusSchema },
  /** For support: versions, OS, connection and counts as text; no phone numbers, names or messages. */
  getDiagnostics: { input: empty, output: z.object({ text: z.string(), logsFolder: z.string() }) },
  /** The desktop app opens the logs folder; the browser host cannot (`opened` false) and shows `path`. */
  openLogsFolder: { input: empty, output: z.object({ opened: z.boolean(), path: z.string() }) },
  /** Automatic replies: the stored settings, or the defaults in the shop's language (switched off). */
  getAutomationSettings: { input: empty, output: automationSettingsSchema },
  updateAutomationSettings: { input: automationSettingsSchema, output: automationSettingsSchema },
  /** The settings' "Try it" box: which rule would answer a typed message, its score and the answer. */
  testFaqMatch: {
    input: z
      .object({
        text: z.string().max(4096),
        /** Rules being edited and not saved yet; the saved rules when absent. */
        faqRules: z.array(faqRuleSchema).max(500).optional(),
      })
      .strict(),
    output: faqTestResultSchema,
  },
  /** "Devolver ao robô": the bot answers this chat again. */
  returnChatToBot: { input: z.object({ chatId: chatIdSchema }).strict(), output: z.null() },
  /** Staff reverse a customer's "PARAR": automatic messages may go to them again. */
  clearOptOut: { input: z.object({ chatId: chatIdSchema }).strict(), output: customerProfileSchema },
  /** The dashboard's figures for [from, to), with the previous period of the same length. */
  getMetrics: { input: metricsPeriodInputSchema, output: metricsReportSchema },
  /** The period's conversations, one CSV row each. */
  exportMetricsCsv: { input: metricsPeriodInputSchema, output: metricsCsvSchema },
  /** Sends the satisfaction survey in the open conversation, at most once per conversation. */
  sendCsatSurvey: { input: z.object({ chatId: chatIdSchema }).strict(), output: chatMessageSchema },
  /** "Concluir": the conversation needs nothing more until the customer writes again. */
  markDone: {
    input: z.object({ chatId: chatIdSchema, done: z.boolean() }).strict(),
    output: z.object({ doneAt: z.number().int().nullable(), surveySent: z.boolean() }),
  },
  getCsatSettings: { input: empty, output: csatSettingsSchema.extend({ defaultTemplate: z.string() }) },
  updateCsatSettings: {
    input: z
      .object({
        surveyTemplate: z.string().trim().min(1).max(1000).nullable().optional(),
        sendSurveyWhenDone: z.boolean().optional(),
      })
      .strict(),
    output: csatSettingsSchema.extend({ defaultTemplate: z.string() }),
  },
  // Bookings (issue 15). `notify` sends the customer a message, only while their window is open.
  getAgenda: {
    input: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    output: agendaSchema,
  },
  saveService: { input: serviceSchema.strict(), output: z.array(serviceSchema) },
  deleteService: { input: z.object({ id: z.string() }).strict(), output: z.array(serviceSchema) },
  updateAgendaSettings: { input: agendaSettingsPatchSchema.strict(), output: agendaSettingsSchema },
  createBooking: {
    input: z
      .object({
        chatId: chatIdSchema,
        serviceId: z.string().min(1),
        start: z.number().int(),
        note: z.string().max(500).optional(),
        notify: z.boolean().default(false),
      })
      .strict(),
    output: bookingChangeResultSchema,
  },
  moveBooking: {
    input: z.object({ id: z.string(), start: z.number().int(), notify: z.boolean().default(false) }).strict(),
    output: bookingChangeResultSchema,
  },
  setBookingStatus: {
    input: z.object({ id: z.string(), status: bookingStatusSchema, notify: z.boolean().default(false) }).strict(),
    output: bookingChangeResultSchema,
  },
  // Orders (issue 15).
  getCatalogue: { input: empty, output: catalogueSchema },
  saveProduct: { input: productSchema.strict(), output: z.array(productSchema) },
  deleteProduct: { input: z.object({ id: z.string() }).strict(), output: z.array(productSchema) },
  importCatalogue: {
    input: z.object({ csv: z.string().max(2_000_000) }).strict(),
    output: z.object({
      products: z.array(productSchema),
      errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  },
  exportCatalogue: { input: empty, output: z.object({ csv: z.string() }) },
  updateOrderSettings: { input: orderSettingsPatchSchema.strict(), output: orderSettingsSchema },
  saveOrderStatusTemplates: { input: statusTemplatesSchema.strict(), output: statusTemplatesSchema },
  /** The board of one shop day (YYYY-MM-DD): that day's orders and older ones still open. */
  getOrderBoard: {
    input: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    output: orderBoardSchema,
  },
  setOrderStatus: {
    input: z.object({ id: z.string(), status: orderStatusSchema, notify: z.boolean().default(false) }).strict(),
    output: z.object({ told: z.boolean() }),
  },
  /** Puts a file the shop picked into the media folder, to be sent or attached to a quick reply. */
  uploadMedia: {
    input: z
      .object({
        base64: z.string().min(1).max(MAX_UPLOAD_BASE64_CHARS),
        mimetype: z.string().max(255),
        filename: z.string().max(1000),
      })
      .strict(),
    output: outgoingAttachmentSchema,
  },
  /** An attachment with an optional caption, through the outbox like text. */
  sendMedia: {
    input: z
      .object({ chatId: chatIdSchema, caption: z.string().trim().max(4096), attachment: outgoingAttachmentSchema })
      .strict(),
    output: chatMessageSchema,
  },
  /** Downloads (again) a message's attachment from WhatsApp: "download", "try again", or first view. */
  downloadMedia: {
    input: z.object({ chatId: chatIdSchema, messageId: z.string().min(1) }).strict(),
    output: chatMessageSchema,
  },
  /** Hands a stored file to the system's default application (desktop app only), after a click. */
  openMedia: {
    input: z.object({ sha256: sha256Schema, filename: z.string().max(255), mimetype: z.string().max(255) }).strict(),
    output: z.null(),
  },
  getMediaUsage: { input: empty, output: z.object({ files: z.number(), bytes: z.number() }) },
} as const satisfies Record<CommandName, { input: z.ZodType; output: z.ZodType }>;

export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<(typeof commands)[K]['output']>;

export const events = {
  chatsChanged: z.object({ chats: z.array(chatSummarySchema) }),
  messageChanged: z.object({ message: chatMessageSchema }),
  connectionChanged: z.object({ status: connectionStatusSchema, gatewayKind: gatewayKindSchema, linked: z.boolean() }),
  clockChanged: z.object({ now: z.number() }),
  settingsChanged: z.object({ settings: settingsSchema }),
  labelsChanged: z.object({ labels: z.array(labelSchema) }),
  quickRepliesChanged: z.object({ quickReplies: z.array(quickReplySchema) }),
  noticesChanged: z.object({ notices: z.array(noticeSchema) }),
  /** New notifications to show (often none) and the current unread total and pause. */
  attentionChanged: attentionStatusSchema.extend({ notifications: z.array(attentionNotificationSchema) }),
  /** The desktop shell asks the window to show a chat (a notification was clicked). */
  openChat: z.object({ chatId: chatIdSchema }),
  automationSettingsChanged: z.object({ settings: automationSettingsSchema }),
  /** Bookings, services or agenda settings changed: an agenda on screen fetches its range again. */
  bookingsChanged: z.object({ at: z.number() }),
  /** Orders, products or order settings changed: a board on screen fetches its day again. */
  ordersChanged: z.object({ at: z.number() }),
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

export const janelaErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) satisfies z.ZodType<JanelaErrorData>;
