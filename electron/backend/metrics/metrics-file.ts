/**
 * Where the conversation records live: `metrics.jsonl` in the data folder, next to janela.json but
 * not in it. janela.json's head is rewritten at every checkpoint and read before the chat list
 * shows; 10,000 customers with a few conversations each are tens of thousands of records (several
 * MB), which would slow both. Records only grow at the end, so an append-only file fits: a
 * snapshot line with every chat, then one batch line per flush with the messages folded since
 * (`metrics-line-codec.ts`); loading folds them again. Only the snapshot and the clean close are
 * synced: the file is trusted only when it ends with a clean close. When the file is three times the size of its snapshot, it is
 * rewritten as a new snapshot, durably (temp file, rename).
 *
 * A clean close ends the file with a line naming the store's state then; anything else (a crash, a
 * torn line, a failed write) leaves the file untrusted and the records are rebuilt from history.
 * The file is derived data: missing, old or damaged, it costs a rebuild, never a figure.
 */
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChatFoldState, ConversationRecord, MetricsMessage } from '../../../shared/metrics/conversation-record';
import { moveAside, openPrivate, readIfExists, writeFileDurably, type StoreFs } from '../store/store-fs';
import {
  DamagedLine,
  decodeLine,
  encodeBatch,
  encodeClean,
  encodeSnapshot,
  type ChatEntry,
} from './metrics-line-codec';

export const metricsFileName = 'metrics.jsonl';
/** Version 1 kept one JSON object per chat and message; such a file is set aside and rebuilt once. */
const header = `${JSON.stringify({ janelaMetrics: 2 })}\n`;
/** Below this, rewriting would cost more often than the bytes it saves. */
const COMPACTION_FLOOR_BYTES = 64 * 1024;

export interface KeptChat {
  /** Every conversation before `state.latest`, oldest first. */
  finished: ConversationRecord[];
  state: ChatFoldState;
}

export type LoadResult =
  /**
   * The snapshot's chats, and what the batches after it hold, to fold again in order.
   * `cleanFingerprint` is null unless the file ends with a clean close (then it can be trusted).
   */
  | {
      kind: 'loaded';
      chats: Map<string, KeptChat>;
      replay: (ChatEntry | MetricsMessage)[];
      cleanFingerprint: string | null;
    }
  | { kind: 'missing' }
  | { kind: 'damaged'; keptAs: string };

export class MetricsFile {
  private readonly file: string;
  private fileBytes = 0;
  private snapshotBytes = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly fs: StoreFs,
    dataDir: string,
    private readonly now: () => number,
  ) {
    this.file = path.join(dataDir, metricsFileName);
  }

  async load(): Promise<LoadResult> {
    const text = await readIfExists(this.fs, this.file);
    if (text === null) return { kind: 'missing' };
    if (!text.startsWith(header)) return this.damaged();
    const lines = text.slice(header.length).split('\n');
    // Written whole lines end with a newline: anything after the last one is a torn write.
    lines.pop();
    const chats = new Map<string, KeptChat>();
    const replay: (ChatEntry | MetricsMessage)[] = [];
    let cleanFingerprint: string | null = null;
    try {
      for (let index = 0; index < lines.length; index++) {
        const line = decodeLine(lines[index] ?? '');
        // A line whose checksum fails is torn: only the last may be (a crash while appending).
        if (!line) {
          if (index === lines.length - 1) break;
          return await this.damaged();
        }
        cleanFingerprint = line.kind === 'clean' ? line.fingerprint : null;
        if (line.kind === 'snapshot') {
          if (index !== 0) return await this.damaged();
          for (const chat of line.chats) chats.set(chat.chatId, { finished: [...chat.finished], state: chat.state });
        } else if (line.kind === 'batch') {
          if (index === 0) return await this.damaged();
          for (const entry of line.entries) replay.push(entry);
        }
        // Tens of MB for a big shop: read in slices so the app stays responsive meanwhile.
        if (index % 20 === 19) await nextTurn();
      }
    } catch (error) {
      if (error instanceof DamagedLine) return this.damaged();
      throw error;
    }
    this.fileBytes = Buffer.byteLength(text);
    this.snapshotBytes = header.length + Buffer.byteLength(`${lines[0] ?? ''}\n`);
    return { kind: 'loaded', chats, replay, cleanFingerprint };
  }

  /**
   * Appends what changed since the previous batch, as one line. Not synced: after a crash the file
   * is not trusted anyway (no clean close), so a batch's sync would buy nothing.
   */
  appendBatch(entries: readonly string[]): Promise<void> {
    if (entries.length === 0) return this.writing;
    return this.append(encodeBatch(entries), false);
  }

  /** Ends the file with the store's state at a clean close, synced with every batch before it. */
  markClean(fingerprint: string): Promise<void> {
    return this.append(encodeClean(fingerprint), true);
  }

  private append(text: string, sync: boolean): Promise<void> {
    this.writing = this.writing.then(async () => {
      const handle = await openPrivate(this.fs, this.file, 'a');
      try {
        await handle.writeFile(text);
        if (sync) await handle.datasync();
      } finally {
        await handle.close();
      }
      this.fileBytes += Buffer.byteLength(text);
    });
    return this.writing;
  }

  /** Whether the file carries three times what one snapshot would: time to rewrite it. */
  wantsCompaction(): boolean {
    return this.fileBytes > COMPACTION_FLOOR_BYTES && this.fileBytes > 3 * Math.max(this.snapshotBytes, 1);
  }

  /** Replaces the file with one snapshot line of every chat, durably. */
  rewrite(chats: ReadonlyMap<string, KeptChat>): Promise<void> {
    const entries: ChatEntry[] = [];
    for (const [chatId, chat] of chats) entries.push({ chatId, finished: chat.finished, state: chat.state });
    // Encoded now, before the next message changes these records in place.
    const text = header + encodeSnapshot(entries);
    this.writing = this.writing.then(async () => {
      await writeFileDurably(this.fs, this.file, text);
      this.fileBytes = Buffer.byteLength(text);
      this.snapshotBytes = this.fileBytes;
    });
    return this.writing;
  }

  flushed(): Promise<void> {
    return this.writing;
  }

  private async damaged(): Promise<LoadResult> {
    return { kind: 'damaged', keptAs: await moveAside(this.fs, this.file, this.now()) };
  }
}
