/**
 * Where the conversation records live: `metrics.jsonl` in the data folder, next to janela.json but
 * not in it. janela.json's head is rewritten at every checkpoint and read before the chat list
 * shows; 10,000 customers with a few conversations each are tens of thousands of records (several
 * MB), which would slow both. Records only grow at the end, so an append-only file fits: each line
 * is one chat's change (its fold state, and the records finished since its previous line, or all
 * its records after a rebuild), appended in batches and fsynced like the store's journal. When the
 * file holds much more than the live records, it is rewritten whole, durably (temp file, rename).
 *
 * The file is derived data: when it is missing (first start after this change) or damaged, the
 * records are rebuilt from the stored history, so damage costs time, never figures.
 */
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import {
  chatFoldStateSchema,
  conversationRecordSchema,
  type ChatFoldState,
  type ConversationRecord,
} from '../../../shared/metrics/conversation-record';
import { moveAside, readIfExists, writeFileDurably, type StoreFs } from '../store/store-fs';

export const metricsFileName = 'metrics.jsonl';
const header = JSON.stringify({ janelaMetrics: 1 });

export const chatLineSchema = z.object({
  chatId: z.string(),
  /** The records finished since this chat's previous line; every finished record when `replace`. */
  finished: z.array(conversationRecordSchema),
  replace: z.boolean(),
  state: chatFoldStateSchema,
  /** The newest customer and shop message times shown to the keeper: a chat whose store times are newer lags. */
  seenInboundAt: z.number().nullable(),
  seenOutboundAt: z.number().nullable(),
});
export type ChatLine = z.infer<typeof chatLineSchema>;

export interface KeptChat {
  finished: ConversationRecord[];
  state: ChatFoldState;
  seenInboundAt: number | null;
  seenOutboundAt: number | null;
}

export type LoadResult =
  { kind: 'loaded'; chats: Map<string, KeptChat> } | { kind: 'missing' } | { kind: 'damaged'; keptAs: string };

export class MetricsFile {
  private readonly file: string;
  private appendedBytes = 0;
  private liveBytes = 0;
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
    const lines = text.split('\n');
    // A crash can leave the last line torn: only that one may be incomplete (it is dropped).
    const torn = lines.pop() !== '';
    if (lines[0] !== header) return this.damaged();
    const chats = new Map<string, KeptChat>();
    for (let index = 1; index < lines.length; index++) {
      const parsed = parseLine(lines[index] ?? '');
      if (!parsed) return this.damaged();
      applyLine(chats, parsed);
      // Tens of MB for a big shop: parsed in slices so the app stays responsive meanwhile.
      if (index % 200 === 0) await nextTurn();
    }
    this.appendedBytes = Buffer.byteLength(text);
    this.liveBytes = this.appendedBytes;
    // Appending after a torn line would join the two: the file is rewritten without it first.
    if (torn) await this.rewrite(chats);
    return { kind: 'loaded', chats };
  }

  /** Appends lines and fsyncs; writes are queued, one at a time. */
  append(lines: readonly ChatLine[]): Promise<void> {
    if (lines.length === 0) return this.writing;
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    this.writing = this.writing.then(async () => {
      if (this.appendedBytes === 0) {
        await writeFileDurably(this.fs, this.file, `${header}\n${text}`);
        this.appendedBytes = Buffer.byteLength(header) + 1 + Buffer.byteLength(text);
        return;
      }
      const handle = await this.fs.open(this.file, 'a');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      this.appendedBytes += Buffer.byteLength(text);
    });
    return this.writing;
  }

  /** Whether the file carries much more than one line per chat would: time to rewrite it. */
  wantsCompaction(): boolean {
    return this.appendedBytes > 1_000_000 && this.appendedBytes > 3 * Math.max(this.liveBytes, 1);
  }

  /** Replaces the file with one line per chat, durably. */
  rewrite(chats: ReadonlyMap<string, KeptChat>): Promise<void> {
    const parts = [`${header}\n`];
    for (const [chatId, chat] of chats) {
      parts.push(`${JSON.stringify({ chatId, ...chat, replace: true } satisfies ChatLine)}\n`);
    }
    const text = parts.join('');
    this.writing = this.writing.then(async () => {
      await writeFileDurably(this.fs, this.file, text);
      this.appendedBytes = Buffer.byteLength(text);
      this.liveBytes = this.appendedBytes;
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

function parseLine(line: string): ChatLine | null {
  try {
    const result = chatLineSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export function applyLine(chats: Map<string, KeptChat>, line: ChatLine): void {
  const previous = chats.get(line.chatId);
  const finished = line.replace || !previous ? [...line.finished] : [...previous.finished, ...line.finished];
  chats.set(line.chatId, {
    finished,
    state: line.state,
    seenInboundAt: line.seenInboundAt,
    seenOutboundAt: line.seenOutboundAt,
  });
}
