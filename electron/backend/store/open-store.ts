/**
 * Janela's durable local store: lowdb over a crash-safe adapter for the main document
 * (janela.json: settings, contacts, labels, quick replies, outbox, sync, and each domain's
 * collections: automations, bookings, orders, attention…) and an append-only
 * message history (journal + one file per chat). Writes are batched: a burst of messages costs
 * one fsynced journal append per batch, which carries the batch's messages and the contacts they
 * changed. janela.json is rewritten whole only at checkpoints (the journal grew past its limit,
 * the store closes, a contact was removed), so its 2 MB never stand between a message and disk.
 */
import { Low } from 'lowdb';
import type { Clock } from '../clock';
import { DurableDocumentAdapter, mainFileName } from './durable-document-adapter';
import { listSegments, pruneSegments, segmentFile } from './journal-segments';
import { lazyContactsOf, type ContactTimesTable, type LazyContacts } from './lazy-contacts';
import { MessageHistory } from './message-history';
import { NewerVersionFound, StoreTooNewError } from './migrations';
import { applyChanges } from './rebuild-from-history';
import { Recovery } from './recovery';
import { indexedTimes } from './rows-layout';
import { decodeChanges, encodeChanges, encodeRest, type DocumentChanges } from './store-document-codec';
import { ensurePrivateDir, errorCode, nodeStoreFs, privateDirMode, type StoreFs } from './store-fs';
import {
  storeSchemaVersion,
  type JanelaStore,
  type NoticeSink,
  type StoreData,
  type StoredContact,
  type StoreNotice,
} from './store-types';
import { writeFailureCause } from './write-failure-cause';

export interface OpenStoreOptions {
  dataDir: string;
  clock: Clock;
  defaults: () => StoreData;
  /** How long changes wait to be written together; at most 1 s. */
  flushDelayMs?: number;
  /** File operations used for writing; tests inject failures here. */
  fs?: StoreFs;
  /** Journal size that triggers a checkpoint (bounds the replay after a crash). */
  journalLimitBytes?: number;
  /** Conversations kept in memory. */
  cachedChats?: number;
}

export class StoreWriteError extends Error {
  constructor(
    readonly notice: StoreNotice,
    technical: string,
    options: { cause: unknown },
  ) {
    super(`Could not save Janela's data: ${technical}`, options);
    this.name = 'StoreWriteError';
  }
}

const defaultFlushDelayMs = 250;
const maxFlushDelayMs = 1000;
const retryDelayMs = 2000;
/** The journal size that triggers a checkpoint in use; the store bench amortises one checkpoint over it. */
export const defaultJournalLimitBytes = 4 * 1024 * 1024;

interface WriteFailure {
  file: string;
  error: unknown;
}

export async function openStore(options: OpenStoreOptions): Promise<JanelaStore> {
  const defaults = options.defaults();
  try {
    return await openStoreFiles(options, defaults);
  } catch (error) {
    if (error instanceof NewerVersionFound)
      throw new StoreTooNewError(error.version, storeSchemaVersion, defaults.settings.language);
    throw error;
  }
}

async function openStoreFiles(options: OpenStoreOptions, defaults: StoreData): Promise<JanelaStore> {
  const fs = options.fs ?? nodeStoreFs;
  await fs.mkdir(options.dataDir, { recursive: true, mode: privateDirMode });
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
  const adapter = new DurableDocumentAdapter(options.dataDir, fs, options.clock, notices);
  const db = new Low<StoreData>(adapter, defaults);
  await db.read();
  const { history, changes } = await MessageHistory.open<DocumentChanges>(
    {
      dataDir: options.dataDir,
      fs,
      clock: options.clock,
      notices,
      ...(options.cachedChats === undefined ? {} : { cachedChats: options.cachedChats }),
    },
    decodeChanges,
  );
  await ensurePrivateDir(fs, options.dataDir);
  const segments = await listSegments(fs, history.historyDir);
  const recovery = new Recovery(fs, history);
  adapter.completeContacts = (base) => recovery.completeContacts(base);
  const outcome = adapter.outcome;
  const rebuild =
    outcome.kind === 'restored' ||
    (outcome.kind === 'missing' && (segments.length > 0 || (await hasChats(fs, history))));
  let recovered: Awaited<ReturnType<Recovery['complete']>> | null = null;
  if (rebuild) {
    const base = outcome.kind === 'restored' && outcome.from === 'backup' ? adapter.coverage : null;
    recovered = await recovery.complete(
      db.data,
      base,
      changes,
      outcome.kind === 'restored' && outcome.from === 'backup',
    );
  } else {
    // After a crash: what the journal holds after janela.json's last full write.
    applyChanges(db.data, changes);
  }
  const delay = Math.min(Math.max(options.flushDelayMs ?? defaultFlushDelayMs, 0), maxFlushDelayMs);
  const store = new BatchedStore(db, adapter, history, loadNotices, {
    flushDelayMs: delay,
    journalLimitBytes: options.journalLimitBytes ?? defaultJournalLimitBytes,
    segment: Math.max(adapter.coverage ?? 0, segments.at(-1) ?? 0) + 1,
  });
  if (recovered) {
    const detail =
      outcome.kind === 'restored' ? outcome.detail : `${mainFileName} and ${mainFileName}.bak were missing`;
    loadNotices.unshift({ kind: 'store-recovered', detail: `${detail}; ${recovered.detail}`, ...recovered.parts });
  }
  // Started first: a checkpoint waits for every contact to be read, from memory, not row by row.
  store.startLoadingContacts();
  // A first start writes the defaults, so that the file exists; a journal left by a crash, a
  // recovery or a migration is folded into janela.json and the chat files, then set aside
  // (damage found there is a load notice).
  if (outcome.kind !== 'read' || history.journalBytes > 0 || adapter.migratedFrom !== null)
    await store.checkpointAtOpen();
  afterLoad = (notice) => store.tell(notice);
  return store;
}

