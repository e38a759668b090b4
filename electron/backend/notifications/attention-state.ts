/**
 * The attention policy's stored state, a top-level collection of the store (`attention` in
 * janela.json): its memory (so a restart neither repeats a nudge nor announces old messages) and
 * the pause from the tray. Read tolerantly: a damaged entry starts the memory over, unprimed, and
 * never fails the store's head.
 */
import { z } from 'zod';
import { type AttentionMemory, emptyAttentionMemory, parseAttentionMemory } from './attention-memory';

export interface StoredAttention {
  memory: AttentionMemory;
  /** Notifications paused until this instant ("Pause for 1 hour"); null when not paused. */
  pausedUntil: number | null;
}

export function emptyStoredAttention(): StoredAttention {
  return { memory: emptyAttentionMemory(), pausedUntil: null };
}

export const storedAttentionSchema = z
  .object({
    memory: z.unknown().transform((raw): AttentionMemory => parseAttentionMemory(raw).memory),
    pausedUntil: z.number().nullable().catch(null),
  })
  .catch(emptyStoredAttention)
  .default(emptyStoredAttention);
