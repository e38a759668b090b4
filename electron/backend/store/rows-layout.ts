/**
 * janela.json's layout, so that opening the store reads little: three parts, each checksummed.
 *
 *   1. a frame line (JSON): the number of contacts, and the sizes and checksums of the two parts
 *      after it;
 *   2. the head: each contact's window times and row offset, as little-endian binary numbers
 *      (40,000 numbers parsed from text would cost what this layout saves), then one JSON line
 *      with everything but the contacts, and the contacts' keys;
 *   3. one contact row per line, `[key, ...columns]`, as the journal writes them.
 *
 * Opening reads the frame and the head only. Rows are read when a contact is first needed, and
 * all of them in the background soon after (lazy-contacts.ts), where their checksum is checked.
 */
import { closeSync, fstatSync, openSync, read, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';

const framePrefix = '{"format":"janela-store","layout":"rows",';
const newline = 0x0a;
/** The frame line is short; more than this is not a frame. */
const frameReadBytes = 512;
const crcSliceBytes = 256 * 1024;

/** A contact as the head indexes it and the rows part holds it. */
export interface RowContact {
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  lastMessage: { at: number } | null;
}

/** A contact's three window times as the head's index holds them, NaN for none. */
export function indexedTimes(contact: RowContact): [number, number, number] {
  return [contact.lastInboundAt ?? NaN, contact.lastOutboundAt ?? NaN, contact.lastMessage?.at ?? NaN];
}

/**
 * The file as chunks to write: frame, head (`headJson` plus the contacts' index), then the rows
 * in slices of `rowsPerSlice`, each serialised on its own with a yield between them, so that
 * neither serialising nor writing 2 MB blocks the event loop.
 */
export async function encodeRowsDocument<C extends RowContact>(
  headJson: string,
  contacts: Readonly<Record<string, C>>,
  rowOf: (key: string, contact: C) => string,
  rowsPerSlice: number,
): Promise<(string | Buffer)[]> {
  const keys: string[] = [];
  const times: number[] = [];
  const offsets: number[] = [];
  const slices: string[] = [];
  let rows: string[] = [];
  let rowsBytes = 0;
  let rowsChecksum = 0;
  const endSlice = () => {
    const slice = `${rows.join('\n')}\n`;
    rowsChecksum = crc32(slice, rowsChecksum);
    slices.push(slice);
    rows = [];
  };
  for (const key in contacts) {
    const contact = contacts[key] as C;
    const row = rowOf(key, contact);
    keys.push(key);
    times.push(...indexedTimes(contact));
    offsets.push(rowsBytes);
    rowsBytes += Buffer.byteLength(row) + 1;
    rows.push(row);
    if (rows.length === rowsPerSlice) {
      endSlice();
      await nextTurn();
    }
  }
  if (rows.length > 0) endSlice();
  const index = Buffer.concat([bytesOf(new Float64Array(times)), bytesOf(new Uint32Array(offsets))]);
  const headLine = `${headJson.slice(0, -1)},"contactKeys":${JSON.stringify(keys)}}\n`;
  const headBytes = index.length + Buffer.byteLength(headLine);
  const headChecksum = crc32(headLine, crc32(index));
  const frame = `${framePrefix}"contacts":${keys.length},"headBytes":${headBytes},"headChecksum":${headChecksum},"rowsBytes":${rowsBytes},"rowsChecksum":${rowsChecksum}}\n`;
  return [frame, index, headLine, ...slices];
}

function bytesOf(numbers: Float64Array | Uint32Array): Buffer {
  if (endianness() !== 'LE') throw new Error('janela.json is written little-endian');
  return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}

interface Frame {
  /** Bytes of the frame line, newline included. */
  frameBytes: number;
  contacts: number;
  headBytes: number;
  headChecksum: number;
  rowsBytes: number;
  rowsChecksum: number;
}

export function isRowsLayout(start: Buffer): boolean {
  return start.subarray(0, framePrefix.length).toString('latin1') === framePrefix;
}

function parseFrame(start: Buffer): Frame | null {
  const end = start.indexOf(newline);
  if (end < 0 || !isRowsLayout(start)) return null;
  let frame: unknown;
  try {
    frame = JSON.parse(start.toString('latin1', 0, end));
  } catch {
    return null;
  }
  if (typeof frame !== 'object' || frame === null) return null;
  const { contacts, headBytes, headChecksum, rowsBytes, rowsChecksum } = frame as Record<string, unknown>;
  const sizes = [contacts, headBytes, headChecksum, rowsBytes, rowsChecksum];
  if (!sizes.every((value) => Number.isSafeInteger(value) && (value as number) >= 0)) return null;
  return { frameBytes: end + 1, ...(frame as Omit<Frame, 'frameBytes'>) };
}

/** The head as parsed, its contact index checked; the rest is the caller's to check. */
export interface RowsHead {
  fields: Record<string, unknown>;
  keys: string[];
  times: Float64Array;
  /** Where each row starts in the rows part, and (last entry) where the rows part ends. */
  starts: Uint32Array;
}

type HeadResult = { ok: true; head: RowsHead } | { ok: false; problem: string };

function decodeHead(bytes: Buffer, frame: Frame): HeadResult {
  if (bytes.length !== frame.headBytes || crc32(bytes) !== frame.headChecksum)
    return { ok: false, problem: 'head truncated or damaged (checksum)' };
  const count = frame.contacts;
  const timesBytes = count * 3 * Float64Array.BYTES_PER_ELEMENT;
  const indexBytes = timesBytes + count * Uint32Array.BYTES_PER_ELEMENT;
  if (indexBytes >= bytes.length || endianness() !== 'LE')
    return { ok: false, problem: 'wrong shape at contact index' };
  let fields: unknown;
  try {
    fields = JSON.parse(bytes.toString('utf8', indexBytes));
  } catch {
    return { ok: false, problem: 'not valid JSON (truncated or damaged)' };
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    return { ok: false, problem: 'wrong shape at top level' };
  const keys = (fields as Record<string, unknown>).contactKeys;
  if (!Array.isArray(keys) || keys.length !== count || !keys.every((key) => typeof key === 'string'))
    return { ok: false, problem: 'wrong shape at contactKeys' };
  const times = numbersAt(bytes, 0, Float64Array, count * 3);
  if (!times.every((time) => Number.isNaN(time) || Number.isSafeInteger(time)))
    return { ok: false, problem: 'wrong shape at contact times' };
  const starts = rowStarts(numbersAt(bytes, timesBytes, Uint32Array, count), frame.rowsBytes);
  if (!starts) return { ok: false, problem: 'wrong shape at row offsets' };
  return { ok: true, head: { fields: fields as Record<string, unknown>, keys: keys as string[], times, starts } };
}

function numbersAt<T extends Float64Array | Uint32Array>(
  bytes: Buffer,
  at: number,
  type: { new (buffer: ArrayBufferLike, offset?: number, length?: number): T; BYTES_PER_ELEMENT: number },
  count: number,
): T {
  const offset = bytes.byteOffset + at;
  // A typed array must start at a multiple of its element size; a whole file in memory may not.
  if (offset % type.BYTES_PER_ELEMENT === 0) return new type(bytes.buffer, offset, count);
  return new type(new Uint8Array(bytes.subarray(at, at + count * type.BYTES_PER_ELEMENT)).buffer, 0, count);
}

/** Offsets rising from 0 and within the rows part, plus its end; null otherwise. */
function rowStarts(offsets: Uint32Array, rowsBytes: number): Uint32Array | null {
  const starts = new Uint32Array(offsets.length + 1);
  let previous = -1;
  for (let index = 0; index < offsets.length; index++) {
    const offset = offsets[index] ?? 0;
    if (offset <= previous || offset >= rowsBytes || (index === 0 && offset !== 0)) return null;
    starts[index] = previous = offset;
  }
  starts[offsets.length] = rowsBytes;
  return starts;
}

/** Where a row's text comes from: the rows part in memory, or read from the file. */
export interface RowSource {
  /** Row `index`, without its newline. */
  row(starts: Uint32Array, index: number): string;
  /**
   * Has the whole rows part in memory and checked, reading it in the background if needed;
   * false when its checksum fails or it could not be read.
   */
  verify(stopped: () => boolean): Promise<boolean>;
  /** Releases the file, if any. */
  close(): void;
}

function rowText(rows: Buffer, starts: Uint32Array, index: number): string {
  return rows.toString('utf8', starts[index], (starts[index + 1] ?? 0) - 1);
}

/** The whole file in memory (a backup, a fixture, a temp file): checked when decoded. */
export function decodeRowsDocument(
  bytes: Buffer,
): { ok: true; head: RowsHead; source: RowSource } | { ok: false; problem: string } {
  const frame = parseFrame(bytes.subarray(0, frameReadBytes));
  if (!frame) return { ok: false, problem: 'wrong shape at frame' };
  const headStart = frame.frameBytes;
  const rowsStart = headStart + frame.headBytes;
  if (bytes.length !== rowsStart + frame.rowsBytes) return { ok: false, problem: 'truncated or overlong file' };
  const decoded = decodeHead(bytes.subarray(headStart, rowsStart), frame);
  if (!decoded.ok) return decoded;
  const rows = bytes.subarray(rowsStart);
  if (crc32(rows) !== frame.rowsChecksum) return { ok: false, problem: 'contact rows damaged (checksum)' };
  const source: RowSource = {
    row: (starts, index) => rowText(rows, starts, index),
    verify: () => Promise.resolve(true),
    close: () => undefined,
  };
  return { ok: true, head: decoded.head, source };
}

/**
 * Opens janela.json reading only its frame and head. Null when the file is not in this layout or
 * anything is off: the caller then reads it whole, the slow way, which says what is wrong.
 */
export function openRowsDocument(file: string): { head: RowsHead; source: RowSource } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const start = Buffer.alloc(frameReadBytes);
    const frame = parseFrame(start.subarray(0, readSync(fd, start, 0, frameReadBytes, 0)));
    if (!frame) throw new Error('no frame');
    const rowsStart = frame.frameBytes + frame.headBytes;
    if (fstatSync(fd).size !== rowsStart + frame.rowsBytes) throw new Error('wrong size');
    const headBytes = Buffer.allocUnsafe(frame.headBytes);
    if (readSync(fd, headBytes, 0, frame.headBytes, frame.frameBytes) !== frame.headBytes)
      throw new Error('short read');
    const decoded = decodeHead(headBytes, frame);
    if (!decoded.ok) throw new Error(decoded.problem);
    return { head: decoded.head, source: new FileRows(fd, rowsStart, frame) };
  } catch {
    closeSync(fd);
    return null;
  }
}

