/**
 * lowdb adapter for janela.json that survives crashes, power cuts and damaged files.
 * A write goes to janela.json.tmp, is fsynced, the current file becomes janela.json.bak (the last
 * good copy), the temp file is renamed into place and the directory fsynced. Reading validates
 * the document; a damaged one is kept aside and the backup restored. What happened is left in
 * `outcome`: the store completes a restored backup from the journal segments and the history
 * files, and tells the person.
 */
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { RecoveryPart } from '../../../shared/domain';
import type { Clock } from '../clock';
import { openRowsDocument } from './rows-layout';
import {
  decodeRowsHead,
  decodeStoreDocument,
  encodeStoreDocument,
  type ContactProblems,
  type DecodedDocument,
} from './store-document-codec';
import {
  copyAside,
  errorCode,
  isMissing,
  moveAside,
  readBytesIfExists,
  renameWithRetry,
  syncDirectory,
  writeAndSync,
  writeFileDurably,
  type StoreFs,
} from './store-fs';
import type { NoticeSink, StoreData, StoredContact } from './store-types';

export const mainFileName = 'janela.json';

/** How janela.json was read at opening. */
export type MainFileOutcome =
  /** Read as it is (or its complete temp file, after a crash between the two renames). */
  | { kind: 'read' }
  /** Neither janela.json nor its backup exist. */
  | { kind: 'missing' }
  /** Damaged or missing: the backup was restored (`backup`), or no good copy was found. */
  | { kind: 'restored'; from: 'backup' | 'nothing'; detail: string };

/** A damaged contacts part found after opening, completed by the store from what else is on disk. */
export type CompleteContacts = (
  base: { contacts: Record<string, StoredContact>; coverage: number | null } | null,
) => Promise<{ contacts: Record<string, StoredContact>; restored: RecoveryPart[]; lost: RecoveryPart[] }>;

export class DurableDocumentAdapter implements Adapter<StoreData> {
  private readonly file: string;
  private readonly backup: string;
  private readonly temp: string;
  outcome: MainFileOutcome = { kind: 'missing' };
  /** The last journal segment the data read includes (janela.json's, or the restored backup's). */
  coverage: number | null = null;
  /** The schema version the data read was migrated from, if it was older. */
  migratedFrom: number | null = null;
  /** The last journal segment the backup includes, once a write made one. */
  backupCoverage: number | null = null;
  /** The journal segment the next write includes; the store sets it before each checkpoint. */
  writeCoverage = 0;
  /** Set by the store once it can read the journal segments and the history files. */
  completeContacts: CompleteContacts | null = null;

  constructor(
    dataDir: string,
    readonly fs: StoreFs,
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
    if (fast?.ok) return this.accept(fast);
    const bytes = await readBytesIfExists(this.fs, this.file);
    if (bytes === null) return this.readWithoutMainFile();
    const decoded = this.decode(bytes);
    if (decoded.ok) return this.accept(decoded);
    const kept = await moveAside(this.fs, this.file, this.clock.now());
    const restored = await this.restoreBackup();
    this.outcome = {
      kind: 'restored',
      from: restored ? 'backup' : 'nothing',
      detail: `${mainFileName} could not be read (${decoded.problem}); kept it as ${kept}; ${
        restored ? `restored ${mainFileName}.bak` : 'no good copy was found'
      }`,
    };
    return restored;
  }

  async write(data: StoreData): Promise<void> {
    const coverage = this.writeCoverage;
    const content = await encodeStoreDocument(data, coverage);
    try {
      await writeAndSync(this.fs, this.temp, content);
    } catch (error) {
      await this.fs.unlink(this.temp).catch(() => undefined);
      throw error;
    }
    let rotated = true;
    try {
      await renameWithRetry(this.fs, this.file, this.backup);
    } catch (error) {
      if (!isMissing(error)) throw error;
      rotated = false;
    }
    // Between the two renames janela.json is missing: read() then takes the complete temp file.
    await renameWithRetry(this.fs, this.temp, this.file);
    await syncDirectory(this.fs, path.dirname(this.file));
    if (rotated) this.backupCoverage = this.coverage;
    this.coverage = coverage;
  }

  private async accept(decoded: DecodedDocument & { ok: true }): Promise<StoreData> {
    this.outcome = { kind: 'read' };
    this.coverage = decoded.coverage;
    this.migratedFrom = decoded.migratedFrom;
    // The file as the older version wrote it, kept once: the next checkpoint writes the new version.
    if (decoded.migratedFrom !== null) {
      const copy = `${this.file}.v${decoded.migratedFrom}`;
      if ((await readBytesIfExists(this.fs, copy)) === null) await this.fs.copyFile(this.file, copy);
    }
    return decoded.data;
  }

  /** No janela.json: first start, or a crash between the two renames of a write. */
  private async readWithoutMainFile(): Promise<StoreData | null> {
    const pending = await readBytesIfExists(this.fs, this.temp);
    if (pending !== null) {
      const decoded = this.decode(pending);
      if (decoded.ok) {
        await renameWithRetry(this.fs, this.temp, this.file);
        await syncDirectory(this.fs, path.dirname(this.file));
        return this.accept(decoded);
      }
      // A temp file cut short by a crash was never the store's content.
      await this.fs.unlink(this.temp);
    }
    if ((await readBytesIfExists(this.fs, this.backup)) === null) {
      this.outcome = { kind: 'missing' };
      return null;
    }
    const restored = await this.restoreBackup();
    this.outcome = {
      kind: 'restored',
      from: restored ? 'backup' : 'nothing',
      detail: restored
        ? `${mainFileName} was missing; restored ${mainFileName}.bak`
        : `${mainFileName} was missing and ${mainFileName}.bak could not be read`,
    };
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
    this.coverage = decoded.coverage;
    this.migratedFrom = decoded.migratedFrom;
    return decoded.data;
  }

  private decode(bytes: Buffer) {
    return decodeStoreDocument(bytes, this.contactProblems);
  }

  /** Found while contacts are read after opening (lazy-contacts.ts). */
  private readonly contactProblems: ContactProblems = {
    onUnreadable: () =>
      this.notices.push({
        kind: 'store-recovered',
        detail: `a contact in ${mainFileName} could not be read and was left out`,
        restored: [],
        lost: ['some-contacts'],
      }),
    // Never throws: the store keeps running on what it has, and the person is told.
    onDamaged: async () => {
      const kept = await copyAside(this.fs, this.file, this.clock.now()).then(
        (name) => `kept a copy as ${name}`,
        (error: unknown) => `could not keep a copy (${errorCode(error)})`,
      );
      const backup = await readBytesIfExists(this.fs, this.backup).catch(() => null);
      let decoded: DecodedDocument | null = null;
      try {
        decoded = backup && decodeStoreDocument(backup);
      } catch {
        decoded = null;
      }
      const base = decoded?.ok ? { contacts: { ...decoded.data.contacts }, coverage: decoded.coverage } : null;
      const completed = this.completeContacts ? await this.completeContacts(base).catch(() => null) : null;
      const contacts = completed?.contacts ?? base?.contacts ?? null;
      this.notices.push({
        kind: 'store-recovered',
        detail: `the contacts in ${mainFileName} were damaged; ${kept}; ${
          base ? `took them from ${mainFileName}.bak` : 'no good copy was found'
        } and the journal segments and history files`,
        restored: completed?.restored ?? (base ? ['chats'] : []),
        lost: completed?.lost ?? ['recent-changes'],
      });
      return contacts;
    },
  };
}
