/**
 * The keeper trusts metrics.jsonl only after a clean close that matches the store: then a restart
 * reads no history. After a crash (a torn last line, a batch never written, a store written past
 * the file) every record is rebuilt from history, and equals the records kept message by message.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { recordGatewayMessage } from '../../../../../electron/backend/chats/record-message';
import type { GatewayMessage } from '../../../../../electron/backend/gateways/gateway';
import { ConversationKeeper } from '../../../../../electron/backend/metrics/conversation-keeper';
import { MetricsFile, metricsFileName } from '../../../../../electron/backend/metrics/metrics-file';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { nodeStoreFs } from '../../../../../electron/backend/store/store-fs';
import {
  emptyStoreData,
  type JanelaStore,
  type StoredMessage,
} from '../../../../../electron/backend/store/store-types';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { createManualClock } from '../manual-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = Date.UTC(2026, 10, 25, 13, 0, 0);
const clock = createManualClock(start);
const dirs: string[] = [];
const open: { keeper: ConversationKeeper; store: JanelaStore }[] = [];

afterEach(async () => {
  for (const { keeper, store } of open.splice(0)) {
    await keeper.close();
    await store.close();
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'janela-keeper-'));
  dirs.push(dir);
  return dir;
}

async function openKeeper(dataDir: string) {
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => emptyStoreData(defaultSettings('America/Sao_Paulo', 'en')),
  });
  const logged: string[] = [];
  const keeper = new ConversationKeeper({
    store,
    file: new MetricsFile(nodeStoreFs, dataDir, () => clock.now()),
    log: (line) => logged.push(line),
  });
  await keeper.start();
  const opened = { keeper, store, logged };
  open.push(opened);
  return opened;
}

async function closeKeeper(opened: { keeper: ConversationKeeper; store: JanelaStore }): Promise<void> {
  open.splice(open.indexOf(opened), 1);
  await opened.keeper.close();
  await opened.store.close();
}

let serial = 0;
/** Records a message in the store and shows it to the keeper, as the backend does. */
function receive(
  opened: { keeper: ConversationKeeper; store: JanelaStore },
  chat: number,
  fromMe = false,
  text = fromMe ? 'Olá!' : 'Oi',
): void {
  const message: GatewayMessage = {
    waId: `w-${serial++}`,
    chatId: `55119000000${String(chat).padStart(2, '0')}@c.us` as never,
    fromMe,
    kind: 'text',
    text,
    at: clock.now(),
    contactName: `C${chat}`,
    ...(fromMe ? { status: 'sent' as const } : {}),
  };
  const stored = recordGatewayMessage(opened.store, message);
  if (stored) opened.keeper.record(stored);
}

/** A week of eight customers: some answered, some missed, some back after their window closed. */
function playWeek(opened: { keeper: ConversationKeeper; store: JanelaStore }): void {
  for (let step = 0; step < 120; step++) {
    receive(opened, step % 8, step % 3 === 1);
    clock.advance(step % 7 === 0 ? 30 * HOUR : 20 * MINUTE);
  }
}

const sorted = (keeper: ConversationKeeper) =>
  keeper.records().sort((a, b) => a.startedAt - b.startedAt || a.chatId.localeCompare(b.chatId));

/** The records and every chat's fold state (copied: folding changes them in place). */
const keptBy = (keeper: ConversationKeeper) => ({ records: sorted(keeper), states: structuredClone(keeper.states()) });

/**
 * Opens the folder again: a trusted file gives back exactly the records kept and the states to go on
 * folding from (`newestAt` included, which the file does not hold), with no chat rebuilt.
 */
async function expectLoadedFromFile(dataDir: string, kept: ReturnType<typeof keptBy>): Promise<void> {
  const again = await openKeeper(dataDir);
  expect(again.keeper.chatsRebuilt).toBe(0);
  expect(keptBy(again.keeper)).toEqual(kept);
}

