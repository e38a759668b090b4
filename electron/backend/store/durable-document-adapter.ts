/**
 * lowdb adapter for janela.json that survives crashes, power cuts and damaged files.
 * A write goes to janela.json.tmp, is fsynced, the current file becomes janela.json.bak (the last
 * good copy), the temp file is renamed into place and the directory fsynced. Reading validates
 * the document; a damaged one is kept aside and the backup restored, with a notice.
 */
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { Clock } from '../clock';
import { openRowsDocument } from './rows-layout';
import { decodeRowsHead, decodeStoreDocument, encodeStoreDocument, type ContactProblems } from './store-document-codec';
import {
  errorCode,
  isMissing,
  moveAside,
  copyAside,
  readBytesIfExists,
  syncDirectory,
  writeAndSync,
  writeFileDurably,
  type StoreFs,
} from './store-fs';
import type { NoticeSink, StoreData } from './store-types';

export const mainFileName = 'janela.json';

export class DurableDocumentAdapter implements Adapter<StoreData> {
  private readonly file: string;
  private readonly backup: string;
  private readonly temp: string;

  constructor(
    dataDir: string,
    private readonly fs: StoreFs,
    private readonly clock: Clock,
    private readonly notices: NoticeSink,
  ) {
    this.file = path.join(dataDir, mainFileName);
    this.backup = `${this.file}.bak`;
    this.temp = `${this.file}.tmp`;
  }

  async read(): Promise<StoreData | null> {
    // The fast way reads the head only; anything it does not accept is read whole, which says why.
    const opened = openRowsDocument(this.file);
    const fast = opened && decodeRowsHead(opened.head, opened.source, this.contactProblems);
    if (fast?.ok) return fast.data;
    const bytes = await readBytesIfExists(this.fs, this.file);
    if (bytes === null) return this.readWithoutMainFile();
    const decoded = this.decode(bytes);
    if (decoded.ok) return decoded.data;
    const kept = await moveAside(this.fs, this.file, this.clock.now());
    const restored = await this.restoreBackup();
    this.report(
      restored
        ? `${mainFileName} could not be read (${decoded.problem}); kept it as ${kept} and restored ${mainFileName}.bak`
        : `${mainFileName} could not be read (${decoded.problem}); kept it as ${kept}; no good copy was found, so the store started empty`,
    );
    return restored;
  }

  async write(data: StoreData): Promise<void> {
    const content = await encodeStoreDocument(data);
    try {
      await writeAndSync(this.fs, this.temp, content);
    } catch (error) {
      await this.fs.unlink(this.temp).catch(() => undefined);
      throw error;
    }
    try {
      await this.fs.rename(this.file, this.backup);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    // Between the two renames janela.json is missing: read() then takes the complete temp file.
    await this.fs.rename(this.temp, this.file);
    await syncDirectory(this.fs, path.dirname(this.file));
  }

  /** No janela.json: first start, or a crash between the two renames of a write. */
  private async readWithoutMainFile(): Promise<StoreData | null> {
    const pending = await readBytesIfExists(this.fs, this.temp);
    if (pending !== null) {
      const decoded = this.decode(pending);
      if (decoded.ok) {
        await this.fs.rename(this.temp, this.file);
        await syncDirectory(this.fs, path.dirname(this.file));
        return decoded.data;
      }
      // A temp file cut short by a crash was never the store's content.
      await this.fs.unlink(this.temp);
    }
    if ((await readBytesIfExists(this.fs, this.backup)) === null) return null;
    const restored = await this.restoreBackup();
    this.report(
      restored
        ? `${mainFileName} was missing; restored ${mainFileName}.bak`
        : `${mainFileName} was missing and ${mainFileName}.bak could not be read; the store started empty`,
    );
    return restored;
  }

  private async restoreBackup(): Promise<StoreData | null> {
    const bytes = await readBytesIfExists(this.fs, this.backup);
    if (bytes === null) return null;
    const decoded = this.decode(bytes);
    if (!decoded.ok) {
      // Keep it, but out of the way so that the next write does not rotate it over a good copy.
      await moveAside(this.fs, this.backup, this.clock.now());
      return null;
    }
    await writeFileDurably(this.fs, this.file, bytes);
    return decoded.data;
  }

  private decode(bytes: Buffer) {
    return decodeStoreDocument(bytes, this.contactProblems);
  }

  /** Found while contacts are read after opening (lazy-contacts.ts). */
  private readonly contactProblems: ContactProblems = {
    onUnreadable: () => this.report(`a contact in ${mainFileName} could not be read and was left out`),
    // Never throws: the store keeps running on what it has, and the person is told.
    onDamaged: async () => {
      const kept = await copyAside(this.fs, this.file, this.clock.now()).then(
        (name) => `kept a copy as ${name}`,
        (error: unknown) => `could not keep a copy (${errorCode(error)})`,
      );
      const backup = await readBytesIfExists(this.fs, this.backup).catch(() => null);
      const decoded = backup && decodeStoreDocument(backup);
      this.report(
        decoded?.ok
          ? `the contacts in ${mainFileName} were damaged; ${kept} and took them from ${mainFileName}.bak`
          : `the contacts in ${mainFileName} were damaged; ${kept}; no good copy was found, so the contacts that still read were kept`,
      );
      return decoded?.ok ? { ...decoded.data.contacts } : null;
    },
  };

  private report(detail: string): void {
    this.notices.push({ kind: 'store-recovered', detail });
  }
}

export function describeWriteError(file: string, error: unknown): string {
  return `could not save ${file} (${errorCode(error)}); the data is kept in memory and saving is retried`;
}
