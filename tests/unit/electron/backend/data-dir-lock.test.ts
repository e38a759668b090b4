/**
 * The data-folder lock (issue 10, point 4): a PID alone proves nothing. A lock left by a dead
 * process is taken over at once; one whose owner holds a live PID but no longer touches the lock
 * (a zombie, a PID reused by another program) is taken over once stale; of several processes
 * taking over one stale lock at the same moment, exactly one wins.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../../../electron/backend/data-dir-lock';
import { tempDataDir } from './store/store-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = tempDataDir();
let bundle = '';
let dataDir = '';
let serial = 0;

beforeAll(async () => {
  bundle = path.join(work.dir, 'lock-taker.mjs');
  await build({
    entryPoints: [path.join(here, 'fixtures', 'lock-taker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
  });
});
afterAll(() => work.remove());
beforeEach(() => {
  dataDir = path.join(work.dir, `data-${serial++}`);
  mkdirSync(dataDir);
});

/** A lock as another process left it: its owner file, last touched `ageMs` ago. */
function leftLock(pid: number, ageMs: number): void {
  const lockDir = path.join(dataDir, 'janela.lock');
  mkdirSync(lockDir);
  const ownerFile = path.join(lockDir, 'owner.json');
  writeFileSync(ownerFile, JSON.stringify({ pid, host: hostname(), token: `other-${pid}` }));
  const then = new Date(Date.now() - ageMs);
  utimesSync(ownerFile, then, then);
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

test('held by a live Janela: refused, and released cleanly', () => {
  const release = lockDataDir(dataDir);
  expect(() => lockDataDir(dataDir)).toThrow(DataDirBusyError);
  release();
  expect(existsSync(path.join(dataDir, 'janela.lock'))).toBe(false);
  lockDataDir(dataDir)();
});

test('left behind by a process that died (a crash, a failed shutdown): taken over at once', () => {
  leftLock(deadPid(), 0);
  const release = lockDataDir(dataDir);
  release();
});

test('a lock file of the earlier layout, left by a dead process: taken over', () => {
  writeFileSync(path.join(dataDir, 'janela.lock'), String(deadPid()));
  lockDataDir(dataDir)();
});

test('a live PID that no longer touches the lock (zombie, PID reused): busy while fresh, taken over once stale', () => {
  const someoneElse = process.ppid;
  leftLock(someoneElse, 1_000);
  expect(() => lockDataDir(dataDir, { staleMs: 30_000 })).toThrow(DataDirBusyError);
  utimesSync(path.join(dataDir, 'janela.lock', 'owner.json'), new Date(0), new Date(0));
  const release = lockDataDir(dataDir, { staleMs: 30_000, isAlive: () => true });
  release();
});

test('the owner touches its lock, and learns when it was taken from under it', async () => {
  let lost = false;
  const release = lockDataDir(dataDir, { heartbeatMs: 20, onLost: () => (lost = true) });
  const ownerFile = path.join(dataDir, 'janela.lock', 'owner.json');
  utimesSync(ownerFile, new Date(0), new Date(0));
  await expect.poll(() => Date.now() - statSync(ownerFile).mtimeMs).toBeLessThan(5_000);
  writeFileSync(ownerFile, JSON.stringify({ pid: 1, host: hostname(), token: 'another' }));
  await expect.poll(() => lost).toBe(true);
  release();
  // Not ours any more: release leaves the other owner's lock alone.
  expect(existsSync(ownerFile)).toBe(true);
});

test('four processes take over one stale lock at the same moment: exactly one gets it', async () => {
  leftLock(deadPid(), 0);
  const startAt = Date.now() + 1_500;
  const results = await Promise.all(
    Array.from(
      { length: 4 },
      () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [bundle, dataDir, String(startAt), '1500']);
          let output = '';
          let errors = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
          child.on('exit', (exitCode) => (exitCode === 0 ? resolve(output.trim()) : reject(new Error(errors))));
        }),
    ),
  );
  expect(results.sort()).toEqual(['busy', 'busy', 'busy', 'got']);
});