describe('conversation keeper restarts', () => {
  it('survey answers folded before a clean close are read again as scores from the file, a quiet chat’s included', async () => {
    const dataDir = newDir();
    const first = await openKeeper(dataDir);
    const survey = (chat: number) =>
      first.keeper.record({
        id: `survey-${serial++}`,
        chatId: `55119000000${String(chat).padStart(2, '0')}@c.us` as never,
        direction: 'out',
        kind: 'text',
        text: 'De 1 a 5, como foi seu atendimento?',
        at: clock.now(),
        status: 'sent',
        csatSurvey: true,
      } as StoredMessage);
    // Chat 1 quiet for weeks first: its answer is folded in order, never as a late message.
    receive(first, 1);
    clock.advance(30 * 24 * HOUR);
    for (const chat of [1, 2]) {
      receive(first, chat);
      clock.advance(MINUTE);
      receive(first, chat, true);
      clock.advance(MINUTE);
      survey(chat);
      clock.advance(MINUTE);
    }
    receive(first, 1, false, '5');
    clock.advance(MINUTE);
    receive(first, 2, false, 'ótimo');
    const kept = keptBy(first.keeper);
    expect(kept.records.map((record) => record.csatScore).filter((score) => score !== null)).toEqual([5, 5]);
    await closeKeeper(first);

    await expectLoadedFromFile(dataDir, kept);
  });

  it('after a clean close, loads the records from the file without reading any history', async () => {
    const dataDir = newDir();
    const first = await openKeeper(dataDir);
    playWeek(first);
    const kept = keptBy(first.keeper);
    expect(kept.records.length).toBeGreaterThan(20);
    await closeKeeper(first);

    await expectLoadedFromFile(dataDir, kept);
  });

  it('drops a torn last line, rebuilds every record, and they equal the ones kept', async () => {
    const dataDir = newDir();
    const first = await openKeeper(dataDir);
    playWeek(first);
    await first.keeper.flush();
    // A crash while appending: half a batch line, and no clean close.
    receive(first, 1);
    receive(first, 2);
    const live = sorted(first.keeper);
    const batchStart = readFileSync(join(dataDir, metricsFileName), 'utf8').length;
    await first.keeper.flush();
    await first.store.flush();
    const text = readFileSync(join(dataDir, metricsFileName), 'utf8');
    const withTornTail = text.slice(0, batchStart + Math.floor((text.length - batchStart) / 2));
    const crashed = newDir();
    cpSync(dataDir, crashed, { recursive: true });
    writeFileSync(join(crashed, metricsFileName), withTornTail);

    const reopened = await openKeeper(crashed);
    expect(reopened.logged).toContain('metrics records not closed cleanly; rebuilding from history');
    expect(reopened.keeper.chatsRebuilt).toBe(8);
    const rebuilt = keptBy(reopened.keeper);
    // The two messages of the torn batch were stored: the rebuild has them, the torn line did not.
    expect(rebuilt.records).toEqual(live);
    // The file was rewritten whole: the next clean start trusts it.
    await closeKeeper(reopened);
    await expectLoadedFromFile(crashed, rebuilt);
  });

  it('a crash after the store wrote a message but before the batch with it: the records are rebuilt and have it', async () => {
    const dataDir = newDir();
    const first = await openKeeper(dataDir);
    playWeek(first);
    await first.keeper.flush();
    clock.advance(2 * HOUR);
    receive(first, 3);
    receive(first, 11);
    // The store's journal is written (5 ms), the keeper's batch not yet (250 ms): the crash is now.
    await first.store.flush();
    const crashed = newDir();
    cpSync(dataDir, crashed, { recursive: true });
    const live = sorted(first.keeper);

    const reopened = await openKeeper(crashed);
    expect(sorted(reopened.keeper)).toEqual(live);
    expect(reopened.keeper.records().some((record) => record.chatId === '5511900000011@c.us')).toBe(true);
  });

  it('a store that changed after the clean close (a backup put back) is not trusted', async () => {
    const dataDir = newDir();
    const first = await openKeeper(dataDir);
    playWeek(first);
    await closeKeeper(first);
    const backup = newDir();
    cpSync(dataDir, backup, { recursive: true });

    const later = await openKeeper(dataDir);
    receive(later, 4);
    await closeKeeper(later);
    // The records file of the later session beside the store of before it.
    cpSync(join(dataDir, metricsFileName), join(backup, metricsFileName));
    const restored = await openKeeper(backup);
    expect(restored.keeper.chatsRebuilt).toBe(8);
    expect(restored.logged).toContain('metrics records not closed cleanly; rebuilding from history');
  });

  it('sets aside (keeps) a records file of the first format and rebuilds once', async () => {
    const dataDir = newDir();
    const first = await openKeeper(dataDir);
    playWeek(first);
    const kept = sorted(first.keeper);
    await closeKeeper(first);
    // Written by the first version (one keyed JSON object per chat change, no checksums).
    cpSync(
      join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'metrics-v1.jsonl'),
      join(dataDir, metricsFileName),
    );

    const reopened = await openKeeper(dataDir);
    expect(sorted(reopened.keeper)).toEqual(kept);
    expect(readdirSync(dataDir).filter((name) => name.startsWith(`${metricsFileName}.corrupt-`))).toHaveLength(1);
    await closeKeeper(reopened);
    const third = await openKeeper(dataDir);
    expect(third.keeper.chatsRebuilt).toBe(0);
  });
});
