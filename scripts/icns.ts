/**
 * A minimal Apple Icon Image (.icns) writer: the PNG-carrying entry types that macOS 10.7+ reads.
 * Format: 'icns' + total length (big-endian u32), then per entry a 4-letter type + entry length + PNG.
 * Written by hand because the npm icns packages are unmaintained and this is forty lines.
 */

/** Entry types with the pixel size of the PNG each carries (@2x types hold the doubled size). */
export const ICNS_ENTRY_SIZES: Readonly<Record<string, number>> = {
  icp4: 16,
  icp5: 32,
  ic11: 32, // 16 pt @2x
  ic12: 64, // 32 pt @2x
  ic07: 128,
  ic08: 256,
  ic13: 256, // 128 pt @2x
  ic09: 512,
  ic14: 512, // 256 pt @2x
  ic10: 1024, // 512 pt @2x
};

export interface IcnsEntry {
  type: string;
  png: Buffer;
}

export function writeIcns(entries: readonly IcnsEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const { type, png } of entries) {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`icns entry type must be 4 ASCII letters: ${type}`);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(8 + png.length, 4);
    parts.push(header, png);
  }
  const body = Buffer.concat(parts);
  const fileHeader = Buffer.alloc(8);
  fileHeader.write('icns', 0, 'latin1');
  fileHeader.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([fileHeader, body]);
}

/** Entries of an .icns file, for tests and for checking a committed file; throws on a malformed one. */
export function readIcns(file: Buffer): IcnsEntry[] {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== 'icns') throw new Error('not an icns file');
  if (file.readUInt32BE(4) !== file.length) throw new Error('icns length does not match the file size');
  const entries: IcnsEntry[] = [];
  let offset = 8;
  while (offset < file.length) {
    if (offset + 8 > file.length) throw new Error(`truncated icns entry header at ${offset}`);
    const type = file.toString('latin1', offset, offset + 4);
    const length = file.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > file.length) throw new Error(`icns entry ${type} overruns the file`);
    entries.push({ type, png: file.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return entries;
}
