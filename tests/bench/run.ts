/**
 * Janela store benchmark (npm run bench). On generated data of 10,000 contacts with 20,000 and
 * 200,000 messages it prints: hot load time (beside SQLite's answering the same question), cost per
 * inbound message (durable), with the checkpoint it causes amortised, beside SQLite (WAL,
 * synchronous=FULL) batched the same way (one transaction per 250 ms of changes) and with one
 * transaction per message, and a naive lowdb store that rewrites its whole file per message,
 * the longest event-loop block during a 100 messages/s burst (also with checkpoints), the bot's
 * reply time in such a burst beside a noise baseline (bot-bench.ts), and the time to open a
 * conversation. `-- --bot` runs the bot's row alone, `-- --metrics` the metrics rows alone, `-- --record`
 * the recording rows alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, promises as fsPromises, readdirSync, rmSync, statSync } from 'node:fs';
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
import { defaultJournalLimitBytes, openStore } from '../../electron/backend/store/open-store';
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
// Messages a second in the recording rows' steady case: a very busy shop.
const steadyRate = 100;
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

type Inbound = ReturnType<typeof inbound>;

/**
 * How messages arrive and are committed. A burst: 50 per event-loop turn as fast as they come, as
 * after being offline, committed once 250 ms of them have gathered. Steady: 100 a second, so that
 * each 250 ms commit holds 25 (`perCommit`); the idle time between commits is not counted. Janela's
 * batches are recorded and SQLite commits exactly the same ones.
 */
type Arrival = { kind: 'burst' } | { kind: 'steady'; perCommit: number };
const batchMs = 250;
const burst: Arrival = { kind: 'burst' };
const steadyPerCommit = (steadyRate * batchMs) / 1000;
const steady: Arrival = { kind: 'steady', perCommit: steadyPerCommit };
/** Wall and CPU time (every thread of the process: fsyncs run on libuv's), per message. */
interface Cost {
  wallMs: number;
  cpuMs: number;
}

function startTimer(): (messages: number) => Cost {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return (messages) => {
    const used = process.cpuUsage(cpu);
    return { wallMs: (performance.now() - wall) / messages, cpuMs: (used.user + used.system) / 1000 / messages };
  };
}

interface JanelaRecording {
  /** The cycle's messages, as committed: SQLite commits the same batches. */
  batches: Inbound[][];
  messages: number;
  /** The chats the cycle wrote to: the chat files its checkpoint appends to. */
  chatsTouched: number;
  /** recordGatewayMessage alone (de-duplicate, append, fold the contact), summed: the part no I/O waits for. */
  inMemoryMs: number;
  /** Until the last batch was fsynced to the journal. */
  journal: Cost;
  /** Also the checkpoint the cycle causes: chat files appended and fdatasynced, janela.json rewritten. */
  withCheckpoint: Cost;
}

/**
 * Janela over one journal cycle: batches are committed until the journal passes the 4 MB after
 * which the store checkpoints in use, then that checkpoint runs, so every message carries its exact
 * share of one checkpoint. The bench commits (`flush()`) where the store's timer would; the store
 * is told to wait longer and not to checkpoint on its own, so that the two never race.
 */
async function janelaRecordCost(dataDir: string, arrival: Arrival): Promise<JanelaRecording> {
  const store = await openStore({
    dataDir,
    clock: createClock(),
    defaults: baseData,
    flushDelayMs: 1000,
    journalLimitBytes: Number.POSITIVE_INFINITY,
  });
  await store.contactsLoaded();
  const journalFile = path.join(dataDir, 'history', 'journal.jsonl');
  const batches: Inbound[][] = [];
  let batch: Inbound[] = [];
  let inMemory = 0;
  const record = (count: number) => {
    for (let n = 0; n < count; n++) {
      const message = inbound(randomChat());
      const before = performance.now();
      recordGatewayMessage(store, message);
      inMemory += performance.now() - before;
      batch.push(message);
    }
  };
  const timer = startTimer();
  let batchStarted = performance.now();
  for (;;) {
    if (arrival.kind === 'burst') {
      record(50);
      await tick();
      if (performance.now() - batchStarted < batchMs) continue;
    } else {
      record(arrival.perCommit);
    }
    await store.flush();
    batches.push(batch);
    batch = [];
    batchStarted = performance.now();
    if (statSync(journalFile).size >= defaultJournalLimitBytes) break;
  }
  const messages = batches.reduce((sum, each) => sum + each.length, 0);
  const journal = timer(messages);
  await store.close();
  const withCheckpoint = timer(messages);
  const chatsTouched = new Set(batches.flat().map((message) => message.chatId)).size;
  return { batches, messages, chatsTouched, inMemoryMs: inMemory / messages, journal, withCheckpoint };
}

/**
 * The floor of a layout with one file per chat: appending one line to each of `count` chat files
 * (copies), 8 at a time as a checkpoint does, with no fsync at all. Whatever else is saved, a
 * checkpoint after a cycle over that many chats costs at least this.
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
  const record = (m: Inbound) => {
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
 * SQLite batched like Janela: the same messages in the same commits (one transaction per 250 ms of
 * changes: the same loss window), then its own checkpoint — the WAL copied into the database file,
 * synced and emptied, as Janela's cycle ends with the journal moved into its files. SQLite's
 * automatic checkpoints (every 1,000 WAL pages) run inside commits and are counted there.
 */
