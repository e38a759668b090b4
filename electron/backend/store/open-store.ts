/**
 * Janela's durable local store: lowdb over a crash-safe adapter for the main document
 * (janela.json: settings, contacts, labels, quick replies, outbox, sync) and an append-only
 * message history (journal + one file per chat). Writes are batched: a burst of messages costs
 * one journal fsync and one main-document rewrite per batch, not per message.
 */
import { Low } from 'lowdb';
import type { Clock } from '../clock';
import { DurableDocumentAdapter, mainFileName } from './durable-document-adapter';
import { MessageHistory } from './message-history';
import { errorCode, nodeStoreFs, type StoreFs } from './store-fs';
import type { JanelaStore, NoticeSink, StoreData, StoreNotice } from './store-types';

export interface OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  defaults: () => StoreData;
  /** How long changes wait to be written together; at most 1 s. */
  flushDelayMs?: number;
  /** File operations used for writing; tests inject failures here. */
  fs?: StoreFs;
  /** History journal size that triggers a checkpoint into the chat files. */
  journalLimitBytes?: number;
  /** Conversations kept in memory. */
  cachedChats?: number;
}

export class StoreWriteError extends Error {
  constructor(
    readonly notice: StoreNotice,
    options: { cause: unknown },
  ) {
    super(`Could not save Janela's data: ${notice.detail}`, options);
    this.name = 'StoreWriteError';
  }
}

const defaultFlushDelayMs = 250;
const maxFlushDelayMs = 1000;
const retryDelayMs = 2000;

export async function openStore(options: OpenStoreOptions): Promise<JanelaStore> {
  const fs = options.fs ?? nodeStoreFs;
  await fs.mkdir(options.dataDir, { recursive: true });
  const loadNotices: StoreNotice[] = [];
  // Damage found later (a conversation file read for the first time) goes to the listeners too.
  let afterLoad: ((notice: StoreNotice) => void) | null = null;
  const notices: NoticeSink = {
    push(notice) {
      if (afterLoad) afterLoad(notice);
      else loadNotices.push(notice);
    },
  };
  // Not JSONFilePreset: it silently keeps everything in memory when NODE_ENV is 'test'.
  const defaults = options.defaults();
  const db = new Low<StoreData>(new DurableDocumentAdapter(options.dataDir, fs, options.clock, notices), defaults);
  await db.read();
  const found = db.data !== defaults;
  const history = await MessageHistory.open({
    dataDir: options.dataDir,
    fs,
    clock: options.clock,
    notices,
    ...(options.journalLimitBytes === undefined ? {} : { journalLimitBytes: options.journalLimitBytes }),
    ...(options.cachedChats === undefined ? {} : { cachedChats: options.cachedChats }),
  });
  const delay = Math.min(Math.max(options.flushDelayMs ?? defaultFlushDelayMs, 0), maxFlushDelayMs);
  const store = new BatchedStore(db, history, loadNotices, delay);
  afterLoad = (notice) => store.tell(notice);
  // A first start writes the defaults, so the file exists from the first flush on.
  if (!found) store.update(() => undefined);
  return store;
}

class BatchedStore implements JanelaStore {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writes: Promise<void> = Promise.resolve();
  private mainDirty = false;
  /** 'closing' refuses changes while the last batch is written; a failed close reopens. */
  private state: 'open' | 'closing' | 'closed' = 'open';
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();

  constructor(
    private readonly db: Low<StoreData>,
    private readonly history: MessageHistory,
    readonly loadNotices: StoreNotice[],
    private readonly flushDelayMs: number,
  ) {}

  get data(): StoreData {
    return this.db.data;
  }

  update(mutator: (data: StoreData) => void): void {
    this.assertOpen();
    try {
      mutator(this.db.data);
    } finally {
      // Even a mutator that threw may have changed something: keep the disk in step with memory.
      this.mainDirty = true;
      this.schedule(this.flushDelayMs);
    }
  }

  appendMessage(message: Parameters<JanelaStore['appendMessage']>[0]): boolean {
    this.assertOpen();
    const added = this.history.append(message);
    if (added) this.schedule(this.flushDelayMs);
    return added;
  }

  hasMessage(chatId: string, id: string): boolean {
    return this.history.get(chatId, id) !== null;
  }

  getMessage(chatId: string, id: string) {
    return this.history.get(chatId, id);
  }

  updateMessage(...args: Parameters<JanelaStore['updateMessage']>) {
    this.assertOpen();
    const updated = this.history.update(...args);
    if (updated) this.schedule(this.flushDelayMs);
    return updated;
  }

  findMessageByWaId(chatId: string, waId: string) {
    return this.history.getByWaId(chatId, waId);
  }

  readMessages(...args: Parameters<JanelaStore['readMessages']>) {
    return this.history.read(...args);
  }

  flush(): Promise<void> {
    this.clearTimer();
    const run = this.writes.then(() => this.writeBatch());
    this.writes = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closing';
    try {
      await this.flush();
      // In the write chain, so no batch can run while the journal is checkpointed and closed.
      const closing = this.writes.then(() => this.history.close());
      this.writes = closing.catch(() => undefined);
      await closing.catch((error: unknown) => {
        throw this.writeFailed([{ file: 'history/chats', error }]);
      });
    } catch (error) {
      this.state = 'open';
      throw error;
    }
    this.state = 'closed';
    this.clearTimer();
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  tell(notice: StoreNotice): void {
    for (const listener of this.noticeListeners) listener(notice);
  }

  /** One batch: the history journal (message durability), then the main document. */
  private async writeBatch(): Promise<void> {
    const failures: { file: string; error: unknown }[] = [];
    try {
      await this.history.writeBatch();
    } catch (error) {
      failures.push({ file: 'history/journal.jsonl', error });
    }
    if (this.mainDirty) {
      this.mainDirty = false;
      try {
        await this.db.write();
      } catch (error) {
        this.mainDirty = true;
        failures.push({ file: mainFileName, error });
      }
    }
    if (failures.length > 0) throw this.writeFailed(failures);
  }

  /** Tells the listeners and builds the error for the caller; the data stays in memory. */
  private writeFailed(failures: { file: string; error: unknown }[]): StoreWriteError {
    const files = failures.map(({ file, error }) => `${file} (${errorCode(error)})`).join(', ');
    const notice: StoreNotice = {
      kind: 'store-write-failed',
      detail: `could not save ${files}; the changes are kept in memory and saving is retried`,
    };
    for (const listener of this.noticeListeners) listener(notice);
    if (this.state === 'open') this.schedule(retryDelayMs);
    return new StoreWriteError(notice, { cause: failures[0]?.error });
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Failures reach onNotice listeners; the retry is already scheduled.
      this.flush().catch(() => undefined);
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error('The store is closed');
  }
}
