/**
 * history/journal.jsonl: every message version is appended here and fsynced once per batch.
 * That fsync is the durability point; per-chat files are brought up to date at checkpoints,
 * after which the journal is emptied. One append and one fsync per batch, whatever its size.
 */
import type { StoreFileHandle, StoreFs } from './store-fs';

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
      await handle.sync();
      this.length += Buffer.byteLength(text);
    } catch (error) {
      // Best effort: cut a partial append back. Even if this fails, the next append starts on a
      // new line, so only the unconfirmed batch is lost (and retried from memory).
      await handle.truncate(this.length).catch(() => undefined);
      await this.close();
      throw error;
    }
  }

  /** Empties the journal once everything in it is durable in the chat files. */
  async reset(): Promise<void> {
    const handle = await this.open();
    try {
      await handle.truncate(0);
      await handle.sync();
      this.length = 0;
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
  }

  private async open(): Promise<StoreFileHandle> {
    this.handle ??= await this.fs.open(this.file, 'a');
    return this.handle;
  }
}
