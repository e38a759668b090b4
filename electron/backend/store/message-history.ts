/**
 * Message history: an append-only journal (the durability point, one fsync per batch) plus one
 * append-only JSON Lines file per chat for reading a conversation without touching the others.
 * Nothing here is read at start-up except the journal, which checkpoints keep small, so opening
 * the store does not grow with the number of messages. A chat's file is read on first use.
 * The journal also carries the main document's changes between its full writes (the store's
 * business: they are handed over as read, and appended with the batch's messages).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { ChatId } from '../../../shared/domain';
import { ChatTimeline } from './chat-timeline';
import { HistoryJournal } from './history-journal';
import {
  formatMessageLines,
  markUpdate,
  newestFromTail,
  parseJournalLines,
  parseMessageLines,
  toStoredMessage,
} from './message-lines';
import {
  copyAside,
  ensurePrivateDir,
  errorCode,
  isMissing,
  openPrivate,
  readIfExists,
  syncDirectory,
  writeFileDurably,
  type StoreFs,
} from './store-fs';
import type { NoticeSink, ReadMessagesOptions, StoredMessage } from './store-types';

export interface MessageHistoryOptions {
  dataDir: string;
  fs: StoreFs;
  clock: Clock;
  notices: NoticeSink;
  /** Conversations kept in memory; the least recently used beyond this are dropped. */
  cachedChats?: number;
}

const defaultCachedChats = 2000;
const checkpointConcurrency = 8;
/**
 * The cache may pass its limit by this many chats (or by the limit itself, if smaller) before it
 * is trimmed: chats with unsaved changes cannot be dropped, and walking the whole cache for each
 * new chat during a burst over thousands of chats cost more than reading their files.
 */
const evictionSlack = 256;
/** The newest page of a larger chat file is read from this many bytes at its end. */
const tailBytes = 64 * 1024;

export type MessagePatch = Partial<
  Pick<StoredMessage, 'status' | 'failureReason' | 'waId' | 'media' | 'kind' | 'text'>
>;

export class MessageHistory {
  readonly historyDir: string;
  readonly chatsDir: string;
  private readonly cache = new Map<ChatId, ChatTimeline>();
  /** Versions not yet in the journal, in order. */
  private pending: StoredMessage[] = [];
  /** Versions in the journal but maybe not yet in their chat files, per chat. */
  private readonly journaled = new Map<ChatId, StoredMessage[]>();
  /** Chats whose versions are pending or in flight: never evicted from the cache. */
  private readonly unsettled = new Map<ChatId, number>();
  /**
   * Chat files to rewrite whole at the next checkpoint: damaged, a checkpoint failed midway, or
   * a message arrived older than the newest (the file is rewritten in time order).
   */
  private readonly needsRewrite = new Set<ChatId>();
  private readonly reportedDamage = new Set<ChatId>();
  /** Chats whose files are being appended to right now: a half-written last line there is expected. */
  private readonly checkpointing = new Set<ChatId>();
  /** The cache size above which it is next trimmed. */
  private trimAt = 0;

  private constructor(
    private readonly options: MessageHistoryOptions,
    private readonly journal: HistoryJournal,
  ) {
    this.historyDir = path.join(options.dataDir, 'history');
    this.chatsDir = path.join(this.historyDir, 'chats');
  }

  /**
   * Opens the journal and hands back its `changes` records, each checked by `decodeChange`
   * (null: damaged, counted with the other damaged lines).
   */
  static async open<Change>(
    options: MessageHistoryOptions,
    decodeChange: (record: Record<string, unknown>) => Change | null,
  ): Promise<{ history: MessageHistory; changes: Change[] }> {
    const { fs } = options;
    const historyDir = path.join(options.dataDir, 'history');
    const journalFile = path.join(historyDir, 'journal.jsonl');
    const text = (await readIfExists(fs, journalFile)) ?? '';
    // Decoded before anything is written: a change from a newer Janela refuses the whole folder.
    const parsed = parseJournalLines(text);
    const changes: Change[] = [];
    let damagedLines = parsed.damagedLines;
    for (const record of parsed.changes) {
      const change = decodeChange(record);
      if (change === null) damagedLines++;
      else changes.push(change);
    }
    await ensurePrivateDir(fs, historyDir);
    await ensurePrivateDir(fs, path.join(historyDir, 'chats'));
    const history = new MessageHistory(options, new HistoryJournal(fs, journalFile, Buffer.byteLength(text)));
    if (text.trim() === '') return { history, changes: [] };
    if (damagedLines > 0) {
      const kept = await copyAside(fs, journalFile, options.clock.now());
      history.report(
        `history/journal.jsonl had ${damagedLines} damaged line(s), skipped; kept a copy as ${kept}`,
        'recent-changes',
      );
    }
    // After a crash the journal's versions are merged into the chat files at the next
    // checkpoint, which the store runs once it has applied the journal's changes too.
    for (const message of parsed.messages) history.addJournaled(message);
    for (const chatId of history.journaled.keys()) history.needsRewrite.add(chatId);
    return { history, changes };
  }

