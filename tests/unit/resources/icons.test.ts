/**
 * The committed images are what `npm run icons` makes from the SVG sources: regenerate them into a
 * temp folder and compare pixel by pixel (with a little tolerance, so a different resvg build on
 * another OS does not fail the test), then check the ICO and ICNS containers parse with every size.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ICON_SIZES,
  buildIcons,
  defaultResourcesDir,
  generatedFiles,
  ICO_SIZES,
  SMALL_IMAGE_SIZE,
  SMALL_IMAGES,
  WINDOW_ICON_SIZE,
} from '../../../scripts/build-icons';
import { ICNS_ENTRY_SIZES, readIcns } from '../../../scripts/icns';
import { decodePng, pngSize } from './decode-png';

const committed = (name: string) => readFileSync(join(defaultResourcesDir, name));
const REGENERATE = 'run `npm run icons` and commit resources/';

function expectSamePixels(actual: Buffer, expected: Buffer, name: string): void {
  const a = decodePng(actual);
  const b = decodePng(expected);
  expect({ width: a.width, height: a.height }, name).toEqual({ width: b.width, height: b.height });
  let differing = 0;
  for (let index = 0; index < a.rgba.length; index++) {
    if (Math.abs((a.rgba[index] ?? 0) - (b.rgba[index] ?? 0)) > 4) differing++;
  }
  expect(differing / a.rgba.length, `${name} differs from its SVG source: ${REGENERATE}`).toBeLessThan(0.002);
}

describe('resources/ images', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = mkdtempSync(join(tmpdir(), 'janela-icons-'));
    await buildIcons(defaultResourcesDir, fresh);
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('are all committed and match a fresh render of their SVG', () => {
    for (const name of generatedFiles().filter((file) => file.endsWith('.png'))) {
      expectSamePixels(committed(name), readFileSync(join(fresh, name)), name);
    }
  });

  it('have the sizes their names promise', () => {
    for (const size of APP_ICON_SIZES) {
      expect(pngSize(committed(`icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(pngSize(committed('icon.png'))).toEqual({ width: WINDOW_ICON_SIZE, height: WINDOW_ICON_SIZE });
    for (const { output } of SMALL_IMAGES) {
      expect(pngSize(committed(`${output}.png`)), output).toEqual({
        width: SMALL_IMAGE_SIZE,
        height: SMALL_IMAGE_SIZE,
      });
      expect(pngSize(committed(`${output}@2x.png`)), output).toEqual({
        width: SMALL_IMAGE_SIZE * 2,
        height: SMALL_IMAGE_SIZE * 2,
      });
    }
  });

  it('icon.ico holds a 32-bit bitmap for every Windows size', () => {
    const ico = committed('icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    const sizes: number[] = [];
    for (let index = 0; index < ICO_SIZES.length; index++) {
      const entry = 6 + index * 16;
      const size = ico.readUInt8(entry) || 256;
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt16LE(entry + 6), 'bits per pixel').toBe(32);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      // BITMAPINFOHEADER: width, then twice the height (colour rows plus the AND mask).
      expect(ico.readInt32LE(offset + 4)).toBe(size);
      expect(ico.readInt32LE(offset + 8)).toBe(size * 2);
      sizes.push(size);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
    expect(ico.equals(readFileSync(join(fresh, 'icon.ico'))), `icon.ico is stale: ${REGENERATE}`).toBe(true);
  });

  it('icon.icns holds a PNG of the right size for every entry type', () => {
    const entries = readIcns(committed('icon.icns'));
    expect(entries.map((entry) => entry.type)).toEqual(Object.keys(ICNS_ENTRY_SIZES));
    for (const { type, png } of entries) {
      const size = ICNS_ENTRY_SIZES[type];
      expect(pngSize(png), type).toEqual({ width: size, height: size });
      expectSamePixels(png, committed(`icons/${size}x${size}.png`), `icon.icns ${type}`);
    }
  });
});

describe('readIcns', () => {
  it('refuses a file whose length field lies', () => {
    const icns = Buffer.from(committed('icon.icns'));
    icns.writeUInt32BE(icns.length + 1, 4);
    expect(() => readIcns(icns)).toThrow(/length/);
  });

  it('refuses an entry that runs past the end', () => {
    expect(() => readIcns(committed('icon.icns').subarray(0, 100))).toThrow();
  });
});