/** Rows read one by one from the open file until the whole rows part is read and checked. */
class FileRows implements RowSource {
  private rows: Buffer | null = null;
  private open = true;

  constructor(
    private readonly fd: number,
    private readonly rowsStart: number,
    private readonly frame: Frame,
  ) {}

  row(starts: Uint32Array, index: number): string {
    if (this.rows) return rowText(this.rows, starts, index);
    const start = starts[index] ?? 0;
    const text = Buffer.allocUnsafe((starts[index + 1] ?? 0) - 1 - start);
    readSync(this.fd, text, 0, text.length, this.rowsStart + start);
    return text.toString('utf8');
  }

  async verify(stopped: () => boolean): Promise<boolean> {
    const rows = Buffer.allocUnsafe(this.frame.rowsBytes);
    let bytesRead = 0;
    try {
      // Read on libuv's thread pool: the main thread stays free while 2 MB come in.
      bytesRead = await new Promise<number>((resolve, reject) =>
        read(this.fd, rows, 0, rows.length, this.rowsStart, (error, count) => (error ? reject(error) : resolve(count))),
      );
    } catch {
      // Reported as damage below; rows that cannot be read are left out, and said so.
    } finally {
      this.close();
    }
    // From now on rows come from memory: the file is closed, and may be replaced by a checkpoint.
    this.rows = rows.subarray(0, bytesRead);
    let checksum = 0;
    for (let at = 0; at < this.rows.length && !stopped(); at += crcSliceBytes) {
      checksum = crc32(this.rows.subarray(at, at + crcSliceBytes), checksum);
      await nextTurn();
    }
    return bytesRead === rows.length && checksum === this.frame.rowsChecksum;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}
