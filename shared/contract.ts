/**
 * The renderer↔backend contract: every command and event, declared once with its schema.
 * Both transports (Electron IPC and the browser host's WebSocket) carry exactly these.
 */
import { z } from 'zod';
import {
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
import { MAX_IMPORT_FILE_BYTES } from './limits';

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
   * False while the backend still reads its stored contacts after starting: `chats` then holds
   * the top of the list, in order, and a `chatsLoaded` event brings every chat soon after.
   */
  chatsComplete: z.boolean(),
  labels: z.array(labelSchema),
  quickReplies: z.array(quickReplySchema),
  notices: z.array(noticeSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const commands = {
  getSnapshot: { input: empty, output: snapshotSchema },
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
    input: z.object({ json: z.string().max(MAX_IMPORT_FILE_BYTES) }).strict(),
    output: z.array(quickReplySchema),
  },
  exportQuickReplies: { input: empty, output: z.object({ json: z.string() }) },
  /** Every custom field name some customer has: what quick replies can fill. */
  listCustomFields: { input: empty, output: z.array(z.string()) },
} as const;

export type CommandName = keyof typeof commands;
export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<(typeof commands)[K]['output']>;

export const events = {
  chatsChanged: z.object({ chats: z.array(chatSummarySchema) }),
  /** Every chat, once the backend has read them all: follows a snapshot with `chatsComplete` false. */
  chatsLoaded: z.object({ chats: z.array(chatSummarySchema) }),
  messageChanged: z.object({ message: chatMessageSchema }),
  connectionChanged: z.object({ status: connectionStatusSchema, gatewayKind: gatewayKindSchema, linked: z.boolean() }),
  clockChanged: z.object({ now: z.number() }),
  settingsChanged: z.object({ settings: settingsSchema }),
  labelsChanged: z.object({ labels: z.array(labelSchema) }),
  quickRepliesChanged: z.object({ quickReplies: z.array(quickReplySchema) }),
  noticesChanged: z.object({ notices: z.array(noticeSchema) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** Codes the renderer turns into messages in the person's language. */
export const errorCodes = [
  'invalid-input',
  'label-too-long',
  'forbidden',
  'not-found',
  'window-closed',
  'not-connected',
  'unfilled-placeholder',
  'never-wrote',
  'duplicate-shortcut',
  'invalid-import',
  'pairing-failed',
  'browser-not-usable',
  'too-large',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const janelaErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** Technical English detail, for logs and tests; the UI shows its own text for the code. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type JanelaErrorData = z.infer<typeof janelaErrorSchema>;

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: JanelaErrorData };

/**
 * Thrown by backend handlers and rethrown by the bridge. The code also leads the message because
 * Electron's contextBridge copies only an error's message across worlds.
 */
export class JanelaError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'JanelaError';
  }

  toData(): JanelaErrorData {
    return this.params
      ? { code: this.code, message: this.detail, params: this.params }
      : { code: this.code, message: this.detail };
  }
}

/** Recovers the code of any error that came through the bridge, whichever world threw it. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof JanelaError) return error.code;
  const message = error instanceof Error ? error.message : String(error);
  const code = /^([a-z-]+): /.exec(message)?.[1];
  return (errorCodes as readonly string[]).includes(code ?? '') ? (code as ErrorCode) : 'internal';
}
