import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../manual-clock';
import { downloadMedia, type FetchMedia } from '../../../../../electron/backend/media/media-download';
import { openMediaStore, type MediaStore } from '../../../../../electron/backend/media/media-store';
import { mediaInfoSchema, type MediaInfo } from '../../../../../shared/media/media-kind';
import { message, MessageMedia, rawFile } from './wa-media-structures';

const CAP = 1024;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const photo: MediaInfo = { kind: 'image', download: 'not-downloaded', mimetype: 'image/jpeg', caption: 'este' };

let dataDir: string;
let store: MediaStore;
let lines: string[];
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'janela-download-'));
  store = await openMediaStore({ dataDir, clock: createManualClock(Date.UTC(2025, 9, 1)) });
  lines = [];
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

function download(media: MediaInfo, fetch: FetchMedia, timeoutMs = 1000) {
  return downloadMedia({ media, fetch, store, maxBytes: CAP, timeoutMs, log: (line) => lines.push(line) });
}

async function expectNothingStored() {
  expect(store.usage()).toMatchObject({ files: 0, bytes: 0 });
  expect(await fs.readdir(path.join(dataDir, 'media', 'tmp'))).toEqual([]);
}

describe('downloadMedia', () => {
  it('stores what the library’s MessageMedia carries and points the attachment at it', async () => {
    const result = await download(
      photo,
      async () => new MessageMedia('image/jpeg', JPEG.toString('base64'), null, null),
    );
    expect(result).toEqual({ ...photo, download: 'ok', sha256: sha(JPEG), size: JPEG.length });
    expect(mediaInfoSchema.parse(result)).toEqual(result);
    expect(await store.read(sha(JPEG))).toEqual(JPEG);
  });

  it('takes the type and a sanitised name from the download when the message had none', async () => {
    const result = await download(
      { kind: 'document', download: 'failed' },
      async () => new MessageMedia('application/pdf', Buffer.from('%PDF').toString('base64'), '../../orçamento.pdf', 4),
    );
    expect(result).toMatchObject({ mimetype: 'application/pdf', filename: 'orçamento.pdf', download: 'ok' });
  });

  it('does not fetch again what is stored, nor what cannot be downloaded', async () => {
    const first = await download(photo, async () => new MessageMedia('image/jpeg', JPEG.toString('base64')));
    let fetched = 0;
    const again = await download(first, async () => {
      fetched++;
      return undefined;
    });
    expect(again).toBe(first);
    const location: MediaInfo = { kind: 'location', download: 'not-downloaded' };
    expect(await download(location, async () => (fetched++, undefined))).toBe(location);
    expect(fetched).toBe(0);
  });

  it('fetches again when the stored file is gone (pruned)', async () => {
    const stale: MediaInfo = { ...photo, download: 'ok', sha256: 'f'.repeat(64) };
    const result = await download(stale, async () => new MessageMedia('image/jpeg', JPEG.toString('base64')));
    expect(result.sha256).toBe(sha(JPEG));
  });

  it('says too large without fetching when WhatsApp announced the size', async () => {
    let fetched = false;
    const result = await download({ ...photo, size: CAP + 1 }, async () => {
      fetched = true;
      return undefined;
    });
    expect(result).toEqual({ ...photo, size: CAP + 1, download: 'too-large' });
    expect(fetched).toBe(false);
  });

  it('says too large when the bytes are over the cap, keeping nothing', async () => {
    const big = Buffer.alloc(CAP + 1, 7).toString('base64');
    expect((await download(photo, async () => ({ data: big, mimetype: 'image/jpeg' }))).download).toBe('too-large');
    await expectNothingStored();
  });

  it.each<[string, FetchMedia]>([
    ['undefined (media expired on WhatsApp)', async () => undefined],
    ['null', async () => null],
    ['a throw', async () => Promise.reject(new TypeError('page crashed'))],
    ['empty data', async () => ({ data: '', mimetype: 'image/jpeg' })],
    ['data that is not base64', async () => ({ data: '<html>not base64</html>', mimetype: 'image/jpeg' })],
    ['data that is not a string', async () => ({ data: 42 as unknown as string })],
  ])('fails, keeping nothing and no address, on %s', async (_, fetch) => {
    const previous: MediaInfo = { ...photo, download: 'ok', sha256: 'e'.repeat(64) };
    const result = await download(previous, fetch);
    expect(result).toEqual({ ...photo, download: 'failed' });
    expect(result.sha256).toBeUndefined();
    await expectNothingStored();
    expect(lines).toHaveLength(1);
  });

  it('fails when the library has nothing to download (no directPath), without asking the page', async () => {
    const expired = message(rawFile('image', { mimetype: 'image/jpeg', downloadable: false }));
    expect((await download(photo, () => expired.downloadMedia() as ReturnType<FetchMedia>)).download).toBe('failed');
    await expectNothingStored();
  });

  it('fails on a timeout, and a late answer stores nothing', async () => {
    let answer: (value: { data: string; mimetype: string }) => void = () => undefined;
    const late = new Promise<{ data: string; mimetype: string }>((resolve) => (answer = resolve));
    const result = await download(photo, () => late, 20);
    expect(result.download).toBe('failed');
    expect(lines).toEqual(['media download failed: DownloadTimeout']);
    answer({ data: JPEG.toString('base64'), mimetype: 'image/jpeg' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expectNothingStored();
  });

  it('fails when the store cannot write, and leaves no temp file', async () => {
    const broken = await openMediaStore({
      dataDir,
      clock: createManualClock(0),
      renameDelaysMs: [],
      rename: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    });
    const result = await downloadMedia({
      media: photo,
      fetch: async () => ({ data: JPEG.toString('base64'), mimetype: 'image/jpeg' }),
      store: broken,
      maxBytes: CAP,
      log: (line) => lines.push(line),
    });
    expect(result.download).toBe('failed');
    expect(lines).toEqual(['media download failed: Error while storing']);
    expect(await fs.readdir(path.join(dataDir, 'media', 'tmp'))).toEqual([]);
  });

  it('leaves an attachment not downloaded when the media folder is over its quota', async () => {
    store.setLimits({ quotaBytes: 4 });
    const result = await download(photo, async () => ({ data: JPEG.toString('base64'), mimetype: 'image/jpeg' }));
    expect(result).toEqual(photo);
    await expectNothingStored();
  });
});
