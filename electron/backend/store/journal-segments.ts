/**
 * Journal segments: at each checkpoint the journal is not emptied but kept as
 * `history/journal-<n>.jsonl`, and janela.json records the last segment it includes. The backup
 * (janela.json.bak, one checkpoint older) is thus always completed by the segments after its own:
 * restoring it loses nothing. Segments the backup already includes are deleted, so two are kept.
 */
import path from 'node:path';
import { errorCode, isMissing, readIfExists, type StoreFs } from './store-fs';
import { parseJournalLines } from './message-lines';

const segmentPattern = /^journal-(\d{1,9})\.jsonl$/;

export function segmentFile(historyDir: string, segment: number): string {
  return path.join(historyDir, `journal-${segment}.jsonl`);
}

/** The numbers of the segments on disk, in order. */
export async function listSegments(fs: StoreFs, historyDir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(historyDir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return names
    .map((name) => segmentPattern.exec(name)?.[1])
    .filter((number): number is string => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export interface SegmentChanges<Change> {
  changes: Change[];
  /** Every segment after `after` up to the newest is there (none was lost). */
  complete: boolean;
  damagedLines: number;
}

/**
 * The `changes` records of the segments after `after` (all of them when null), oldest first.
 * Their messages are already in the chat files: a segment is kept only after its checkpoint.
 */
export async function readSegmentChanges<Change>(
  fs: StoreFs,
  historyDir: string,
  after: number | null,
  decodeChange: (record: Record<string, unknown>) => Change | null,
): Promise<SegmentChanges<Change>> {
  const segments = (await listSegments(fs, historyDir)).filter((segment) => after === null || segment > after);
  const result: SegmentChanges<Change> = { changes: [], complete: after !== null, damagedLines: 0 };
  segments.forEach((segment, index) => {
    if (segment !== (after ?? 0) + index + 1) result.complete = false;
  });
  for (const segment of segments) {
    const text = await readIfExists(fs, segmentFile(historyDir, segment)).catch((error: unknown) => {
      result.damagedLines++;
      result.complete = false;
      return errorCode(error) && null;
    });
    if (text === null) continue;
    const parsed = parseJournalLines(text);
    result.damagedLines += parsed.damagedLines;
    for (const record of parsed.changes) {
      const change = decodeChange(record);
      if (change === null) result.damagedLines++;
      else result.changes.push(change);
    }
  }
  if (result.damagedLines > 0) result.complete = false;
  return result;
}

/** Deletes the segments up to `covered`, which the backup now includes. */
export async function pruneSegments(fs: StoreFs, historyDir: string, covered: number): Promise<void> {
  for (const segment of await listSegments(fs, historyDir)) {
    if (segment <= covered) await fs.unlink(segmentFile(historyDir, segment)).catch(() => undefined);
  }
}