  /** The versions in the journal that may not be in their chat files yet. */
  journaledMessages(): StoredMessage[] {
    return [...this.journaled.values()].flat();
  }

  /** Bytes in the journal since the last checkpoint. */
  get journalBytes(): number {
    return this.journal.byteLength;
  }

  append(message: StoredMessage): boolean {
    const checked = toStoredMessage(message);
    if (!checked) throw new Error('appendMessage: not a valid stored message');
    const chat = this.chat(checked.chatId);
    if (chat.get(checked.id)) return false;
    // A copy: the caller's object must not change what is cached without being journaled.
    const copy = { ...checked };
    if (!chat.insert(copy)) this.needsRewrite.add(checked.chatId);
    this.enqueue(copy);
    return true;
  }

  update(chatId: ChatId, id: string, patch: MessagePatch): StoredMessage | null {
    const chat = this.chat(chatId);
    const previous = chat.get(id);
    if (!previous) return null;
    // JSON drops undefined: a patch value of undefined removes the field.
    const merged = Object.fromEntries(
      Object.entries({ ...previous, ...patch }).filter(([, value]) => value !== undefined),
    );
    const checked = toStoredMessage(merged);
    if (!checked) throw new Error('updateMessage: the change makes the message invalid');
    const next = markUpdate(checked);
    chat.replace(previous, next);
    this.enqueue(next);
    return next;
  }

  get(chatId: ChatId, id: string): StoredMessage | null {
    return this.chat(chatId).get(id);
  }

  getByWaId(chatId: ChatId, waId: string): StoredMessage | null {
    return this.chat(chatId).getByWaId(waId);
  }

  read(chatId: ChatId, options: ReadMessagesOptions): { messages: StoredMessage[]; hasMore: boolean } {
    // Opening a long conversation reads its newest page from the end of its file, not all of it.
    if (options.before === undefined && options.beforeId === undefined && !this.cache.has(chatId)) {
      const newest = this.readNewest(chatId, options.limit);
      if (newest) return { messages: newest, hasMore: true };
    }
    return this.chat(chatId).read(options);
  }

