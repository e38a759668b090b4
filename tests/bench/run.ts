/**
 * Janela store benchmark (npm run bench). On generated data of 10,000 contacts with 20,000 and
 * 200,000 messages it prints: hot load time (beside SQLite's answering the same question), cost per
 * inbound message (durable), with the checkpoint it causes amortised, beside SQLite (WAL,
 * synchronous=FULL) batched the same way (one transaction per 250 ms of changes) and with one
 * transaction per message, and a naive lowdb store that rewrites its whole file per message,
 * the longest event-loop block during a 100 messages/s burst (also with checkpoints), the bot's
 * reply time in such a burst beside a noise baseline (bot-bench.ts), and the time to open a
 * conversation. `-- --bot` runs the bot's row alone, `-- --metrics` the metrics rows alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, promises as fsPromises, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { snapshotHeadSize } from '../../electron/backend/backend';
import { recordGatewayMessage } from '../../electron/backend/chats/record-message';
import { createClock } from '../../electron/backend/clock';
import { openStore } from '../../electron/backend/store/open-store';
import { toChatSummary } from '../../electron/backend/profiles/profiles';
import { orderChats } from '../../shared/chats/chat-order';
import type { StoreData, StoredMessage } from '../../electron/backend/store/store-types';
import {
  baseData,
  chatIdOf,
  contactCount,
  epoch,
  generateData,
  makeMessage,
  type GeneratedData,
} from './generate-data';
import { printBotReplyRow } from './bot-bench';
import { runMetricsBench } from './metrics-bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = [20_000, 200_000];
const burstSize = 5_000;
const naiveWrites = 7;
// SQLite's cost per message is flat (one fsynced commit each): 1,000 give the same figure as 5,000 in a fifth of the time.
const sqliteMessages = 1_000;
const rateBurstSeconds = 5;
// At 100 msg/s the journal grows ~45 kB/s (message + contact row): a checkpoint every ~2 s.
const checkpointEveryBytes = 100_000;

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const hotLoadRuns = 5;

interface HotLoadRun {
  readyMs: number;
  allMs: number;
  cpuMs: number;
  pageFaults?: number;
  head: string[];
  chats: number;
  notices?: number;
}

interface HotLoad {
  best: number;
  median: number;
  cpuMedian: number;
  allMedian: number;
  faultsMedian: number;
  head: string[];
}

/**
 * Each run in a fresh process, so that nothing is warm. Every run must give the same head of the
 * list: the figures are for a right answer.
 */
function hotLoad(child: string, target: string, now: number): HotLoad {
  const results: HotLoadRun[] = [];
  for (let run = 0; run < hotLoadRuns; run++) {
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(here, child), target, String(now)],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(output) as HotLoadRun;
    const head = result.head.join();
    if (result.chats !== contactCount || (result.notices ?? 0) !== 0 || result.head.length !== snapshotHeadSize)
      throw new Error(`unexpected hot load result ${output}`);
    if (results[0] && results[0].head.join() !== head)
      throw new Error('hot load runs disagree on the head of the list');
    results.push(result);
  }
  return {
    best: Math.min(...results.map((result) => result.readyMs)),
    median: median(results.map((result) => result.readyMs)),
    cpuMedian: median(results.map((result) => result.cpuMs)),
    allMedian: median(results.map((result) => result.allMs)),
    faultsMedian: median(results.map((result) => result.pageFaults ?? Number.NaN)),
    head: results[0]?.head ?? [],
  };
}

/** The head the hot load gave must be the top of the whole list, ordered as the renderer orders it. */
async function checkHead(dataDir: string, now: number, head: readonly string[]): Promise<void> {
  const store = await openStore({ dataDir, clock: createClock(), defaults: baseData });
  await store.contactsLoaded();
  const all = orderChats(Object.values(store.data.contacts).map(toChatSummary), now);
  await store.close();
  const expected = all.slice(0, snapshotHeadSize).map((chat) => chat.chatId);
  if (expected.join() !== head.join()) throw new Error('the hot load head is not the top of the full list');
}

let serial = 10_000_000;
function inbound(chat: number) {
  const message = makeMessage(chat, serial++, epoch + 10_000_000_000 + serial, 'in');
  return {
    waId: message.id,
    chatId: message.chatId,
    fromMe: false,
    kind: message.kind,
    text: message.text,
    at: message.at,
    contactName: `Cliente ${chat}`,
  };
}

const randomChat = () => Math.floor(Math.random() * contactCount);

/**
 * Messages arrive in groups of 50 with a turn of the event loop between them, as events do; both
 * stores see the same arrivals, and both write at most 250 ms of changes per durable commit.
 */
