/**
 * Keeps every chat's conversation records up to date as messages are recorded: customer messages
 * and replies typed on the phone as they arrive, the shop's replies from Janela once WhatsApp took
 * them (a reply that failed or never left answers nobody). Each message is folded into its chat's
 * state in place (`foldInPlace`): no copy of the record, no new array per message, a cost that does
 * not grow with the history. What was folded is written to `metrics.jsonl` once per batch, as the
 * messages themselves (a few dozen bytes each), not the records they changed.
 *
 * At start the file is trusted only when it ends with a clean close that matches the store;
 * otherwise (the first start after this change, a crash, damage, a recovered store) every record is
 * rebuilt from the stored history, in the background. A chat is also rebuilt alone when the fold
 * asks for it (a message too late to fold exactly).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChatFoldState, ConversationRecord, MetricsMessage } from '../../../shared/metrics/conversation-record';
import { emptyChatState, foldInPlace, rebuildChat } from '../../../shared/metrics/conversations';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import { chatHistory, historyPages } from './history-source';
import type { KeptChat, MetricsFile } from './metrics-file';
import { encodeChatEntry, encodeMessageEntry } from './metrics-line-codec';
import { storeFingerprint } from './store-fingerprint';

const FLUSH_DELAY_MS = 250;
/** Messages per history page while rebuilding: large, so the reading is not in many small calls. */
const HISTORY_PAGE_MESSAGES = 5_000;

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

/**
 * Whether the fold may read a customer message at `at` as a score: a survey went out in the chat's
 * latest conversation, or — for a message that is not newer than every kept one (a late message) —
 * a survey is among the messages the fold keeps. A message newer than all of them can only answer
 * the latest conversation's survey, so the kept messages (cold, for a chat quiet for weeks) are not
 * walked for it.
 */
function surveyAround(state: ChatFoldState, at: number): boolean {
  if (state.awaitingCsatAnswer || (state.latest !== null && state.latest.surveySentAt !== null)) return true;
  if (state.newestAt === null || state.newestAt < at) return false;
  for (const kept of state.tail) if (kept.role === 'survey') return true;
  return false;
}

export class ConversationKeeper {
  private readonly chats = new Map<string, KeptChat>();
  /**
   * What was folded since the last batch, in order: messages (encoded at the flush, they do not
   * change) and entries already encoded (a rebuilt chat, a message with its text).
   */
  private unwritten: (StoredMessage | string)[] = [];
  /** Messages recorded while the records are loaded or rebuilt: folded right after. */
  private waiting: StoredMessage[] | null = [];
  /** Surveys queued but not yet sent, by chat: the conversation they were sent for. */
  private readonly surveysInFlight = new Map<string, { messageId: string; sequence: number }>();
  private flushTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** A write failed: the file misses changes, so the close must not call it clean. */
  private writeFailedOnce = false;
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
    if (loaded.kind === 'loaded' && !recovered && loaded.cleanFingerprint === storeFingerprint(store)) {
      for (const [chatId, chat] of loaded.chats) this.chats.set(chatId, chat);
      for (const entry of loaded.replay) {
        if ('state' in entry) this.chats.set(entry.chatId, { finished: [...entry.finished], state: entry.state });
        else this.fold(entry, false);
      }
    } else {
      if (loaded.kind === 'damaged') log(`metrics records damaged (kept as ${loaded.keptAs}); rebuilding from history`);
      else if (loaded.kind === 'loaded') log('metrics records not closed cleanly; rebuilding from history');
      await this.rebuildEverything();
    }
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const message of waiting) this.record(message);
  }

  /** Reads the whole history in large pages; other work (the chat list, sends) goes on between pages. */
  private async rebuildEverything(): Promise<void> {
    const readPage = historyPages(this.options.store);
    let after: string | null = null;
    do {
      const page = readPage(after, HISTORY_PAGE_MESSAGES);
      for (const chat of page.chats) this.rebuildFrom(chat.chatId, chat.messages, false);
      after = page.next;
      await nextTurn();
      if (this.closed) return;
    } while (after !== null);
    if (!this.options.file) return;
    await this.options.file.rewrite(this.chats).catch((error: unknown) => this.writeFailed(error));
  }

  /** Builds one chat's records from its stored history. */
  rebuildChat(chatId: string): void {
    this.rebuildFrom(chatId, chatHistory(this.options.store, chatId), true);
  }

  private rebuildFrom(chatId: string, history: readonly StoredMessage[], logged: boolean): void {
    const foldable: MetricsMessage[] = [];
    for (const message of history) if (isFoldable(message)) foldable.push(message);
    const { records, state } = rebuildChat(chatId, foldable);
    if (state.latest) records.pop();
    this.chats.set(chatId, { finished: records, state });
    this.chatsRebuilt += 1;
    if (logged && this.options.file) this.unwritten.push(encodeChatEntry({ chatId, finished: records, state }));
  }

  /** Every message the store records or changes goes through here; each is folded once it counts. */
  record(message: StoredMessage): void {
    if (this.closed) return;
    if (this.waiting) {
      this.waiting.push(message);
      return;
    }
    if (message.csatSurvey) this.noteSurvey(message);
    if (isFoldable(message)) this.fold(message, this.options.file !== null);
  }

  /**
   * Folds one message into its chat. `logged`: note it for the next batch. Replaying the file
   * (not logged) meets the same rebuilds as the first time, each followed by the rebuilt chat.
   */
  private fold(message: MetricsMessage, logged: boolean): void {
    const { chatId } = message;
    let kept = this.chats.get(chatId);
    if (!kept) {
      kept = { finished: [], state: emptyChatState(chatId) };
      this.chats.set(chatId, kept);
    }
    const { state } = kept;
    const previous = state.latest;
    const previousSequence = previous?.sequence ?? 0;
    // The fold reads a customer message's text only while a survey may await its answer.
    const withText = logged && message.direction === 'in' && surveyAround(state, message.at);
    if (!foldInPlace(state, message)) return;
    if (logged) this.unwritten.push(withText ? encodeMessageEntry(message, true) : (message as StoredMessage));
    if (state.needsRebuild) return this.rebuildIfLive(chatId, logged);
    if (previous && state.latest && state.latest.sequence !== previousSequence) {
      // More than one conversation began at once (a late refold): take them from history.
      if (state.latest.sequence !== previousSequence + 1) return this.rebuildIfLive(chatId, logged);
      kept.finished.push(previous);
    }
    if (logged) this.scheduleFlush();
  }

  private rebuildIfLive(chatId: string, logged: boolean): void {
    if (!logged && this.options.file) return;
    this.rebuildChat(chatId);
    this.scheduleFlush();
  }

  private noteSurvey(message: StoredMessage): void {
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

  /** Writes what was folded since the last batch as one line; resolves once it is on disk. */
  async flush(): Promise<void> {
    const { file } = this.options;
    if (!file) return;
    const entries: string[] = [];
    for (const item of this.unwritten) entries.push(typeof item === 'string' ? item : encodeMessageEntry(item, false));
    this.unwritten = [];
    try {
      await file.appendBatch(entries);
      if (file.wantsCompaction()) await file.rewrite(this.chats);
    } catch (error) {
      this.writeFailed(error);
    }
  }

  private writeFailed(error: unknown): void {
    // Derived data: without the clean close, the next start rebuilds every record from history.
    this.writeFailedOnce = true;
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
    const { file, store } = this.options;
    if (!file) return;
    await file.flushed().catch(() => undefined);
    if (!this.writeFailedOnce)
      await file.markClean(storeFingerprint(store)).catch((error: unknown) => this.writeFailed(error));
  }
}