async function hasChats(fs: StoreFs, history: MessageHistory): Promise<boolean> {
  return (await fs.readdir(history.chatsDir).catch(() => [])).some((name) => name.endsWith('.jsonl'));
}

class BatchedStore implements JanelaStore {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writes: Promise<void> = Promise.resolve();
  /** update() ran since the last batch: look for changes. */
  private mainDirty = false;
  /** Contacts assigned or removed by update() since the last batch. */
  private touched = new Set<string>();
  /** update() replaced the contacts object itself: janela.json is rewritten whole. */
  private contactsReplaced = false;
  /** janela.json must be rewritten whole at the next batch. */
  private checkpointDue = false;
  /** Everything but the contacts as it is on disk. */
  private savedRest: string;
  /** 'closing' refuses changes while the last batch is written; a failed close reopens. */
  private state: 'open' | 'closing' | 'closed' = 'open';
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  /** Contacts still partly unread (janela.json's rows are parsed lazily), and their loading. */
  private lazy: LazyContacts | null;
  private loading: Promise<void> = Promise.resolve();

  /** The journal segment being written: the next checkpoint sets it aside under this number. */
  private segment: number;

  constructor(
    private readonly db: Low<StoreData>,
    private readonly adapter: DurableDocumentAdapter,
    private readonly history: MessageHistory,
    readonly loadNotices: StoreNotice[],
    private readonly limits: { flushDelayMs: number; journalLimitBytes: number; segment: number },
  ) {
    this.savedRest = encodeRest(db.data);
    this.lazy = lazyContactsOf(db.data.contacts);
    this.segment = limits.segment;
  }

  get data(): StoreData {
    return this.db.data;
  }

  get allContactsLoaded(): boolean {
    return this.lazy === null;
  }

  contactsLoaded(): Promise<void> {
    return this.loading;
  }

  contactTimes(): ContactTimesTable {
    if (this.lazy) return this.lazy.timesTable();
    const { contacts } = this.db.data;
    return { chatIds: Object.keys(contacts), times: new Float64Array(Object.values(contacts).flatMap(indexedTimes)) };
  }

  /** Reads the rows not read yet in the background, then swaps in a plain record. */
  startLoadingContacts(): void {
    const lazy = this.lazy;
    if (!lazy) return;
    this.loading = lazy
      .loadAll(() => this.state === 'closed')
      .then(() => {
        if (!lazy.fullyLoaded) return;
        // Unless update() replaced the record meanwhile, the loaded contacts are the whole record.
        if (this.db.data.contacts === lazy.record) this.db.data.contacts = lazy.loaded;
        this.lazy = null;
        if (lazy.damaged) {
          this.checkpointDue = true;
          this.schedule(this.limits.flushDelayMs);
        }
      });
  }

  update(mutator: (data: StoreData) => void): void {
    this.assertOpen();
    try {
      mutator(this.watched());
    } finally {
      // Even a mutator that threw may have changed something: keep the disk in step with memory.
      this.mainDirty = true;
      this.schedule(this.limits.flushDelayMs);
    }
  }

