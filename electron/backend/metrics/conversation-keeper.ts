/**
 * Keeps every chat's conversation records up to date as messages are recorded: customer messages
 * and replies typed on the phone as they arrive, the shop's replies from Janela once WhatsApp took
 * them (a reply that failed or never left answers nobody). Each message is folded into its chat's
 * state (`shared/metrics/conversations.ts`), at a cost that does not grow with the history; the
 * changed chats are written to `metrics.jsonl` in batches.
 *
 * Rebuilt from the stored history when there are no records yet (the first start after this
 * change), when the file is damaged, after the store recovered from damage, and per chat when the
 * fold asks for it (a message too late to fold exactly) or when the store holds messages the file
 * never saw (a crash between the two writes).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChatId } from '../../../shared/domain';
import type { ChatFoldState, ConversationRecord, MetricsMessage } from '../../../shared/metrics/conversation-record';
import { emptyChatState, foldMessage, rebuild } from '../../../shared/metrics/conversations';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import type { ChatLine, KeptChat, MetricsFile } from './metrics-file';

const FLUSH_DELAY_MS = 250;
const CHATS_PER_SLICE = 50;
/** Every message of a chat: the history API pages, a rebuild needs all of them. */
const WHOLE_HISTORY = Number.MAX_SAFE_INTEGER;

export interface ConversationKeeperOptions {
  store: JanelaStore;
  /** Null keeps the records in memory only (rebuilt at every start). */
  file: MetricsFile | null;
  log: (line: string) => void;
}

/** A shop message counts once WhatsApp has it; one typed on the phone arrives already sent. */
export function isFoldable(message: StoredMessage): boolean {
  if (message.direction === 'in') return true;
  return (
    message.status === undefined ||
    message.status === 'sent' ||
    message.status === 'delivered' ||
    message.status === 'read'
  );
}

export function toMetricsMessage(message: StoredMessage): MetricsMessage {
  return {
    id: message.id,
    chatId: message.chatId,
    direction: message.direction,
    at: message.at,
    text: message.text,
    kind: message.kind,
    ...(message.automatic ? { automatic: true } : {}),
    ...(message.csatSurvey ? { csatSurvey: true } : {}),
  };
}

function later(a: number | null, b: number): number {
  return a === null || b > a ? b : a;
}

export class ConversationKeeper {
  private readonly chats = new Map<string, KeptChat>();
  private readonly dirty = new Map<string, { finished: ConversationRecord[]; replace: boolean }>();
  /** Messages recorded while the records are loaded or rebuilt: folded right after. */
  private waiting: StoredMessage[] | null = [];
  /** Surveys queued but not yet sent, by chat: the conversation they were sent for. */
  private readonly surveysInFlight = new Map<string, { messageId: string; sequence: number }>();
  private flushTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly started: Promise<void>;
  private begin: () => void = () => undefined;
  private begun = false;
  /** How many chats were rebuilt from history since starting, for tests and logs. */
  chatsRebuilt = 0;

  constructor(private readonly options: ConversationKeeperOptions) {
    this.started = new Promise((resolve) => (this.begin = resolve));
    this.ready = this.started.then(() => this.load());
  }

  /** Resolves once every record is loaded or rebuilt. */
  readonly ready: Promise<void>;

  get complete(): boolean {
    return this.waiting === null;
  }

  /** Loads (or rebuilds) the records; messages recorded before that are kept and folded after. */
  start(): Promise<void> {
    this.begun = true;
    this.begin();
    return this.ready;
  }

