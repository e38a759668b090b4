/**
 * Run in a fresh process by run.ts (so no garbage from the other measurements is collected
 * during this one): 100 inbound messages per second, recorded as the backend does, while the
 * event loop's delay is monitored. Prints the longest block. With a journal limit given, the
 * store checkpoints (rewrites janela.json whole) whenever the journal passes it: at 100 kB,
 * every ~2 s, a worst case; the app's default limit (4 MB) is reached after ~90 s at this rate.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { recordGatewayMessage } from '../../electron/backend/chats/record-message';
import { createClock } from '../../electron/backend/clock';
import { openStore } from '../../electron/backend/store/open-store';
import { baseData, chatIdOf, contactCount, epoch, makeMessage } from './generate-data';

const [dataDir, secondsArg, journalLimitArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: event-loop-child <dataDir> [seconds] [journalLimitBytes]');
const seconds = Number(secondsArg ?? 5);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const store = await openStore({
  dataDir,
  clock: createClock(),
  defaults: baseData,
  ...(journalLimitArg === undefined ? {} : { journalLimitBytes: Number(journalLimitArg) }),
});
// The burst starts a second after opening, as messages do after start-up: reading the contacts in
// the background (~200 ms here) and the garbage collections that move them into the old generation
// (15-20 ms pauses) are part of starting up, not of recording messages.
await sleep(1000);
const histogram = monitorEventLoopDelay({ resolution: 1 });
let driftMaxMs = 0;
let last = performance.now();
const probe = setInterval(() => {
  const now = performance.now();
  driftMaxMs = Math.max(driftMaxMs, now - last - 2);
  last = now;
}, 2);
histogram.enable();
const started = performance.now();
for (let n = 0; n < seconds * 100; n++) {
  const chat = Math.floor(Math.random() * contactCount);
  const message = makeMessage(chat, 20_000_000 + n, epoch + 20_000_000_000 + n, 'in');
  recordGatewayMessage(store, {
    waId: message.id,
    chatId: chatIdOf(chat),
    fromMe: false,
    kind: 'text',
    text: message.text,
    at: message.at,
    contactName: `Cliente ${chat}`,
  });
  await sleep(Math.max(0, started + (n + 1) * 10 - performance.now()));
}
await store.flush();
histogram.disable();
clearInterval(probe);
await store.close();
process.stdout.write(
  `${JSON.stringify({ maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, driftMaxMs })}\n`,
);