  appendMessage(message: Parameters<JanelaStore['appendMessage']>[0]): boolean {
    this.assertOpen();
    const added = this.history.append(message);
    if (added) this.schedule(this.limits.flushDelayMs);
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
    if (updated) this.schedule(this.limits.flushDelayMs);
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
      const closing = this.writes.then(async () => {
        const failure = this.checkpointDue || this.history.journalBytes > 0 ? await this.checkpoint() : null;
        if (failure) throw this.writeFailed([failure]);
        await this.history.close();
      });
      this.writes = closing.catch(() => undefined);
      await closing;
    } catch (error) {
      this.state = 'open';
      throw error;
    }
    this.state = 'closed';
    this.clearTimer();
  }

  /** If this fails, the journal still holds everything and the next batch tries again. */
  async checkpointAtOpen(): Promise<void> {
    if (!(await this.checkpoint())) return;
    this.checkpointDue = true;
    this.schedule(this.limits.flushDelayMs);
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  tell(notice: StoreNotice): void {
    for (const listener of this.noticeListeners) listener(notice);
  }

  /**
   * The data as a mutator sees it: the same objects, except that assigning or removing a contact
   * is noted, so that a batch serialises those contacts and not all 10,000.
   */
  private watched(): StoreData {
    const data = this.db.data;
    const original = data.contacts;
    const touched = this.touched;
    const contacts = new Proxy(original, {
      set(target, key, value) {
        if (typeof key === 'string') touched.add(key);
        return Reflect.set(target, key, value);
      },
      deleteProperty(target, key) {
        if (typeof key === 'string') touched.add(key);
        return Reflect.deleteProperty(target, key);
      },
    });
    return new Proxy(data, {
      get: (target, key) => (key === 'contacts' && target.contacts === original ? contacts : Reflect.get(target, key)),
      set: (target, key, value) => {
        if (key === 'contacts') this.contactsReplaced = true;
        return Reflect.set(target, key, value);
      },
    });
  }

  /**
   * One batch: the messages and the main document's changes go to the journal in one fsynced
   * append; a checkpoint follows when one is due.
   */
  private async writeBatch(): Promise<void> {
    const changes = this.mainDirty ? this.collectChanges() : null;
    this.mainDirty = false;
    try {
      await this.history.writeBatch(changes?.line ?? null);
    } catch (error) {
      // Looked for again next time: nothing was marked as saved.
      if (changes) {
        this.mainDirty = true;
        for (const key of changes.keys) this.touched.add(key);
        this.contactsReplaced ||= changes.wholeDocument;
      }
      throw this.writeFailed([{ file: 'history/journal.jsonl', error }]);
    }
    if (changes) {
      this.savedRest = changes.rest;
      // A removed contact, or a new contacts object, cannot be said in a journal line.
      if (changes.wholeDocument) this.checkpointDue = true;
    }
    if (this.checkpointDue || this.history.journalBytes > this.limits.journalLimitBytes) {
      const failure = await this.checkpoint();
      if (failure) throw this.writeFailed([failure]);
    }
  }

  /** The contacts update() touched, those it removed, and everything else if it changed, as one journal line. */
  private collectChanges(): { line: string | null; keys: Set<string>; rest: string; wholeDocument: boolean } {
    const keys = this.touched;
    let wholeDocument = this.contactsReplaced;
    this.touched = new Set();
    this.contactsReplaced = false;
    const { contacts } = this.db.data;
    const changed: [string, StoredContact][] = [];
    const removed: string[] = [];
    if (!wholeDocument) {
      for (const key of keys) {
        const contact = contacts[key];
        if (contact) changed.push([key, contact]);
        else removed.push(key);
      }
    }
    // A removal is in the journal (a restored backup must not bring the contact back) and is
    // followed by a checkpoint, which drops its row from janela.json.
    if (removed.length > 0) wholeDocument = true;
    const rest = encodeRest(this.db.data);
    const restChanged = rest !== this.savedRest;
    const line =
      changed.length > 0 || removed.length > 0 || restChanged
        ? encodeChanges(changed, removed, restChanged ? rest : null)
        : null;
    return { line, keys, rest, wholeDocument };
  }

  /**
   * janela.json rewritten whole (it then holds every change the journal carries), then the chat
   * files brought up to date and the journal emptied. Returns what failed, if anything.
   */
  private async checkpoint(): Promise<WriteFailure | null> {
    // Every row is read before janela.json is rewritten; the background loading is nearly done.
    await this.loading;
    this.adapter.writeCoverage = this.segment;
    try {
      await this.db.write();
    } catch (error) {
      return { file: mainFileName, error };
    }
    this.checkpointDue = false;
    try {
      await this.history.checkpoint(segmentFile(this.history.historyDir, this.segment));
    } catch (error) {
      return { file: 'history/chats', error };
    }
    this.segment++;
    // The backup now includes the segments up to its own coverage: those are no longer needed.
    const covered = this.adapter.backupCoverage;
    if (covered !== null) await pruneSegments(this.adapter.fs, this.history.historyDir, covered);
    return null;
  }

  /** Tells the listeners and builds the error for the caller; the data stays in memory. */
  private writeFailed(failures: WriteFailure[]): StoreWriteError {
    const files = failures.map(({ file, error }) => `${file} (${errorCode(error)})`).join(', ');
    // The person sees the files and a remedy for the cause; the error codes stay in the technical message.
    const notice: StoreNotice = {
      kind: 'store-write-failed',
      cause: writeFailureCause(failures[0]?.error, process.platform),
      detail: failures.map(({ file }) => file).join(', '),
      technical: `could not save ${files}`,
    };
    for (const listener of this.noticeListeners) listener(notice);
    if (this.state === 'open') this.schedule(retryDelayMs);
    const technical = `could not save ${files}; the changes are kept in memory and saving is retried`;
    return new StoreWriteError(notice, technical, { cause: failures[0]?.error });
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