async function arrive(onMessage: (message: ReturnType<typeof inbound>) => void, onTurn: () => void): Promise<void> {
  for (let n = 0; n < burstSize; n++) {
    onMessage(inbound(randomChat()));
    if (n % 50 === 49) {
      await tick();
      onTurn();
    }
  }
}

interface JanelaRecording {
  /** recordGatewayMessage alone (de-duplicate, append, fold the contact), summed: the part no I/O waits for. */
  inMemoryMs: number;
  /** Until the last batch was fsynced to the journal. */
  journalMs: number;
  /** The chats the burst wrote to: the chat files its checkpoint appends to. */
  chatsTouched: number;
  /** Also the checkpoint those messages cause: chat files appended and fsynced, janela.json rewritten. */
  amortisedMs: number;
}

/**
 * Janela: cost per message until the burst is durable in the journal, and the same including the
 * checkpoint it causes (close checkpoints at once; in use the journal's 4 MB limit triggers it
 * after ~9,000 messages, so charging it to 5,000 overstates it a little).
 */
async function janelaRecordCost(dataDir: string): Promise<JanelaRecording> {
  const store = await openStore({ dataDir, clock: createClock(), defaults: baseData });
  await store.contactsLoaded();
  const touched = new Set<string>();
  let inMemory = 0;
  const started = performance.now();
  await arrive(
    (message) => {
      const before = performance.now();
      recordGatewayMessage(store, message);
      inMemory += performance.now() - before;
      touched.add(message.chatId);
    },
    () => undefined,
  );
  await store.flush();
  const journalMs = (performance.now() - started) / burstSize;
  await store.close();
  const amortisedMs = (performance.now() - started) / burstSize;
  return { inMemoryMs: inMemory / burstSize, journalMs, chatsTouched: touched.size, amortisedMs };
}

/**
 * The floor of a layout with one file per chat: appending one line to each of `count` chat files
 * (copies), 8 at a time as a checkpoint does, with no fsync at all. Whatever else is saved, a
 * checkpoint after a burst over that many chats costs at least this.
 */
async function chatFileAppendFloor(dataDir: string, scratch: string, count: number): Promise<number> {
  const chatsDir = path.join(dataDir, 'history', 'chats');
  const names = readdirSync(chatsDir).slice(0, count);
  mkdirSync(scratch, { recursive: true });
  for (const name of names) copyFileSync(path.join(chatsDir, name), path.join(scratch, name));
  const line = `\n${JSON.stringify(inbound(1))}\n`;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < names.length) {
      const handle = await fsPromises.open(path.join(scratch, names[next++] as string), 'a', 0o600);
      await handle.writeFile(line);
      await handle.close();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const elapsed = performance.now() - started;
  rmSync(scratch, { recursive: true, force: true });
  return elapsed;
}

function sqliteDatabase(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare('INSERT OR IGNORE INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const touch = db.prepare(
    'UPDATE contacts SET last_inbound_at = ?, last_text = ?, last_at = ?, last_direction = ?, unread_count = unread_count + 1 WHERE chat_id = ?',
  );
  const record = (m: ReturnType<typeof inbound>) => {
    insert.run(m.waId, m.chatId, 'in', m.kind, m.text, m.at, null, null);
    touch.run(m.at, m.text, m.at, 'in', m.chatId);
  };
  return { db, record };
}

/** SQLite, one transaction per message: nothing reported saved is ever lost. */
function sqliteRecordCost(file: string): number {
  const { db, record } = sqliteDatabase(file);
  const one = db.transaction(record);
  const started = performance.now();
  for (let n = 0; n < sqliteMessages; n++) one(inbound(randomChat()));
  const perMessage = (performance.now() - started) / sqliteMessages;
  db.close();
  return perMessage;
}

/**
 * SQLite batched like Janela: the same arrivals, one transaction per 250 ms of changes (the same
 * loss window), counted until the last commit. WAL checkpoints are SQLite's own, inside commits.
 */
async function sqliteBatchedRecordCost(file: string): Promise<{ perMessage: number; transactions: number }> {
  const { db, record } = sqliteDatabase(file);
  const commit = db.transaction((batch: ReturnType<typeof inbound>[]) => batch.forEach(record));
  let batch: ReturnType<typeof inbound>[] = [];
  let batchStarted = performance.now();
  let transactions = 0;
  const flush = () => {
    if (batch.length === 0) return;
    commit(batch);
    transactions++;
    batch = [];
    batchStarted = performance.now();
  };
  const started = performance.now();
  await arrive(
    (message) => {
      if (batch.length === 0) batchStarted = performance.now();
      batch.push(message);
    },
    () => {
      if (performance.now() - batchStarted >= 250) flush();
    },
  );
  flush();
  const perMessage = (performance.now() - started) / burstSize;
  db.close();
  return { perMessage, transactions };
}

