/**
 * What the attention policy remembers between runs, so a restart neither repeats a nudge nor
 * floods the person with old messages. Persisted as JSON beside the store; read tolerantly.
 */
import { z } from 'zod';

export const ATTENTION_MEMORY_VERSION = 1;

const chatMemorySchema = z.object({
  /** The latest customer message already accounted for (notified, grouped, read or suppressed). */
  seenInboundAt: z.number().nullable().catch(null),
  /** When the last "new message" notification for this chat was shown: a burst is anchored here. */
  messageNotifiedAt: z.number().nullable().catch(null),
  /** The window (by its lastInboundAt) already nudged as "closing soon": at most one nudge each. */
  closingSoonFor: z.number().nullable().catch(null),
  /** The hand-off (by its handoffWaitingSince) already announced. */
  handoffFor: z.number().nullable().catch(null),
});
export type ChatAttentionMemory = z.infer<typeof chatMemorySchema>;

export interface AttentionMemory {
  version: typeof ATTENTION_MEMORY_VERSION;
  /** False until the first run has taken in the chats that existed before: those never notify. */
  primed: boolean;
  chats: Record<string, ChatAttentionMemory>;
}

export function emptyAttentionMemory(): AttentionMemory {
  return { version: ATTENTION_MEMORY_VERSION, primed: false, chats: {} };
}

export const emptyChatMemory: ChatAttentionMemory = {
  seenInboundAt: null,
  messageNotifiedAt: null,
  closingSoonFor: null,
  handoffFor: null,
};

const memorySchema = z.object({
  version: z.literal(ATTENTION_MEMORY_VERSION),
  primed: z.boolean().catch(false),
  chats: z.record(z.string(), z.unknown()).catch({}),
});

export type ParsedAttentionMemory =
  { ok: true; memory: AttentionMemory } | { ok: false; reason: 'damaged' | 'newer-version'; memory: AttentionMemory };

/**
 * A damaged file starts over unprimed (so nothing old is announced); a file from a newer Janela is
 * reported so the caller leaves it untouched and keeps its memory in this process only.
 */
export function parseAttentionMemory(raw: unknown): ParsedAttentionMemory {
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > ATTENTION_MEMORY_VERSION) {
    return { ok: false, reason: 'newer-version', memory: emptyAttentionMemory() };
  }
  const parsed = memorySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'damaged', memory: emptyAttentionMemory() };
  const chats: Record<string, ChatAttentionMemory> = {};
  for (const [chatId, entry] of Object.entries(parsed.data.chats)) {
    const chat = chatMemorySchema.safeParse(entry);
    if (chat.success) chats[chatId] = chat.data;
  }
  return { ok: true, memory: { version: ATTENTION_MEMORY_VERSION, primed: parsed.data.primed, chats } };
}
