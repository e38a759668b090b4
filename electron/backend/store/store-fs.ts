/**
 * The file operations the store writes with. Production passes node:fs/promises; fault tests pass
 * a wrapper that fails with ENOSPC or EACCES at chosen moments. Lazy reads of one chat's history
 * are synchronous (the store API is synchronous) and use node:fs directly: faults are about writes.
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';

export interface StoreFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  truncate(length?: number): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFs {
  open(file: string, flags: string): Promise<StoreFileHandle>;
  readFile(file: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  stat(file: string): Promise<{ size: number }>;
  copyFile(from: string, to: string): Promise<void>;
}

export const nodeStoreFs: StoreFs = nodeFs;

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
  await fs.rename(temp, file);
  await syncDirectory(fs, path.dirname(file));
}

/** Chunks are written one after another: each is turned into bytes on its own, never all at once. */
export async function writeAndSync(
  fs: StoreFs,
  file: string,
  content: string | Uint8Array | readonly (string | Uint8Array)[],
): Promise<void> {
  const handle = await fs.open(file, 'w');
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
  await fs.rename(file, candidate);
  return path.basename(candidate);
}

/** Keeps a copy of a damaged file that is about to be repaired in place. */
export async function copyAside(fs: StoreFs, file: string, now: number): Promise<string> {
  let candidate = `${file}.corrupt-${now}`;
  for (let n = 1; await exists(fs, candidate); n++) candidate = `${file}.corrupt-${now}-${n}`;
  await fs.copyFile(file, candidate);
  return path.basename(candidate);
}
