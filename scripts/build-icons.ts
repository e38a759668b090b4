/**
 * Renders every image in resources/ from its SVG source: the app icon as PNGs (electron-builder's
 * Linux `icons/NxN.png` set and `icon.png` for the window), `icon.ico` and `icon.icns`, the tray icons
 * and the Windows taskbar overlay. Run `npm run icons` after editing an SVG and commit the outputs;
 * tests/unit/resources/icons.test.ts fails when they drift from the sources.
 *
 * @resvg/resvg-js renders SVG to PNG (a prebuilt native binary shipped inside its npm package, no
 * install script); png-to-ico packs the ICO; the ICNS writer is ./icns.ts.
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pngToIco from 'png-to-ico';
import { ICNS_ENTRY_SIZES, writeIcns } from './icns';

export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Up to this size the hand-fitted icon-small.svg is drawn: icon.svg's detail blurs below it. */
export const SMALL_ICON_MAX_SIZE = 32;
/** Windows uses 16–48 in lists and the taskbar, 256 on large-icon views; all are stored as bitmaps. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const WINDOW_ICON_SIZE = 512;

/** Tray and overlay images: each SVG rendered at 16 px and, for high-density screens, @2x at 32 px. */
export const SMALL_IMAGES = [
  { source: 'tray.svg', output: 'tray' },
  { source: 'tray-unread.svg', output: 'tray-unread' },
  { source: 'tray-template.svg', output: 'trayTemplate' },
  { source: 'tray-unread-template.svg', output: 'trayUnreadTemplate' },
  { source: 'overlay-unread.svg', output: 'overlay-unread' },
] as const;
export const SMALL_IMAGE_SIZE = 16;

export const defaultResourcesDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources');

export function renderSvg(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** Every file this script writes, relative to the resources folder. */
export function generatedFiles(): string[] {
  return [
    ...APP_ICON_SIZES.map((size) => `icons/${size}x${size}.png`),
    'icon.png',
    'icon.ico',
    'icon.icns',
    ...SMALL_IMAGES.flatMap(({ output }) => [`${output}.png`, `${output}@2x.png`]),
  ];
}

/** Reads the SVGs from `sourceDir` and writes the images into `outputDir`; returns the paths written. */
export async function buildIcons(sourceDir: string, outputDir: string = sourceDir): Promise<string[]> {
  const [iconSvg, smallSvg] = await Promise.all([
    readFile(join(sourceDir, 'icon.svg'), 'utf8'),
    readFile(join(sourceDir, 'icon-small.svg'), 'utf8'),
  ]);
  const appIcon = new Map<number, Buffer>();
  const iconAt = (size: number): Buffer => {
    let png = appIcon.get(size);
    if (!png) {
      png = renderSvg(size <= SMALL_ICON_MAX_SIZE ? smallSvg : iconSvg, size);
      appIcon.set(size, png);
    }
    return png;
  };

  const outputs = new Map<string, Buffer>();
  for (const size of APP_ICON_SIZES) outputs.set(`icons/${size}x${size}.png`, iconAt(size));
  outputs.set('icon.png', iconAt(WINDOW_ICON_SIZE));
  outputs.set('icon.ico', await pngToIco(ICO_SIZES.map((size) => iconAt(size))));
  outputs.set(
    'icon.icns',
    writeIcns(Object.entries(ICNS_ENTRY_SIZES).map(([type, size]) => ({ type, png: iconAt(size) }))),
  );
  for (const { source, output } of SMALL_IMAGES) {
    const svg = await readFile(join(sourceDir, source), 'utf8');
    outputs.set(`${output}.png`, renderSvg(svg, SMALL_IMAGE_SIZE));
    outputs.set(`${output}@2x.png`, renderSvg(svg, SMALL_IMAGE_SIZE * 2));
  }

  const written: string[] = [];
  for (const [name, bytes] of outputs) {
    const path = join(outputDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const written = await buildIcons(defaultResourcesDir);
  process.stdout.write(`Wrote ${written.length} images into ${defaultResourcesDir}\n`);
}
