import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConversationKeeper } from '../electron/backend/metrics/conversation-keeper';
import { MetricsFile } from '../electron/backend/metrics/metrics-file';
import { nodeStoreFs } from '../electron/backend/store/store-fs';
import type { JanelaStore, StoredMessage } from '../electron/backend/store/store-types';

const chatIds = Array.from({ length: 10000 }, (_, n) => `5511${String(n).padStart(9, '0')}@c.us`);
const store = {
  contactsLoaded: async () => undefined,
  loadNotices: [],
  contactTimes: () => ({ chatIds: [], times: new Float64Array(0) }),
  readMessages: () => ({ messages: [], hasMore: false }),
} as unknown as JanelaStore;
const dir = mkdtempSync(path.join(tmpdir(), 'keep-prof-'));
const keeper = new ConversationKeeper({ store, file: new MetricsFile(nodeStoreFs, dir, () => 0), log: console.log });
await keeper.start();
let at = 1_700_000_000_000;
let serial = 0;
const make = (): StoredMessage[] => Array.from({ length: 2000 }, () => {
  at += 500;
  const r = Math.random();
  return { id: `m${serial++}`, chatId: chatIds[Math.floor(Math.random() * 10000)], direction: r < 0.6 ? 'in' : 'out', kind: 'text', text: 'Oi', at, ...(r >= 0.6 ? { status: 'sent' } : {}) } as StoredMessage;
});
for (let warm = 0; warm < 5; warm++) { for (const m of make()) keeper.record(m); await keeper.flush(); }
const times: number[] = [];
for (let round = 0; round < 20; round++) {
  const batch = make();
  const c = process.cpuUsage();
  for (const m of batch) keeper.record(m);
  const foldUs = process.cpuUsage(c);
  await keeper.flush();
  const all = process.cpuUsage(c);
  times.push((all.user + all.system) / 2000);
  if (round % 5 === 0) console.log('fold', (foldUs.user + foldUs.system) / 2000, 'total', (all.user + all.system) / 2000);
}
times.sort((a, b) => a - b);
console.log('median µs/msg', times[10]);
