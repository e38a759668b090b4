/** The media folder on a real disk: a temp folder per test. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../manual-clock';
import { openMediaStore, type MediaStoreOptions } from '../../../../../electron/backend/media/media-store';

const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2025, 9, 1, 12);
const posix = process.platform !== 'win32';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'janela-media-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytes = (text: string) => Buffer.from(text, 'utf8');

function open(options: Partial<MediaStoreOptions> = {}) {
  const clock = options.clock ?? createManualClock(START);
  return openMediaStore({ dataDir, clock, renameDelaysMs: [0, 0, 0], ...options });
}

async function* chunks(count: number, size: number) {
  for (let i = 0; i < count; i++) yield Buffer.alloc(size, i);
}

const listTmp = () => fs.readdir(path.join(dataDir, 'media', 'tmp'));
const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe('media store', () => {
  it('stores bytes under their sha256, sharded by the first two hex digits, and reads them back', async () => {
    const store = await open();
    const photo = bytes('foto do bolo');
    const result = await store.put(photo);
    expect(result).toEqual({ status: 'ok', sha256: sha(photo), size: photo.length, alreadyStored: false });
    const file = store.path(sha(photo));
    expect(file).toBe(path.join(dataDir, 'media', sha(photo).slice(0, 2), sha(photo)));
    expect(await fs.readFile(file)).toEqual(photo);
    expect(await store.read(sha(photo))).toEqual(photo);
    expect(store.has(sha(photo))).toBe(true);
    expect(store.size(sha(photo))).toBe(photo.length);
    expect(await listTmp()).toEqual([]);
  });

  it('stores the same content once, however often and however concurrently it arrives', async () => {
    const store = await open();
    const pdf = bytes('%PDF-1.7 tabela de preços');
    const results = await Promise.all([store.put(pdf), store.put(pdf), store.put(Readable.from([pdf]))]);
    expect(results.map((result) => result.status === 'ok' && result.alreadyStored).sort()).toEqual([false, true, true]);
    expect(store.usage()).toEqual({ files: 1, bytes: pdf.length, quotaBytes: null });
    expect(await fs.readdir(path.join(dataDir, 'media', sha(pdf).slice(0, 2)))).toEqual([sha(pdf)]);
    expect(await listTmp()).toEqual([]);
  });

  it('streams large content in chunks, hashing as it goes', async () => {
    const store = await open();
    const result = await store.put(chunks(8, 64 * 1024));
    const whole = Buffer.concat(Array.from({ length: 8 }, (_, i) => Buffer.alloc(64 * 1024, i)));
    expect(result).toMatchObject({ status: 'ok', sha256: sha(whole), size: whole.length });
  });

  it('stops reading at the cap, keeps nothing, and says too large', async () => {
    const store = await open({ maxFileBytes: 100_000 });
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        yield Buffer.alloc(40_000, 1);
      }
    }
    expect(await store.put(endless())).toEqual({ status: 'too-large', maxBytes: 100_000 });
    expect(produced).toBe(3);
    expect(await store.put(Buffer.alloc(100_001))).toEqual({ status: 'too-large', maxBytes: 100_000 });
    expect(await store.put(Buffer.alloc(60_000), { maxBytes: 50_000 })).toEqual({
      status: 'too-large',
      maxBytes: 50_000,
    });
    expect((await store.put(Buffer.alloc(100_000))).status).toBe('ok');
    expect(store.usage().files).toBe(1);
    expect(await listTmp()).toEqual([]);
  });

  it('destroys a stream source it stops reading', async () => {
    const store = await open({ maxFileBytes: 10 });
    const source = Readable.from([Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8)]);
    expect((await store.put(source)).status).toBe('too-large');
    expect(source.destroyed).toBe(true);
  });

  it('deletes the temp file when the source fails half way, and stores nothing', async () => {
    const store = await open();
    async function* cut() {
      yield Buffer.alloc(1000);
      throw new Error('connection reset');
    }
    await expect(store.put(cut())).rejects.toThrow('connection reset');
    expect(await listTmp()).toEqual([]);
    expect(store.usage()).toMatchObject({ files: 0, bytes: 0 });
  });

  it('after a crash, serves no half-written temp file and cleans it at the next opening', async () => {
    const first = await open();
    const whole = bytes('inteiro');
    await first.put(whole);
    // What a crash between write and rename leaves: a partial file in tmp/, named by nothing.
    const half = bytes('metade de um áudio');
    const tmp = path.join(dataDir, 'media', 'tmp');
    await fs.writeFile(path.join(tmp, 'abcdef.part'), half.subarray(0, 5));
    await fs.writeFile(path.join(tmp, sha(half)), half.subarray(0, 5));
    const store = await open();
    expect(await listTmp()).toEqual([]);
    expect(store.has(sha(half))).toBe(false);
    expect(await store.read(sha(half))).toBeNull();
    expect(await store.read(sha(whole))).toEqual(whole);
    expect(store.usage()).toMatchObject({ files: 1, bytes: whole.length });
  });

  it('ignores stray files in the media folder instead of serving them', async () => {
    await fs.mkdir(path.join(dataDir, 'media', 'ab'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'media', 'ab', 'evil.html'), '<script>');
    await fs.writeFile(path.join(dataDir, 'media', 'ab', 'cd'.repeat(32)), 'wrong shard');
    const store = await open();
    expect(store.usage().files).toBe(0);
    expect(store.has('cd'.repeat(32))).toBe(false);
  });

  it.runIf(posix)('keeps files 0600 and folders 0700, tightening ones that were looser', async () => {
    const photo = bytes('privado');
    const shard = path.join(dataDir, 'media', sha(photo).slice(0, 2));
    await fs.mkdir(shard, { recursive: true, mode: 0o777 });
    await fs.chmod(path.join(dataDir, 'media'), 0o755);
    await fs.chmod(shard, 0o777);
    await fs.writeFile(path.join(shard, sha(photo)), photo, { mode: 0o644 });
    await fs.chmod(path.join(shard, sha(photo)), 0o644);
    const store = await open();
    expect(await mode(path.join(dataDir, 'media'))).toBe(0o700);
    expect(await mode(path.join(dataDir, 'media', 'tmp'))).toBe(0o700);
    expect(await mode(shard)).toBe(0o700);
    expect(await mode(store.path(sha(photo)))).toBe(0o600);
    const other = await store.put(bytes('outro'));
    if (other.status !== 'ok') throw new Error('expected ok');
    expect(await mode(store.path(other.sha256))).toBe(0o600);
    expect(await mode(path.dirname(store.path(other.sha256)))).toBe(0o700);
  });

  it('refuses every address that is not 64 lower-case hex, so no path leaves the media folder', async () => {
    const store = await open();
    for (const hostile of [
      '',
      '..',
      '../../etc/passwd',
      `../${'a'.repeat(61)}`,
      `${'a'.repeat(63)}/`,
      'A'.repeat(64),
      `${'a'.repeat(64)}\0`,
      `${'a'.repeat(64)}.html`,
      'a'.repeat(65),
      `/${'a'.repeat(63)}`,
      `..\\${'a'.repeat(60)}`,
    ]) {
      expect(() => store.path(hostile), hostile).toThrow(/media address/);
      await expect(store.read(hostile)).rejects.toThrow(/media address/);
      await expect(store.remove(hostile)).rejects.toThrow(/media address/);
      expect(store.has(hostile)).toBe(false);
      expect(store.size(hostile)).toBeNull();
    }
    expect(store.has(undefined as unknown as string)).toBe(false);
  });

  it('retries a rename that Windows refuses for a moment, then succeeds', async () => {
    let failures = 0;
    const store = await open({
      rename: async (from, to) => {
        if (failures++ < 2) throw Object.assign(new Error('busy'), { code: failures === 1 ? 'EPERM' : 'EBUSY' });
        await fs.rename(from, to);
      },
    });
    expect((await store.put(bytes('foto'))).status).toBe('ok');
    expect(failures).toBe(3);
  });

  it('gives up after a bounded number of retries, leaving no temp file and no entry', async () => {
    let attempts = 0;
    const store = await open({
      rename: async () => {
        attempts++;
        throw Object.assign(new Error('locked'), { code: 'EBUSY' });
      },
    });
    await expect(store.put(bytes('foto'))).rejects.toThrow('locked');
    expect(attempts).toBe(4);
    expect(await listTmp()).toEqual([]);
    expect(store.usage()).toMatchObject({ files: 0, bytes: 0 });
    // A failure that is not a lock is not retried.
    attempts = 0;
    const store2 = await open({
      rename: async () => {
        attempts++;
        throw Object.assign(new Error('full'), { code: 'ENOSPC' });
      },
    });
    await expect(store2.put(bytes('foto'))).rejects.toThrow('full');
    expect(attempts).toBe(1);
  });

  it('refuses new content over the quota, but still accepts content it already has', async () => {
    const store = await open({ quotaBytes: 10 });
    expect((await store.put(bytes('12345678'))).status).toBe('ok');
    expect(await store.put(bytes('abc'))).toEqual({ status: 'over-quota', quotaBytes: 10 });
    expect((await store.put(bytes('12345678'))).status).toBe('ok');
    expect((await store.put(bytes('ab'))).status).toBe('ok');
    expect(store.usage()).toEqual({ files: 2, bytes: 10, quotaBytes: 10 });
    expect(await listTmp()).toEqual([]);
    store.setLimits({ quotaBytes: null });
    expect((await store.put(bytes('abc'))).status).toBe('ok');
  });

  it('prunes what is older than N days by the injected clock, keeping what is referenced or stored again', async () => {
    const clock = createManualClock(START);
    const store = await open({ clock });
    const old = bytes('foto antiga');
    const priceList = bytes('tabela de preços');
    const resent = bytes('reenviada');
    const recent = bytes('recente');
    await store.put(old);
    await store.put(priceList);
    await store.put(resent);
    clock.advance(20 * DAY);
    await store.put(resent);
    await store.put(recent);
    clock.advance(15 * DAY);

    expect(await store.pruneOlderThan(30, (address) => address === sha(priceList))).toEqual({
      removed: 1,
      freedBytes: old.length,
    });
    expect(store.has(sha(old))).toBe(false);
    await expect(fs.stat(path.join(dataDir, 'media', sha(old).slice(0, 2), sha(old)))).rejects.toThrow();
    expect([priceList, resent, recent].map((content) => store.has(sha(content)))).toEqual([true, true, true]);

    // The stored time survives a restart (it is the file's mtime).
    const reopened = await open({ clock });
    expect(await reopened.pruneOlderThan(10)).toEqual({
      removed: 3,
      freedBytes: priceList.length + resent.length + recent.length,
    });
    expect(reopened.usage()).toEqual({ files: 0, bytes: 0, quotaBytes: null });
    await expect(reopened.pruneOlderThan(0)).rejects.toThrow(RangeError);
  });

  it('counts usage again from the disk when it opens', async () => {
    const store = await open();
    await store.put(bytes('um'));
    await store.put(bytes('dois'));
    expect(await store.remove(sha(bytes('um')))).toBe(true);
    expect(await store.remove(sha(bytes('um')))).toBe(false);
    const reopened = await open();
    expect(reopened.usage()).toEqual({ files: 1, bytes: 4, quotaBytes: null });
  });
});
