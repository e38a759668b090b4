/**
 * No reply goes out twice after a crash (issue 10, defect 3). A child process queues a reply and is
 * killed with SIGKILL the moment it asks WhatsApp to send it. Whatever WhatsApp did with it, the
 * next start must know an attempt was made, and look the reply up before sending anything.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createManualClock } from '../manual-clock';
import type { WhatsAppGateway } from '../../../../../electron/backend/gateways/gateway';
import { Outbox } from '../../../../../electron/backend/sending/outbox';
import { open, tempDataDir } from '../store/store-fixtures';
import { crashChat, crashStart, crashText } from './fixtures/outbox-crash-world';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = tempDataDir();
let bundle = '';

beforeAll(async () => {
  bundle = path.join(work.dir, 'outbox-crash-sender.mjs');
  await build({
    entryPoints: [path.join(here, 'fixtures', 'outbox-crash-sender.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'error',
  });
});
afterAll(() => work.remove());

/** Runs the child until it is inside sendText, then kills it. */
function sendAndKill(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    let sending = false;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!sending && chunk.toString().includes('sending')) {
        sending = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => (sending ? resolve() : reject(new Error(`the child never sent: ${errors}`))));
  });
}

test('killed between marking the attempt and WhatsApp’s answer: after restart it is looked up, not sent again', async () => {
  const dataDir = path.join(work.dir, 'data');
  await sendAndKill(dataDir);

  const clock = createManualClock(crashStart + 5_000);
  const store = await open(dataDir, { clock });
  const [entry] = store.data.outbox;
  expect(entry).toMatchObject({ chatId: crashChat, text: crashText });
  // The attempt reached the disk before the send began.
  expect(entry?.attemptedAt).not.toBeNull();

  const sent: string[] = [];
  const lookups: string[] = [];
  const gateway = {
    kind: 'simulated',
    status: () => ({ state: 'connected' }),
    sendText: (_chatId: string, text: string) => {
      sent.push(text);
      return Promise.resolve({ waId: 'second-copy' });
    },
    // WhatsApp did get the first one before the crash.
    findSent: (_chatId: string, text: string) => {
      lookups.push(text);
      return Promise.resolve({ waId: 'first-copy', status: 'sent' });
    },
  } as unknown as WhatsAppGateway;
  const outbox = new Outbox({
    store,
    clock,
    gateway: () => gateway,
    settings: () => ({ ...store.data.settings, sendIntervalMs: 0 }),
    onMessage: () => undefined,
    onContact: () => undefined,
    log: () => undefined,
  });
  outbox.kick();
  await expect.poll(() => store.data.outbox.length).toBe(0);
  expect(lookups).toEqual([crashText]);
  expect(sent).toEqual([]);
  expect(store.getMessage(crashChat, entry?.messageId ?? '')).toMatchObject({ waId: 'first-copy', status: 'sent' });
  outbox.close();
  await store.close();
});
