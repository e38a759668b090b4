/**
 * Recovery loses nothing a file on disk still holds. A restored backup is completed by the
 * journal segments written since it (journal-segments.ts); when those cannot prove it complete
 * (a segment lost, or no backup at all), every chat file is folded in too
 * (rebuild-from-history.ts). The person is told what came back and what could not.
 */
import type { InboundRuleSettings } from '../chats/inbound-rule';
import type { RecoveryPart } from '../../../shared/domain';
import { readSegmentChanges } from './journal-segments';
import type { MessageHistory } from './message-history';
import { applyChanges, foldHistory } from './rebuild-from-history';
import { decodeChanges, type DocumentChanges } from './store-document-codec';
import type { StoreFs } from './store-fs';
import type { StoreData, StoredContact } from './store-types';

export interface RecoveryResult {
  /** For the log: counts and file names only. */
  detail: string;
  parts: { restored: RecoveryPart[]; lost: RecoveryPart[] };
}

export class Recovery {
  constructor(
    private readonly fs: StoreFs,
    private readonly history: MessageHistory,
  ) {}

  /**
   * Completes `data` (the restored backup, or the defaults when no good copy was found) with the
   * segments after `coverage`, the current journal's `changes` and, unless the segments prove
   * the backup complete, the history files.
   */
  async complete(
    data: StoreData,
    coverage: number | null,
    journalChanges: readonly DocumentChanges[],
    fromBackup: boolean,
  ): Promise<RecoveryResult> {
    const older = await readSegmentChanges(
      this.fs,
      this.history.historyDir,
      fromBackup ? coverage : null,
      decodeChanges,
    );
    const restFound = applyChanges(data, [...older.changes, ...journalChanges]);
    const complete = fromBackup && coverage !== null && older.complete;
    const rebuilt = complete ? 0 : await this.fold(data.contacts, data.settings);
    const detail = `replayed ${older.changes.length} change(s) from the journal segments${
      older.damagedLines > 0 ? ` (${older.damagedLines} damaged line(s) skipped)` : ''
    }${complete ? '' : `; ${rebuilt} contact(s) rebuilt or brought up to date from history/chats`}`;
    return { detail, parts: this.parts(complete, fromBackup, restFound, Object.keys(data.contacts).length > 0) };
  }

  /** For a contacts part found damaged after opening: the backup's contacts, completed the same way. */
  async completeContacts(base: { contacts: Record<string, StoredContact>; coverage: number | null } | null) {
    const contacts = base?.contacts ?? {};
    const older = await readSegmentChanges(this.fs, this.history.historyDir, base?.coverage ?? null, decodeChanges);
    for (const change of older.changes) {
      Object.assign(contacts, change.contacts);
      for (const key of change.removed) Reflect.deleteProperty(contacts, key);
    }
    const complete = base !== null && base.coverage !== null && older.complete;
    // The settings are not part of what is being recovered here: a reaction never renews the window then.
    if (!complete) await this.fold(contacts, { reactionsRenewWindow: false });
    const { restored, lost } = this.parts(complete, base !== null, true, Object.keys(contacts).length > 0);
    return { contacts, restored, lost };
  }

  private fold(contacts: Record<string, StoredContact>, settings: InboundRuleSettings): Promise<number> {
    return foldHistory(this.fs, this.history.chatsDir, contacts, this.history.journaledMessages(), settings);
  }

  private parts(complete: boolean, fromBackup: boolean, restFound: boolean, anyContact: boolean) {
    if (complete) return { restored: ['everything'], lost: [] } satisfies RecoveryResult['parts'];
    if (fromBackup)
      return { restored: ['chats', 'settings'], lost: ['recent-changes'] } satisfies RecoveryResult['parts'];
    const restored: RecoveryPart[] = [
      ...(anyContact ? (['chats'] as const) : []),
      ...(restFound ? (['settings'] as const) : []),
    ];
    const lost: RecoveryPart[] = ['contact-details', ...(restFound ? [] : (['settings'] as const))];
    return { restored, lost };
  }
}