  /**
   * Appends everything pending, then `extraLine` (the main document's changes) if any, to the
   * journal in one write, and fsyncs it. On failure the messages stay pending.
   */
  async writeBatch(extraLine: string | null = null): Promise<void> {
    if (this.pending.length === 0 && extraLine === null) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.journal.append(formatMessageLines(batch) + (extraLine === null ? '' : `${extraLine}\n`));
    } catch (error) {
      this.pending = batch.concat(this.pending);
      throw error;
    }
    for (const message of batch) {
      this.addJournaled(message);
      this.settle(message.chatId);
    }
  }

  /**
   * Brings the chat files up to date with the journal, fsyncs them, then sets the journal aside as
   * `segmentFile` and begins a new one. The store calls it only once janela.json holds every
   * change the journal carries.
   */
  async checkpoint(segmentFile: string): Promise<void> {
    if (this.journaled.size === 0) {
      await this.journal.rotate(segmentFile);
      await syncDirectory(this.options.fs, this.historyDir);
      return;
    }
    const chats = [...this.journaled.keys()];
    // Taken now: an out-of-order message arriving during the checkpoint asks for the next one.
    const rewrite = new Set(chats.filter((chatId) => this.needsRewrite.delete(chatId)));
    for (const chatId of chats) this.checkpointing.add(chatId);
    let next = 0;
    const worker = async () => {
      while (next < chats.length) {
        const chatId = chats[next++] as ChatId;
        await this.bringUpToDate(chatId, this.journaled.get(chatId) ?? [], rewrite.has(chatId));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(checkpointConcurrency, chats.length) }, worker));
      await syncDirectory(this.options.fs, this.chatsDir);
      await this.journal.rotate(segmentFile);
      await syncDirectory(this.options.fs, this.historyDir);
    } catch (error) {
      // Some chat files may hold part of the journal: merge them whole next time.
      for (const chatId of chats) this.needsRewrite.add(chatId);
      throw error;
    } finally {
      this.checkpointing.clear();
    }
    for (const chatId of chats) this.journaled.delete(chatId);
  }

  /** Releases the journal; the store checkpoints first. */
  async close(): Promise<void> {
    await this.journal.close();
  }

  private async bringUpToDate(chatId: ChatId, versions: StoredMessage[], rewrite: boolean): Promise<void> {
    const file = this.chatFile(chatId);
    const { fs } = this.options;
    if (!rewrite) {
      const handle = await openPrivate(fs, file, 'a');
      try {
        await handle.writeFile(formatMessageLines(versions));
        // An append: fdatasync keeps the new lines and the size; a new file's name is made
        // durable by the folder's fsync after all of them.
        await handle.datasync();
      } finally {
        await handle.close();
      }
      return;
    }
    const text = (await readIfExists(fs, file)) ?? '';
    const parsed = parseMessageLines(text);
    if (parsed.damagedLines > 0) {
      const kept = await copyAside(fs, file, this.options.clock.now());
      this.reportChatDamage(chatId, parsed.damagedLines, kept);
    }
    // The latest version of each message, in time order, each written as a message of its own.
    const merged = new ChatTimeline([...parsed.messages, ...versions]).all();
    await writeFileDurably(fs, file, formatMessageLines(merged, true).slice(1));
  }

  private chat(chatId: ChatId): ChatTimeline {
    const cached = this.cache.get(chatId);
    if (cached) {
      this.cache.delete(chatId);
      this.cache.set(chatId, cached);
      return cached;
    }
    const loaded = new ChatTimeline([...this.readChatFile(chatId), ...(this.journaled.get(chatId) ?? [])]);
    this.cache.set(chatId, loaded);
    if (this.cache.size > this.trimAt) {
      this.evict(chatId);
      // What could not be dropped (unsaved) is not walked again until the cache grew once more.
      this.trimAt = Math.max(this.cache.size, this.cacheLimit) + Math.min(evictionSlack, this.cacheLimit);
    }
    return loaded;
  }

  /**
   * The newest `limit` messages of a chat whose file is larger than `tailBytes`, from its end
   * alone; null when the whole file is needed (small, damaged, or changes not yet in it).
   */
  private readNewest(chatId: ChatId, limit: number): StoredMessage[] | null {
    if (this.journaled.has(chatId) || this.needsRewrite.has(chatId) || this.checkpointing.has(chatId)) return null;
    let descriptor: number;
    try {
      descriptor = openSync(this.chatFile(chatId), 'r');
    } catch {
      return null;
    }
    try {
      const size = fstatSync(descriptor).size;
      if (size <= tailBytes) return null;
      const tail = Buffer.alloc(tailBytes);
      const read = readSync(descriptor, tail, 0, tailBytes, size - tailBytes);
      return newestFromTail(tail.toString('utf8', 0, read), limit);
    } catch {
      return null;
    } finally {
      closeSync(descriptor);
    }
  }

  private readChatFile(chatId: ChatId): StoredMessage[] {
    let text: string;
    try {
      text = readFileSync(this.chatFile(chatId), 'utf8');
    } catch (error) {
      if (isMissing(error)) return [];
      throw new Error(`could not read a conversation file in history/chats (${errorCode(error)})`);
    }
    const parsed = parseMessageLines(text);
    if (parsed.damagedLines > 0 && !this.checkpointing.has(chatId)) {
      this.needsRewrite.add(chatId);
      this.reportChatDamage(chatId, parsed.damagedLines, null);
      // The repair (copy aside, rewrite) happens at the next checkpoint, with the other writes.
      if (!this.journaled.has(chatId)) this.journaled.set(chatId, []);
    }
    return parsed.messages;
  }

  private get cacheLimit(): number {
    return Math.max(1, this.options.cachedChats ?? defaultCachedChats);
  }

  /** Drops the least recently used chats with nothing unsaved, down to the limit; never `keep`. */
  private evict(keep: ChatId): void {
    for (const chatId of this.cache.keys()) {
      if (this.cache.size <= this.cacheLimit) break;
      if (chatId !== keep && !this.unsettled.has(chatId)) this.cache.delete(chatId);
    }
  }

  private enqueue(message: StoredMessage): void {
    this.pending.push(message);
    this.unsettled.set(message.chatId, (this.unsettled.get(message.chatId) ?? 0) + 1);
  }

  private settle(chatId: ChatId): void {
    const left = (this.unsettled.get(chatId) ?? 1) - 1;
    if (left > 0) this.unsettled.set(chatId, left);
    else this.unsettled.delete(chatId);
  }

  private addJournaled(message: StoredMessage): void {
    const versions = this.journaled.get(message.chatId);
    if (versions) versions.push(message);
    else this.journaled.set(message.chatId, [message]);
  }

  private reportChatDamage(chatId: ChatId, lines: number, kept: string | null): void {
    if (this.reportedDamage.has(chatId)) return;
    this.reportedDamage.add(chatId);
    // Chat file names hold phone numbers: the notice names only the folder.
    this.report(
      kept === null
        ? `a conversation file in history/chats had ${lines} damaged line(s), skipped; it is repaired on the next save`
        : `a conversation file in history/chats had ${lines} damaged line(s), skipped; a copy was kept beside it (.corrupt-*)`,
      'messages',
    );
  }

  private report(detail: string, lost: 'recent-changes' | 'messages'): void {
    this.options.notices.push({ kind: 'store-recovered', detail, restored: [], lost: [lost] });
  }

  private chatFile(chatId: ChatId): string {
    return path.join(this.chatsDir, `${chatId.replace(/[^0-9A-Za-z.-]/g, '_')}.jsonl`);
  }
}
