/**
 * The media folder: files named by the sha256 of their bytes (`media/ab/abcdef…`), so the same
 * photo is stored once. A file reaches its final name only whole: written to `media/tmp/`,
 * fsynced, then renamed; what is left in `tmp/` after a crash is deleted at the next opening and
 * never served. Files are 0600 and folders 0700; nothing here is ever executed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import { errorCode, isMissing, nodeStoreFs, syncDirectory } from '../store/store-fs';

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;
const DAY_MS = 24 * 3600 * 1000;
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const shaPattern = /^[0-9a-f]{64}$/;
const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
const DEFAULT_RENAME_DELAYS_MS = [20, 50, 100, 200, 400, 800] as const;

export type MediaContent = Uint8Array | AsyncIterable<Uint8Array>;

export type PutResult =
  | { status: 'ok'; sha256: string; size: number; alreadyStored: boolean }
  | { status: 'too-large'; maxBytes: number }
  | { status: 'over-quota'; quotaBytes: number };

export interface MediaUsage {
  files: number;
  bytes: number;
  quotaBytes: number | null;
}

export interface PruneReport {
  removed: number;
  freedBytes: number;
}

export interface MediaStoreOptions {
  dataDir: string;
  clock: Clock;
  /** Per file; a setting. */
  maxFileBytes?: number;
  /** All media together; null for no limit. */
  quotaBytes?: number | null;
  /** Fault tests pass a rename that fails like Windows does while an antivirus holds the file. */
  rename?: (from: string, to: string) => Promise<void>;
  renameDelaysMs?: readonly number[];
}

export interface MediaStore {
  readonly root: string;
  put(content: MediaContent, options?: { maxBytes?: number }): Promise<PutResult>;
  has(sha256: string): boolean;
  /** The file's path, only ever inside the media folder; throws for anything but 64 lower-case hex. */
  path(sha256: string): string;
  read(sha256: string): Promise<Buffer | null>;
  size(sha256: string): number | null;
  remove(sha256: string): Promise<boolean>;
  usage(): MediaUsage;
  /**
   * Deletes files stored (or stored again) more than `days` days ago, except those `isKept` keeps
   * (a quick reply's attachment, say). Returns what went.
   */
  pruneOlderThan(days: number, isKept?: (sha256: string) => boolean): Promise<PruneReport>;
  setLimits(limits: { maxFileBytes?: number; quotaBytes?: number | null }): void;
}

interface Entry {
  size: number;
  storedAt: number;
}

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && shaPattern.test(value);
}

async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
  // mkdir leaves an existing folder (and the umask) as they are.
  if (process.platform !== 'win32') await fs.chmod(dir, DIR_MODE);
}

