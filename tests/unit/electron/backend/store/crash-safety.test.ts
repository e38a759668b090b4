/**
 * Kills a writing process with SIGKILL at random moments, 30 times, and checks after each kill
 * that the store opens and holds every message the writer had reported as saved (its flush had
 * resolved). The writer is bundled once with esbuild (tsx's own compiler), because starting it
 * through tsx takes ~1 s per run on a small machine.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chatIdOf, open, tempDataDir } from './store-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const kills = 30;
let bundle = '';
const work = tempDataDir();

beforeAll(async () => {
  bundle = path.join(work.dir, 'crash-writer.mjs');
  await build({
    entryPoints: [path.join(here, 'fixtures', 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
  });
});
afterAll(() => work.remove());

interface WriterRun {
  saved: string[];
  signal: NodeJS.Signals | null;
}

function runAndKill(dataDir: string, firstId: number, killAfterMs: number): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, String(firstId)], {
      // NODE_ENV=test is where lowdb's preset would silently use memory: the store must not.
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let ready = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!ready && output.startsWith('ready\n')) {
        ready = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (!ready) return reject(new Error(`writer did not start: ${errors}`));
      // Only whole lines count: a line cut by the kill was not reported.
      const lines = output.split('\n').slice(1, -1);
      resolve({ saved: lines.filter((line) => line.startsWith('m')), signal });
    });
  });
}

test(`every message reported saved survives ${kills} SIGKILLs`, async () => {
  const dataDir = path.join(work.dir, 'data');
  let firstId = 0;
  let totalSaved = 0;
  for (let round = 0; round < kills; round++) {
    const run = await runAndKill(dataDir, firstId, 5 + Math.floor(Math.random() * 120));
    expect(run.signal).toBe('SIGKILL');
    const store = await open(dataDir);
    for (const id of run.saved) {
      const n = Number(id.slice(1));
      const stored = store.getMessage(chatIdOf(n % 37), id);
      expect(stored, `round ${round}: ${id} was reported saved`).not.toBeNull();
      if (n % 3 === 0) expect(stored?.status).toBe('read');
    }
    const last = run.saved.at(-1);
    if (last) {
      const n = Number(last.slice(1));
      expect(store.data.contacts[chatIdOf(n % 37)]?.unreadCount ?? -1).toBeGreaterThanOrEqual(n);
    }
    expect(store.loadNotices.filter((notice) => notice.detail.startsWith('janela.json'))).toEqual([]);
    await store.close();
    totalSaved += run.saved.length;
    firstId += 100_000;
  }
  // The kills must land while writing, not before the first flush.
  expect(totalSaved).toBeGreaterThan(kills * 5);
}, 60_000);