/** lowdb as its README shows it: one file, whole rewrite per change (and no fsync at all). Median of its writes. */
async function naiveRecordCost(file: string): Promise<number> {
  const db = new Low<StoreData & { messages: StoredMessage[] }>(new JSONFile(file), { ...baseData(), messages: [] });
  await db.read();
  const samples: number[] = [];
  for (let n = 0; n < naiveWrites; n++) {
    const m = inbound(randomChat());
    const started = performance.now();
    await db.update((data) => {
      data.messages.push({ id: m.waId, chatId: m.chatId, direction: 'in', kind: m.kind, text: m.text, at: m.at });
      const contact = data.contacts[m.chatId];
      if (contact) {
        contact.lastInboundAt = m.at;
        contact.lastMessage = { text: m.text, at: m.at, direction: 'in' };
        contact.unreadCount++;
      }
    });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/**
 * 100 messages per second for a few seconds, in a fresh process: the longest the event loop was
 * blocked. `journalLimitBytes` makes the store checkpoint (rewrite janela.json) during the burst.
 */
function eventLoopBlock(
  dataDir: string,
  journalLimitBytes?: number,
): { maxMs: number; p99Ms: number; driftMaxMs: number } {
  const args = [path.join(here, 'event-loop-child.ts'), dataDir, String(rateBurstSeconds)];
  if (journalLimitBytes !== undefined) args.push(String(journalLimitBytes));
  const output = execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8' });
  return JSON.parse(output) as { maxMs: number; p99Ms: number; driftMaxMs: number };
}

async function openConversation(
  dataDir: string,
  busyChat: number,
): Promise<{ busyMs: number; typicalMs: number; busyCount: number }> {
  const store = await openStore({ dataDir, clock: createClock(), defaults: baseData });
  let started = performance.now();
  const busy = store.readMessages(chatIdOf(busyChat), { limit: 50 });
  const busyMs = performance.now() - started;
  const typical: number[] = [];
  for (let n = 1; n <= 21; n++) {
    started = performance.now();
    const page = store.readMessages(chatIdOf(n * 397), { limit: 50 });
    typical.push(performance.now() - started);
    if (page.messages.length === 0) throw new Error('expected messages in a typical chat');
  }
  if (busy.messages.length !== 50 || !busy.hasMore) throw new Error('expected a full first page in the busy chat');
  const all = store.readMessages(chatIdOf(busyChat), { limit: 1_000_000 }).messages.length;
  await store.close();
  return { busyMs, typicalMs: median(typical), busyCount: all };
}

function machine(): string {
  const cpu =
    /model name\s*:\s*(.*)/.exec(spawnSync('cat', ['/proc/cpuinfo'], { encoding: 'utf8' }).stdout)?.[1] ??
    os.cpus()[0]?.model ??
    'unknown';
  return `${os.availableParallelism()} cores (nproc), ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const root = mkdtempSync(path.join(os.tmpdir(), 'janela-bench-'));
  console.log(`Machine: ${machine()}`);
  const load = () =>
    os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  console.log(`Load average at start: ${load()} (other work on the machine inflates every wall-clock figure)`);
  console.log(`Data in ${root}\n`);
  try {
    // `npm run bench -- --metrics`: the metrics rows only.
    if (process.argv.includes('--metrics')) {
      await runMetricsBench(root);
      return;
    }
    // `npm run bench -- --bot`: the bot's row only, on the smaller data set (the bot reads no history).
    if (process.argv.includes('--bot')) {
      const size = sizes[0] ?? 20_000;
      const data = await generateData(path.join(root, String(size)), size);
      printBotReplyRow(data.janelaDir, rateBurstSeconds);
      return;
    }
    const datasets: GeneratedData[] = [];
    for (const size of sizes) {
      const started = performance.now();
      datasets.push(await generateData(path.join(root, String(size)), size));
      console.log(
        `generated ${contactCount} contacts / ${size} messages in ${fmt((performance.now() - started) / 1000, 1)} s`,
      );
    }
    console.log('');
    for (const data of datasets) {
      const label = `${contactCount} contacts, ${data.messageCount} messages`;
      console.log(`== ${label}`);
      // An hour after the last message: the windows of the last 23 hours of messages are open.
      const now = epoch + data.messageCount * 1000 + 3_600_000;
      const load = hotLoad('hot-load-child.ts', data.janelaDir, now);
      const sqliteLoad = hotLoad('sqlite-hot-load-child.ts', data.sqliteFile, now);
      await checkHead(data.janelaDir, now, load.head);
      const sameHead = load.head.join() === sqliteLoad.head.join() ? 'same 100 chats' : 'DIFFERENT chats';
      console.log(
        `hot load (open the store → chat list ready: its first ${snapshotHeadSize} chats in urgency order out of ${contactCount}, fresh process, ${hotLoadRuns} runs):   [target ≤ 50 ms]`,
      );
      console.log(
        `  Janela (janela.json head)        best ${fmt(load.best, 1)} ms, median ${fmt(load.median, 1)} ms (CPU ${fmt(load.cpuMedian, 1)} ms, ${fmt(load.faultsMedian, 0)} page faults)   ${fmt(load.median / sqliteLoad.median)}× SQLite`,
      );
      console.log(
        `  SQLite (ORDER BY urgency LIMIT)  best ${fmt(sqliteLoad.best, 1)} ms, median ${fmt(sqliteLoad.median, 1)} ms (CPU ${fmt(sqliteLoad.cpuMedian, 1)} ms)   1.00× SQLite (${sameHead})`,
      );
      console.log(
        `  every contact read: Janela (in the background, after the above) median ${fmt(load.allMedian, 1)} ms; SQLite (SELECT all) median ${fmt(sqliteLoad.allMedian, 1)} ms`,
      );
      const conversation = await openConversation(data.janelaDir, data.busyChat);
      console.log(
        `open a conversation (last 50, cold cache): busiest chat (${conversation.busyCount} msgs) ${fmt(conversation.busyMs)} ms, typical chat ${fmt(conversation.typicalMs)} ms   [target ≤ 10 ms]`,
      );
      const block = eventLoopBlock(data.janelaDir);
      console.log(
        `event loop at 100 msg/s for ${rateBurstSeconds} s: longest block ${fmt(block.maxMs, 1)} ms (p99 ${fmt(block.p99Ms, 1)} ms, drift probe ${fmt(block.driftMaxMs, 1)} ms)   [target ≤ 20 ms]`,
      );
      const withCheckpoints = eventLoopBlock(data.janelaDir, checkpointEveryBytes);
      console.log(
        `  same, janela.json rewritten every ~2 s (journal limit ${checkpointEveryBytes / 1000} kB): longest block ${fmt(withCheckpoints.maxMs, 1)} ms (p99 ${fmt(withCheckpoints.p99Ms, 1)} ms)`,
      );
      printBotReplyRow(data.janelaDir, rateBurstSeconds);
      const janela = await janelaRecordCost(data.janelaDir);
      const floorMs = await chatFileAppendFloor(data.janelaDir, path.join(root, 'floor'), janela.chatsTouched);
      const batched = await sqliteBatchedRecordCost(data.sqliteFile);
      const sqlite = sqliteRecordCost(data.sqliteFile);
      const naive = await naiveRecordCost(data.naiveFile);
      console.log(
        `record one inbound message, burst of ${burstSize}, durable (fsynced):   [target: Janela ≤ SQLite batched]`,
      );
      console.log(
        `  Janela, incl. its checkpoint     ${fmt(janela.amortisedMs, 3)} ms/msg   ${fmt(janela.amortisedMs / batched.perMessage)}× SQLite batched`,
      );
      console.log(
        `  Janela, journal only             ${fmt(janela.journalMs, 3)} ms/msg   ${fmt(janela.journalMs / batched.perMessage)}× SQLite batched (until the burst is fsynced; the checkpoint comes later)`,
      );
      console.log(
        `  Janela, in memory only           ${fmt(janela.inMemoryMs, 3)} ms/msg   ${fmt(janela.inMemoryMs / batched.perMessage)}× SQLite batched (de-duplicate, append, fold; reads each chat's file once)`,
      );
      console.log(
        `  floor of one file per chat       ${fmt(floorMs / burstSize, 3)} ms/msg   ${fmt(floorMs / burstSize / batched.perMessage)}× SQLite batched (one line appended to each of the ${janela.chatsTouched} chat files the burst touched, no fsync)`,
      );
      console.log(
        `  SQLite, one txn per 250 ms       ${fmt(batched.perMessage, 3)} ms/msg   1.00× SQLite batched (${batched.transactions} transactions, WAL, synchronous=FULL)`,
      );
      console.log(
        `  SQLite, one txn per message      ${fmt(sqlite, 3)} ms/msg   ${fmt(sqlite / batched.perMessage)}× SQLite batched (${sqliteMessages} transactions)`,
      );
      console.log(
        `  naive lowdb (rewrite per msg)    ${fmt(naive, 1)} ms/msg   ${fmt(naive / batched.perMessage, 0)}× SQLite batched (median of ${naiveWrites} writes, no fsync)\n`,
      );
    }
    await runMetricsBench(root);
    console.log(`Load average at end: ${load()}; whole run ${fmt((performance.now() - runStarted) / 1000, 0)} s`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