async function removeQuietly(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

export async function openMediaStore(options: MediaStoreOptions): Promise<MediaStore> {
  const root = path.resolve(options.dataDir, 'media');
  const tmp = path.join(root, 'tmp');
  const rename = options.rename ?? ((from: string, to: string) => fs.rename(from, to));
  const renameDelays = options.renameDelaysMs ?? DEFAULT_RENAME_DELAYS_MS;
  let maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let quotaBytes = options.quotaBytes ?? null;
  const entries = new Map<string, Entry>();
  let totalBytes = 0;
  // One commit at a time per content address: two downloads of the same photo store it once.
  const commits = new Map<string, Promise<unknown>>();

  await ensurePrivateDir(root);
  await fs.rm(tmp, { recursive: true, force: true });
  await ensurePrivateDir(tmp);
  await scan();

  async function scan(): Promise<void> {
    for (const shard of await fs.readdir(root, { withFileTypes: true })) {
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
      const shardDir = path.join(root, shard.name);
      if (process.platform !== 'win32') await fs.chmod(shardDir, DIR_MODE);
      for (const file of await fs.readdir(shardDir, { withFileTypes: true })) {
        if (!file.isFile() || !isSha256(file.name) || !file.name.startsWith(shard.name)) continue;
        const full = path.join(shardDir, file.name);
        const stat = await fs.stat(full);
        if (process.platform !== 'win32' && (stat.mode & 0o777) !== FILE_MODE) await fs.chmod(full, FILE_MODE);
        entries.set(file.name, { size: stat.size, storedAt: stat.mtimeMs });
        totalBytes += stat.size;
      }
    }
  }

  function pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error('not a media address: expected 64 lower-case hex characters');
    const file = path.join(root, sha256.slice(0, 2), sha256);
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative))
      throw new Error('media address outside the media folder');
    return file;
  }

  async function renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await rename(from, to);
        return;
      } catch (error) {
        const delay = renameDelays[attempt];
        if (!RETRYABLE_RENAME.has(errorCode(error)) || delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function writeTemp(content: MediaContent, limit: number) {
    const temp = path.join(tmp, `${randomBytes(12).toString('hex')}.part`);
    const handle = await fs.open(temp, 'wx', FILE_MODE);
    const hash = createHash('sha256');
    let size = 0;
    let tooLarge = false;
    try {
      const chunks = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        // Stop reading as soon as the cap is passed: leaving the loop destroys a stream source.
        if (size > limit) {
          tooLarge = true;
          break;
        }
        hash.update(chunk);
        await handle.writeFile(chunk);
      }
      if (!tooLarge) await handle.sync();
    } catch (error) {
      await handle.close();
      await removeQuietly(temp);
      throw error;
    }
    await handle.close();
    if (tooLarge) {
      await removeQuietly(temp);
      return null;
    }
    return { temp, sha256: hash.digest('hex'), size };
  }

  async function commit(temp: string, sha256: string, size: number): Promise<PutResult> {
    const final = pathOf(sha256);
    const now = options.clock.now();
    const existing = entries.get(sha256);
    if (existing !== undefined) {
      await removeQuietly(temp);
      // Stored again: it is recent again for "delete media older than N days".
      await fs.utimes(final, now / 1000, now / 1000).catch(() => undefined);
      existing.storedAt = now;
      return { status: 'ok', sha256, size, alreadyStored: true };
    }
    if (quotaBytes !== null && totalBytes + size > quotaBytes) {
      await removeQuietly(temp);
      return { status: 'over-quota', quotaBytes };
    }
    // Counted before the awaits, so that other files committed meanwhile see the space as taken.
    totalBytes += size;
    try {
      const shardDir = path.dirname(final);
      await ensurePrivateDir(shardDir);
      // The stored time survives a restart as the file's mtime, set from the injected clock.
      await fs.utimes(temp, now / 1000, now / 1000);
      await renameWithRetry(temp, final);
      await syncDirectory(nodeStoreFs, shardDir);
    } catch (error) {
      totalBytes -= size;
      throw error;
    }
    entries.set(sha256, { size, storedAt: now });
    return { status: 'ok', sha256, size, alreadyStored: false };
  }

  async function serialised<T>(sha256: string, task: () => Promise<T>): Promise<T> {
    const previous = commits.get(sha256) ?? Promise.resolve();
    const next = previous.then(task, task);
    commits.set(sha256, next);
    try {
      return await next;
    } finally {
      if (commits.get(sha256) === next) commits.delete(sha256);
    }
  }

  async function remove(sha256: string): Promise<boolean> {
    const file = pathOf(sha256);
    const entry = entries.get(sha256);
    if (entry === undefined) return false;
    await fs.rm(file, { force: true });
    entries.delete(sha256);
    totalBytes -= entry.size;
    return true;
  }

  return {
    root,
    async put(content, putOptions) {
      const limit = Math.min(putOptions?.maxBytes ?? maxFileBytes, maxFileBytes);
      const written = await writeTemp(content, limit);
      if (written === null) return { status: 'too-large', maxBytes: limit };
      const { temp, sha256, size } = written;
      try {
        return await serialised(sha256, () => commit(temp, sha256, size));
      } catch (error) {
        await removeQuietly(temp);
        throw error;
      }
    },
    has: (sha256) => isSha256(sha256) && entries.has(sha256),
    path: pathOf,
    async read(sha256) {
      const file = pathOf(sha256);
      if (!entries.has(sha256)) return null;
      try {
        return await fs.readFile(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    size: (sha256) => (isSha256(sha256) ? (entries.get(sha256)?.size ?? null) : null),
    remove: (sha256) => serialised(sha256, () => remove(sha256)),
    usage: () => ({ files: entries.size, bytes: totalBytes, quotaBytes }),
    async pruneOlderThan(days, isKept = () => false) {
      if (!Number.isFinite(days) || days <= 0) throw new RangeError('days must be a positive number');
      const cutoff = options.clock.now() - days * DAY_MS;
      const report: PruneReport = { removed: 0, freedBytes: 0 };
      for (const [sha256, entry] of [...entries]) {
        if (entry.storedAt >= cutoff || isKept(sha256)) continue;
        if (await serialised(sha256, () => remove(sha256))) {
          report.removed++;
          report.freedBytes += entry.size;
        }
      }
      return report;
    },
    setLimits(limits) {
      if (limits.maxFileBytes !== undefined) maxFileBytes = limits.maxFileBytes;
      if (limits.quotaBytes !== undefined) quotaBytes = limits.quotaBytes;
    },
  };
}
