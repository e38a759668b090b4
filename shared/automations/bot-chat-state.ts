/**
 * What the bot remembers about one chat, stored so that a restart neither repeats a greeting nor
 * forgets a hand-off, plus the changes staff and the shop's own replies make to it.
 */
import { z } from 'zod';
import { windowExpiresAt } from '../chats/window-rules';
import { normaliseText } from './text-normalise';

const instantSchema = z.number().int();

export const botChatStateSchema = z.object({
  version: z.literal(1).default(1),
  /** When a person took the chat over; null while the bot may answer. */
  handedOffAt: instantSchema.nullable().default(null),
  handoffReason: z.enum(['customer-asked', 'shop-replied']).nullable().default(null),
  /** When the customer asked for no automatic messages; null if they never did or staff reversed it. */
  optedOutAt: instantSchema.nullable().default(null),
  lastGreetingAt: instantSchema.nullable().default(null),
  lastMenuAt: instantSchema.nullable().default(null),
  /** The first customer message of the current conversation (one open window). */
  conversationStartedAt: instantSchema.nullable().default(null),
  awaySentForConversationStartedAt: instantSchema.nullable().default(null),
  /** Bot sends of the last hour, for the loop guard. */
  recentBotSendsAt: z.array(instantSchema).max(100).default([]),
  /** Fingerprints of customer texts answered in the last 24 hours: never their text. */
  answeredMessages: z
    .array(z.object({ fingerprint: z.string().min(1).max(32), at: instantSchema }))
    .max(100)
    .default([]),
});
export type BotChatState = z.infer<typeof botChatStateSchema>;

export function initialBotChatState(): BotChatState {
  return botChatStateSchema.parse({});
}

/**
 * Someone on the shop's side wrote (in Janela or on the phone, but not the bot): the chat is theirs
 * until the conversation ends. A later reply moves the hand-off forward.
 */
export function onShopReply(state: BotChatState, at: number): BotChatState {
  return { ...state, handedOffAt: Math.max(state.handedOffAt ?? at, at), handoffReason: 'shop-replied' };
}

/** Staff pressed "Devolver ao robô" / "Let the bot answer again". */
export function returnToBot(state: BotChatState): BotChatState {
  return { ...state, handedOffAt: null, handoffReason: null };
}

/** Staff reversed a customer's opt-out, from the profile. */
export function clearOptOut(state: BotChatState): BotChatState {
  return { ...state, optedOutAt: null };
}

/**
 * A hand-off lasts until the conversation ends: 24 hours without a customer message, counted from
 * the later of the hand-off and the last customer message (the window's own arithmetic).
 */
export function isHandedOff(state: BotChatState, lastInboundAt: number | null, at: number): boolean {
  if (state.handedOffAt === null) return false;
  return at < windowExpiresAt(Math.max(state.handedOffAt, lastInboundAt ?? state.handedOffAt));
}

/** For the chat list: a customer asked for a person and nobody on the shop's side has answered yet. */
export function isWaitingForPerson(state: BotChatState, lastInboundAt: number | null, now: number): boolean {
  return state.handoffReason === 'customer-asked' && isHandedOff(state, lastInboundAt, now);
}

export function handledBy(state: BotChatState, lastInboundAt: number | null, now: number): 'bot' | 'person' {
  return isHandedOff(state, lastInboundAt, now) ? 'person' : 'bot';
}

function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Identifies a text up to case, accents, punctuation and shorthand, so "Oi!" and "oi" count as the
 * same message. A 64-bit FNV-1a: collisions among one chat's day of messages are negligible, and the
 * store keeps no message text.
 */
export function messageFingerprint(text: string): string {
  const normalised = normaliseText(text);
  return fnv1a(normalised, 0x811c9dc5) + fnv1a(normalised, 0x01234567);
}
