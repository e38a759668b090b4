/**
 * history/journal.jsonl: every message version is appended here and fsynced once per batch.
 * That fsync is the durability point; per-chat files are brought up to date at checkpoints,
 * after which the journal is set aside as a segment (journal-segments.ts) and a new one begun.
 * One append and one fsync per batch, whatever its size.
 */
import { isMissing, openPrivate, renameWithRetry, writeAndSync, type StoreFileHandle, type StoreFs } from './store-fs';

export class HistoryJournal {
  private handle: StoreFileHandle | null = null;

  constructor(
    private readonly fs: StoreFs,
    readonly file: string,
    /** Bytes known to be whole lines on disk. */
    private length: number,
  ) {}

  get byteLength(): number {
    return this.length;
  }

  async append(text: string): Promise<void> {
    const handle = await this.open();
    try {
      await handle.writeFile(text);
      // Only ever appended to: its size is all the metadata a reader needs.
      await handle.datasync();
      this.length += Buffer.byteLength(text);
    } catch (error) {
      // Best effort: cut a partial append back. Even if this fails, the next append starts on a
      // new line, so only the unconfirmed batch is lost (and retried from memory).
      await handle.truncate(this.length).catch(() => undefined);
      await this.close();
      throw error;
    }
  }

  /**
   * Once everything in it is durable in the chat files, the journal becomes the segment `to`
   * (kept until the backup includes it) and the next append begins a new one. The caller fsyncs
   * the folder.
   */
  async rotate(to: string): Promise<void> {
    await this.close();
    try {
      await renameWithRetry(this.fs, this.file, to);
    } catch (error) {
      // Nothing was ever appended: the segment is empty, and still written so none is missing.
      if (!isMissing(error)) throw error;
      await writeAndSync(this.fs, to, '');
    }
    this.length = 0;
    // The new journal exists from now on (private, empty), as an emptied one did.
    await this.open();
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
  }

  private async open(): Promise<StoreFileHandle> {
    this.handle ??= await openPrivate(this.fs, this.file, 'a');
    return this.handle;
  }
}