function sqliteBatchedRecordCost(file: string, batches: readonly Inbound[][]): Cost {
  const { db, record } = sqliteDatabase(file);
  const commit = db.transaction((batch: readonly Inbound[]) => batch.forEach(record));
  const timer = startTimer();
  for (const batch of batches) commit(batch);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const cost = timer(batches.reduce((sum, batch) => sum + batch.length, 0));
  db.close();
  return cost;
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

interface RecordingRows {
  burst: { janela: JanelaRecording; sqlite: Cost };
  steady: { janela: JanelaRecording; sqlite: Cost };
  floorMs: number;
  perMessageMs: number;
  naiveMs: number;
}

async function recordingRows(data: GeneratedData, root: string): Promise<RecordingRows> {
  const burstJanela = await janelaRecordCost(data.janelaDir, burst);
  const floorMs = await chatFileAppendFloor(data.janelaDir, path.join(root, 'floor'), burstJanela.chatsTouched);
  const burstSqlite = sqliteBatchedRecordCost(data.sqliteFile, burstJanela.batches);
  const steadyJanela = await janelaRecordCost(data.janelaDir, steady);
  const steadySqlite = sqliteBatchedRecordCost(data.sqliteFile, steadyJanela.batches);
  return {
    burst: { janela: burstJanela, sqlite: burstSqlite },
    steady: { janela: steadyJanela, sqlite: steadySqlite },
    floorMs,
    perMessageMs: sqliteRecordCost(data.sqliteFile),
    naiveMs: await naiveRecordCost(data.naiveFile),
  };
}

function printRecordingRows(rows: RecordingRows): void {
  /** One row: wall time (and CPU when measured) per message, as a multiple of the case's SQLite batched. */
  const row = (label: string, cost: { wallMs: number; cpuMs?: number }, base: Cost, note: string) => {
    const cpu = cost.cpuMs === undefined ? '' : ` (CPU ${fmt(cost.cpuMs, 3)})`;
    const cpuRatio = cost.cpuMs === undefined ? '' : ` (CPU ${fmt(cost.cpuMs / base.cpuMs)}×)`;
    return `    ${label.padEnd(32)} ${fmt(cost.wallMs, 3)} ms/msg${cpu}   ${fmt(cost.wallMs / base.wallMs)}× SQLite batched${cpuRatio}${note}`;
  };
  console.log(
    `record one inbound message, durable (fsynced), each store's checkpoint included, amortised over one journal cycle (${defaultJournalLimitBytes / 1024 / 1024} MB of journal, after which Janela checkpoints):   [target: Janela ≤ SQLite batched]`,
  );
  const cases = [
    ['a burst: 50 messages per event-loop turn, as fast as they come (a catch-up after being offline)', rows.burst],
    [
      `steady: ${steadyRate} messages a second, one durable commit per ${batchMs} ms (${steadyPerCommit} messages; the idle time between commits not counted)`,
      rows.steady,
    ],
  ] as const;
  for (const [title, { janela, sqlite: base }] of cases) {
    console.log(`  ${title}, ${janela.messages} messages:`);
    console.log(row('Janela, incl. its checkpoint', janela.withCheckpoint, base, ''));
    console.log(row('Janela, journal only', janela.journal, base, ' (until the last batch is fsynced)'));
    const checkpoint = {
      wallMs: janela.withCheckpoint.wallMs - janela.journal.wallMs,
      cpuMs: janela.withCheckpoint.cpuMs - janela.journal.cpuMs,
    };
    const files = `${janela.chatsTouched} chat files`;
    console.log(
      row(
        'Janela, its checkpoint alone',
        checkpoint,
        base,
        ` (${files} appended and fdatasynced, janela.json rewritten)`,
      ),
    );
    console.log(
      row(
        'Janela, in memory only',
        { wallMs: janela.inMemoryMs },
        base,
        " (de-duplicate, append, fold; reads each chat's file once)",
      ),
    );
    if (janela === rows.burst.janela) {
      const floor = { wallMs: rows.floorMs / janela.messages };
      console.log(
        row('floor of one file per chat', floor, base, ` (one line appended to each of the ${files}, no fsync)`),
      );
    }
    console.log(
      row(
        'SQLite, one txn per 250 ms',
        base,
        base,
        ` (the same ${janela.batches.length} commits, then its WAL checkpoint; WAL, synchronous=FULL)`,
      ),
    );
  }
  const burstBase = rows.burst.sqlite.wallMs;
  console.log(
    `  SQLite, one txn per message      ${fmt(rows.perMessageMs, 3)} ms/msg   ${fmt(rows.perMessageMs / burstBase)}× SQLite batched (burst) (${sqliteMessages} transactions)`,
  );
  console.log(
    `  naive lowdb (rewrite per msg)    ${fmt(rows.naiveMs, 1)} ms/msg   ${fmt(rows.naiveMs / burstBase, 0)}× SQLite batched (burst) (median of ${naiveWrites} writes, no fsync)\n`,
  );
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
    const recordOnly = process.argv.includes('--record');
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
      // `npm run bench -- --record`: the recording rows only, on both data sets.
      if (recordOnly) {
        printRecordingRows(await recordingRows(data, root));
        continue;
      }
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
      printRecordingRows(await recordingRows(data, root));
    }
    if (!recordOnly) await runMetricsBench(root);
    console.log(`Load average at end: ${load()}; whole run ${fmt((performance.now() - runStarted) / 1000, 0)} s`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
