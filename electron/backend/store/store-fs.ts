/**
 * The file operations the store writes with. Production passes node:fs/promises; fault tests pass
 * a wrapper that fails with ENOSPC or EACCES at chosen moments. Lazy reads of one chat's history
 * are synchronous (the store API is synchronous) and use node:fs directly: faults are about writes.
 *
 * Every file the store creates holds customer data: it is created 0600, in folders made 0700
 * (`privateFileMode`, `privateDirMode`; POSIX only, Windows keeps the profile's ACLs).
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';

export interface StoreFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  /**
   * fdatasync: the data and what is needed to read it back (the file's size), not times. Enough
   * for a file only appended to, where it saves the inode write that fsync adds.
   */
  datasync(): Promise<void>;
  truncate(length?: number): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFs {
  open(file: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  readFile(file: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true; mode?: number }): Promise<unknown>;
  stat(file: string): Promise<{ size: number; mode?: number; isFile?: () => boolean }>;
  copyFile(from: string, to: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  chmod(file: string, mode: number): Promise<void>;
}

export const nodeStoreFs: StoreFs = nodeFs;

export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/** Opens (creating if needed) a file only its owner can read. */
export function openPrivate(fs: StoreFs, file: string, flags: string): Promise<StoreFileHandle> {
  return fs.open(file, flags, privateFileMode);
}

/**
 * Creates a folder 0700, or tightens an existing one; when it was looser, the files in it are
 * tightened to 0600 too (a data folder made by an earlier version, or by hand, with 0755/0644).
 * Cheap on every later start: one stat per folder.
 */
export async function ensurePrivateDir(fs: StoreFs, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: privateDirMode });
  if (process.platform === 'win32') return;
  const { mode } = await fs.stat(dir);
  if (mode === undefined || (mode & 0o777) === privateDirMode) return;
  await fs.chmod(dir, privateDirMode);
  for (const name of await fs.readdir(dir)) {
    const entry = path.join(dir, name);
    const stat = await fs.stat(entry).catch(() => null);
    if (stat?.isFile?.() && ((stat.mode ?? 0) & 0o077) !== 0) await fs.chmod(entry, privateFileMode);
  }
}

/** Antivirus scanners, indexers and OneDrive hold files open for a moment on Windows (and macOS). */
const transientRenameErrors = new Set(process.platform === 'win32' ? ['EPERM', 'EBUSY', 'EACCES'] : ['EPERM', 'EBUSY']);
export const renameRetryDelaysMs = [10, 20, 40, 80, 160, 320, 640];

/**
 * fs.rename, retried with a bounded backoff (about 1.3 s in all) while the target or source is
 * briefly held by another program; any other error, or the last one, is thrown.
 */
export async function renameWithRetry(
  fs: StoreFs,
  from: string,
  to: string,
  delays: readonly number[] = renameRetryDelaysMs,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !transientRenameErrors.has(errorCode(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown error';
}

export function isMissing(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}

export async function readIfExists(fs: StoreFs, file: string): Promise<string | null> {
  return (await readBytesIfExists(fs, file))?.toString('utf8') ?? null;
}

export async function readBytesIfExists(fs: StoreFs, file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export async function exists(fs: StoreFs, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Writes a whole file so that it is either the old or the new content after a crash. */
export async function writeFileDurably(fs: StoreFs, file: string, content: string | Uint8Array): Promise<void> {
  const temp = `${file}.tmp`;
  await writeAndSync(fs, temp, content);
  await renameWithRetry(fs, temp, file);
  await syncDirectory(fs, path.dirname(file));
}

/** Chunks are written one after another: each is turned into bytes on its own, never all at once. */
export async function writeAndSync(
  fs: StoreFs,
  file: string,
  content: string | Uint8Array | readonly (string | Uint8Array)[],
): Promise<void> {
  // A leftover file keeps its mode when opened with 'w': start from a new, private one.
  await fs.unlink(file).catch(() => undefined);
  const handle = await openPrivate(fs, file, 'w');
  try {
    for (const chunk of Array.isArray(content) ? content : [content]) await handle.writeFile(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is only durable once its directory is fsynced (ext4 and others may lose it otherwise). */
export async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  let handle: StoreFileHandle;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    // Windows cannot open a directory as a file; NTFS journals renames itself.
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle.close();
  }
}

/** Keeps a damaged file under a new name (never deletes it): `<name>.corrupt-<time>[-n]`. */
export async function moveAside(fs: StoreFs, file: string, now: number): Promise<string> {
  let candidate = `${file}.corrupt-${now}`;
  for (let n = 1; await exists(fs, candidate); n++) candidate = `${file}.corrupt-${now}-${n}`;
  await renameWithRetry(fs, file, candidate);
  return path.basename(candidate);
}

/** Keeps a copy of a damaged file that is about to be repaired in place. */
export async function copyAside(fs: StoreFs, file: string, now: number): Promise<string> {
  let candidate = `${file}.corrupt-${now}`;
  for (let n = 1; await exists(fs, candidate); n++) candidate = `${file}.corrupt-${now}-${n}`;
  await fs.copyFile(file, candidate);
  return path.basename(candidate);
}
