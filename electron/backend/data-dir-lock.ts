/**
 * One process writes a data folder. Electron adds its single-instance lock on top; this lock also
 * covers the browser host and a desktop app pointed at the same `--data-dir`.
 *
 * The lock is a folder, `janela.lock/` (mkdir is atomic everywhere), holding `owner.json`: the
 * owner's PID, host and a random token. The owner touches that file every few seconds. A lock is
 * stale when its owner is a dead process on this machine (a crash or a failed shutdown: taken over
 * at once), or when it has not been touched for `staleMs` (a zombie still holding its PID, a PID
 * reused by another program, a machine that went down): a PID alone proves nothing. Taking over
 * a stale lock goes through a second folder, so that of two processes doing it at once only one
 * wins and neither removes the other's fresh lock.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createClock } from './clock';

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`Another Janela (process ${pid}) is already using ${dataDir}. Close it first, or choose another --data-dir.`);
    this.name = 'DataDirBusyError';
  }
}

export interface LockOptions {
  /** Untouched for this long, a lock is stale whoever holds its PID. */
  staleMs?: number;
  /** How often the owner touches its lock. */
  heartbeatMs?: number;
  /** Whether a PID is a running process (a zombie counts as running). */
  isAlive?: (pid: number) => boolean;
  /** The lock was taken from under this process (it had stalled for longer than staleMs). */
  onLost?: () => void;
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

/** File times are the system's: compared with the system clock, never a test's adjusted one. */
const systemClock = createClock();
const defaultStaleMs = 30_000;
const defaultHeartbeatMs = 5_000;
/** Locks held by this process: a second lock of the same folder here is refused, not taken over. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function readOwner(lockDir: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8')) as Partial<Owner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string')
      return owner as Owner;
  } catch (error) {
    // Earlier versions wrote a file holding the PID.
    if (code(error) === 'ENOTDIR') return legacyOwner(lockDir);
    // Otherwise being written by its owner right now, or damaged: its age decides.
  }
  return null;
}

function legacyOwner(lockFile: string): Owner | null {
  const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
  return Number.isInteger(pid) ? { pid, host: hostname(), token: `legacy-${pid}` } : null;
}

/** Milliseconds since the lock was last touched (the owner file, else the folder); null when gone. */
function ageOf(lockDir: string): number | null {
  for (const file of [join(lockDir, 'owner.json'), lockDir]) {
    try {
      return systemClock.now() - statSync(file).mtimeMs;
    } catch (error) {
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') throw error;
    }
  }
  return null;
}

function tryCreate(lockDir: string, owner: Owner): boolean {
  try {
    mkdirSync(lockDir, { mode: 0o700 });
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(lockDir, 'owner.json'), JSON.stringify(owner), { mode: 0o600, flag: 'wx' });
  return true;
}

/** Takes the lock or throws DataDirBusyError; returns the release function. */
export function lockDataDir(dataDir: string, options: LockOptions = {}): () => void {
  const staleMs = options.staleMs ?? defaultStaleMs;
  const alive = options.isAlive ?? isAlive;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockDir = join(dataDir, 'janela.lock');
  const me: Owner = { pid: process.pid, host: hostname(), token: randomUUID() };
  const stale = (owner: Owner | null): boolean => {
    if (heldHere.has(lockDir)) return false;
    const age = ageOf(lockDir);
    if (age === null || age > staleMs) return true;
    // A dead owner on this machine (or an earlier run of this very PID) left it behind.
    return owner !== null && owner.host === me.host && (owner.pid === process.pid || !alive(owner.pid));
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockDir, me)) return hold(lockDir, me, options);
    const owner = readOwner(lockDir);
    if (!stale(owner)) throw new DataDirBusyError(dataDir, owner?.pid ?? -1);
    takeOver(lockDir, owner, stale);
  }
  throw new DataDirBusyError(dataDir, readOwner(lockDir)?.pid ?? -1);
}

/**
 * Removes a stale lock, under `janela.lock.takeover/` so that one process at a time does it, and
 * only if it is still the lock that was found stale (another process may have taken it over since).
 */
function takeOver(lockDir: string, seen: Owner | null, stale: (owner: Owner | null) => boolean): void {
  const mutex = `${lockDir}.takeover`;
  try {
    mkdirSync(mutex, { mode: 0o700 });
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
    // Another process is taking over now; one that crashed doing so left this behind.
    const age = ageOf(mutex);
    if (age !== null && age > 10_000) rmSync(mutex, { recursive: true, force: true });
    return;
  }
  try {
    const owner = readOwner(lockDir);
    if (owner?.token === seen?.token && stale(owner)) rmSync(lockDir, { recursive: true, force: true });
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

function hold(lockDir: string, me: Owner, options: LockOptions): () => void {
  heldHere.add(lockDir);
  const ownerFile = join(lockDir, 'owner.json');
  const heartbeat = setInterval(() => {
    if (readOwner(lockDir)?.token !== me.token) {
      clearInterval(heartbeat);
      heldHere.delete(lockDir);
      options.onLost?.();
      return;
    }
    const now = new Date(systemClock.now());
    try {
      utimesSync(ownerFile, now, now);
    } catch {
      // Checked again at the next beat.
    }
  }, options.heartbeatMs ?? defaultHeartbeatMs);
  heartbeat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    heldHere.delete(lockDir);
    if (readOwner(lockDir)?.token === me.token) rmSync(lockDir, { recursive: true, force: true });
  };
}
