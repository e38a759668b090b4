/**
 * A conversation as the metrics count it (the definitions are in `definitions.ts`), and what the
 * fold keeps per chat to update it as messages arrive. The backend stores both, so both have a
 * schema; the types are inferred from them.
 */
import { z } from 'zod';
import { chatIdSchema, type ChatMessage } from '../domain';

/** What the metrics read of a message. */
export interface MetricsMessage extends Pick<ChatMessage, 'id' | 'chatId' | 'direction' | 'at' | 'text'> {
  /** Reactions are left out of the metrics; other kinds count as messages. */
  kind?: ChatMessage['kind'];
  /** A greeting, away message or chatbot answer sent without a person: never answers a customer. */
  automatic?: boolean;
  /** The satisfaction survey: it asks, it does not answer, so it is not a reply either. */
  csatSurvey?: boolean;
}

const epochMs = z.number().int();
const score = z.number().int().min(1).max(5);

export const conversationRecordSchema = z.object({
  chatId: chatIdSchema,
  startedAt: epochMs,
  lastInboundAt: epochMs,
  /** `lastInboundAt` + 24 h: the window is open before this instant and closed from it on. */
  expiresAt: epochMs,
  /** Every customer message of the conversation, ascending: the heat map counts them. */
  customerMessageAts: z.array(epochMs),
  /** The first reply a person sent while the window was open; null while unanswered. */
  firstResponseAt: epochMs.nullable(),
  firstResponseMs: epochMs.nonnegative().nullable(),
  /** 0 for the customer's first conversation: with `chatId`, the key a record is stored under. */
  sequence: z.number().int().nonnegative(),
  /** The customer had an earlier conversation, which had expired (`sequence` > 0). */
  restarted: z.boolean(),
  /** Each wait from the first customer message not yet replied to until a person's reply. */
  replyWaitsMs: z.array(epochMs.nonnegative()),
  automaticReplies: z.number().int().nonnegative(),
  surveySentAt: epochMs.nullable(),
  csatScore: score.nullable(),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;

export type ConversationStatus = 'answered' | 'missed' | 'pending';

/**
 * Answered wins over missed: a conversation a person replied to in time stays answered even when the
 * customer's last message ("obrigado!") got no reply, so answered, missed and pending never overlap
 * and the response rate's parts add up.
 */
export function conversationStatus(record: ConversationRecord, now: number): ConversationStatus {
  if (record.firstResponseAt !== null) return 'answered';
  return now >= record.expiresAt ? 'missed' : 'pending';
}

export const messageRoleSchema = z.enum(['customer', 'reply', 'automatic', 'survey']);
export type MessageRole = z.infer<typeof messageRoleSchema>;

/** A message reduced to what the fold needs; no text is kept, only a survey answer's score. */
export const foldedMessageSchema = z.object({
  id: z.string().min(1),
  at: epochMs,
  role: messageRoleSchema,
  csatScore: score.nullable(),
});
export type FoldedMessage = z.infer<typeof foldedMessageSchema>;

export const chatFoldStateSchema = z.object({
  chatId: chatIdSchema,
  /** Conversations before `latest`; only whether there were any matters, the count is cheap. */
  earlierConversations: z.number().int().nonnegative(),
  latest: conversationRecordSchema.nullable(),
  /** When the conversation before `latest` expired: a late message before it would change that one. */
  previousExpiresAt: epochMs.nullable(),
  /** The first customer message of `latest` that no person has replied to yet. */
  waitingSince: epochMs.nullable(),
  /** A survey went out and the customer has not written since. */
  awaitingCsatAnswer: z.boolean(),
  /** The messages from `latest`'s first on, and the shop's messages of the last 24 h outside any window; sorted. */
  tail: z.array(foldedMessageSchema),
  /**
   * The time of the tail's last message (the newest folded: the tail always keeps it), null while
   * the tail is empty. Kept beside the tail so that a message to a chat quiet for weeks is folded
   * without reading the tail (cold memory then: a few hundred nanoseconds for each object read).
   */
  newestAt: epochMs.nullable(),
  /** A message arrived too late to fold exactly: rebuild this chat from its history. */
  needsRebuild: z.boolean(),
});
export type ChatFoldState = z.infer<typeof chatFoldStateSchema>;