  private async load(): Promise<void> {
    const { store, file, log } = this.options;
    await store.contactsLoaded();
    const loaded = file ? await file.load().catch(() => ({ kind: 'missing' as const })) : { kind: 'missing' as const };
    const recovered = store.loadNotices.some((notice) => notice.kind === 'store-recovered');
    if (loaded.kind === 'loaded' && !recovered) {
      for (const [chatId, chat] of loaded.chats) this.chats.set(chatId, chat);
      await this.rebuildChats(this.laggingChats(), false);
    } else {
      if (loaded.kind === 'damaged') log(`metrics records damaged (kept as ${loaded.keptAs}); rebuilding from history`);
      await this.rebuildChats(store.contactTimes().chatIds, true);
    }
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const message of waiting) this.record(message);
  }

  /** Chats whose stored messages are newer than any the keeper was shown. */
  private laggingChats(): string[] {
    const { chatIds, times } = this.options.store.contactTimes();
    const lagging: string[] = [];
    chatIds.forEach((chatId, index) => {
      const inbound = times[index * 3] ?? Number.NaN;
      const outbound = times[index * 3 + 1] ?? Number.NaN;
      const kept = this.chats.get(chatId);
      const behind = (time: number, seen: number | null | undefined) =>
        !Number.isNaN(time) && (seen == null || time > seen);
      if (behind(inbound, kept?.seenInboundAt) || behind(outbound, kept?.seenOutboundAt)) lagging.push(chatId);
    });
    return lagging;
  }

  private async rebuildChats(chatIds: readonly string[], everything: boolean): Promise<void> {
    for (let index = 0; index < chatIds.length; index += CHATS_PER_SLICE) {
      for (const chatId of chatIds.slice(index, index + CHATS_PER_SLICE)) this.rebuildChat(chatId);
      // Other work (the chat list, sends) goes on between slices.
      if (index + CHATS_PER_SLICE < chatIds.length) await nextTurn();
      if (this.closed) return;
    }
    if (everything && this.options.file) {
      this.dirty.clear();
      await this.options.file.rewrite(this.chats).catch((error: unknown) => this.writeFailed(error));
    } else this.scheduleFlush();
  }

  /** Builds one chat's records from its stored history. */
  rebuildChat(chatId: string): void {
    const { messages } = this.options.store.readMessages(chatId as ChatId, { limit: WHOLE_HISTORY });
    let seenInboundAt: number | null = null;
    let seenOutboundAt: number | null = null;
    const foldable: MetricsMessage[] = [];
    for (const message of messages) {
      if (message.direction === 'in') seenInboundAt = later(seenInboundAt, message.at);
      else seenOutboundAt = later(seenOutboundAt, message.at);
      if (isFoldable(message)) foldable.push(toMetricsMessage(message));
    }
    const { records, states } = rebuild(foldable);
    const state = states.get(chatId) ?? emptyChatState(chatId);
    const latestSequence = state.latest?.sequence ?? Number.POSITIVE_INFINITY;
    const finished = records.filter((record) => record.sequence < latestSequence);
    this.chats.set(chatId, { finished, state, seenInboundAt, seenOutboundAt });
    this.dirty.set(chatId, { finished, replace: true });
    this.chatsRebuilt += 1;
  }

  /** Every message the store records or changes goes through here; each is folded once it counts. */
  record(message: StoredMessage): void {
    if (this.closed) return;
    if (this.waiting) {
      this.waiting.push(message);
      return;
    }
    this.noteSurvey(message);
    const kept = this.chats.get(message.chatId) ?? {
      finished: [],
      state: emptyChatState(message.chatId),
      seenInboundAt: null,
      seenOutboundAt: null,
    };
    const seenInboundAt = message.direction === 'in' ? later(kept.seenInboundAt, message.at) : kept.seenInboundAt;
    const seenOutboundAt = message.direction === 'out' ? later(kept.seenOutboundAt, message.at) : kept.seenOutboundAt;
    const state = isFoldable(message) ? foldMessage(kept.state, toMetricsMessage(message)) : kept.state;
    if (state === kept.state && seenInboundAt === kept.seenInboundAt && seenOutboundAt === kept.seenOutboundAt) return;
    if (state.needsRebuild) {
      this.rebuildChat(message.chatId);
      this.scheduleFlush();
      return;
    }
    const previous = kept.state.latest;
    const finished: ConversationRecord[] = [];
    if (previous && state.latest && state.latest.sequence !== previous.sequence) {
      if (state.latest.sequence !== previous.sequence + 1) {
        // More than one conversation began at once (a late refold): take them from history.
        this.rebuildChat(message.chatId);
        this.scheduleFlush();
        return;
      }
      finished.push(previous);
    }
    this.chats.set(message.chatId, {
      finished: finished.length > 0 ? [...kept.finished, ...finished] : kept.finished,
      state,
      seenInboundAt,
      seenOutboundAt,
    });
    const entry = this.dirty.get(message.chatId);
    if (entry) entry.finished.push(...finished);
    else this.dirty.set(message.chatId, { finished, replace: false });
    this.scheduleFlush();
  }

  private noteSurvey(message: StoredMessage): void {
    if (!message.csatSurvey) return;
    const inFlight = message.status === 'pending' || message.status === 'uncertain';
    const sequence = this.chats.get(message.chatId)?.state.latest?.sequence;
    if (inFlight && sequence !== undefined)
      this.surveysInFlight.set(message.chatId, { messageId: message.id, sequence });
    else if (this.surveysInFlight.get(message.chatId)?.messageId === message.id)
      this.surveysInFlight.delete(message.chatId);
  }

  /** The chat's current conversation, if the keeper has one. */
  latest(chatId: string): ConversationRecord | null {
    return this.chats.get(chatId)?.state.latest ?? null;
  }

  /** Whether a survey for the chat's current conversation is queued or sent already. */
  surveyAsked(chatId: string): boolean {
    const latest = this.latest(chatId);
    if (!latest) return false;
    if (latest.surveySentAt !== null) return true;
    return this.surveysInFlight.get(chatId)?.sequence === latest.sequence;
  }

  /** Every record, finished and current. */
  records(): ConversationRecord[] {
    const all: ConversationRecord[] = [];
    for (const chat of this.chats.values()) {
      for (const record of chat.finished) all.push(record);
      if (chat.state.latest) all.push(chat.state.latest);
    }
    return all;
  }

  /** Each chat's fold state, for tests comparing with a rebuild. */
  states(): Map<string, ChatFoldState> {
    return new Map([...this.chats].map(([chatId, chat]) => [chatId, chat.state]));
  }

  private scheduleFlush(): void {
    if (!this.options.file || this.flushTimer || this.closed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  /** Writes the changed chats; resolves once they are on disk. */
  async flush(): Promise<void> {
    const { file } = this.options;
    if (!file) return;
    const lines: ChatLine[] = [];
    for (const [chatId, change] of this.dirty) {
      const chat = this.chats.get(chatId);
      if (!chat) continue;
      lines.push({
        chatId,
        finished: change.replace ? chat.finished : change.finished,
        replace: change.replace,
        state: chat.state,
        seenInboundAt: chat.seenInboundAt,
        seenOutboundAt: chat.seenOutboundAt,
      });
    }
    this.dirty.clear();
    try {
      await file.append(lines);
      if (file.wantsCompaction()) await file.rewrite(this.chats);
    } catch (error) {
      this.writeFailed(error);
    }
  }

  private writeFailed(error: unknown): void {
    // Derived data: the next start finds the chats the file is behind on and rebuilds them.
    this.options.log(`metrics records write failed: ${error instanceof Error ? error.name : 'unknown'}`);
  }

  async close(): Promise<void> {
    // Never started (the session switched away first): nothing was loaded, nothing to write.
    if (!this.begun) {
      this.closed = true;
      return;
    }
    await this.ready.catch(() => undefined);
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
    await this.options.file?.flushed().catch(() => undefined);
  }
}
