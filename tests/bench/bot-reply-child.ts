/**
 * Run in a fresh process by run.ts: the bot on a store of 10,000 contacts with 100 FAQ rules,
 * automation on and the shop closed, while customers write 100 messages per second through the backend (simulated
 * WhatsApp → record → bot → outbox). Times each customer message from "recorded" (its
 * `messageChanged`) to the bot's first reply handed to the outbox (the reply's `messageChanged`,
 * pushed right after the outbox stored it), and prints the percentiles.
 *
 * Beside it, a noise baseline: after each message, a fixed piece of synchronous work (calibrated
 * to ~0.5 ms before the burst) timed the same way. Its work never changes, so how far its wall p99
 * rises above its p50 is what the machine (other processes, the VM) adds, not Janela.
 * CPU time is the whole process's (user + system), so the store's writer threads and the garbage
 * collector's helpers count too: it can exceed the wall time of the span.
 */
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend/backend';
import { createClock } from '../../electron/backend/clock';
import { EventHub } from '../../electron/backend/event-hub';
import { SimulatedGateway } from '../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../electron/backend/notices/notice-board';
import { openStore } from '../../electron/backend/store/open-store';
import { defaultAutomationSettings } from '../../shared/automations/automation-settings';
import { defaultBusinessHours } from '../../shared/automations/business-hours';
import type { FaqRule } from '../../shared/automations/faq-matching';
import { baseData, contactCount } from './generate-data';
import { tempMediaStore } from '../unit/electron/backend/media/temp-media-store';

const [dataDir, secondsArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: bot-reply-child <dataDir> [seconds]');
const seconds = Number(secondsArg ?? 5);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const products = [
  'bolo de cenoura',
  'torta de limão',
  'brigadeiro',
  'pão de queijo',
  'coxinha',
  'empada',
  'quindim',
  'pudim',
  'sonho',
  'croissant',
  'pão francês',
  'bolo de fubá',
  'cuca',
  'esfiha',
  'pastel',
  'kibe',
  'broa',
  'rosca',
  'cocada',
  'pé de moleque',
];
const topics = ['preço', 'encomenda', 'sem glúten', 'tamanho', 'sabores'];

/** 96 rules about the shop's products, plus the four starter rules: 100. */
function hundredRules(): FaqRule[] {
  const generated = products.flatMap((product, p) =>
    topics.map((topic, t) => ({
      id: `rule-${p}-${t}`,
      title: `${product} — ${topic}`,
      triggers: [`${topic} do ${product}`, `${product} ${topic}`, `qual o ${topic} do ${product}`],
      answer: `Sobre ${product} (${topic}): fale com a gente, {{first_name|cliente}}!`,
      enabled: true,
    })),
  );
  return [...defaultAutomationSettings('pt-BR').faqRules, ...generated.slice(0, 96)];
}

const clock = createClock();
const store = await openStore({ dataDir, clock, defaults: baseData });
await store.contactsLoaded();
const rules = hundredRules();
/**
 * The usual hours with yesterday, today and tomorrow (UTC dates: the shop's local date is one of
 * them) closed: whatever the hour of the run, the shop is closed, so every new customer also gets
 * the away message with {{next_open}}, the heavier path (the figures no longer depend on the hour).
 */
const dayKey = (offsetDays: number) => new Date(clock.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const businessHours = { ...defaultBusinessHours(), closedDates: [dayKey(-1), dayKey(0), dayKey(1)] };
store.update((data) => {
  data.automations = { ...defaultAutomationSettings('pt-BR'), enabled: true, faqRules: rules, businessHours };
  data.settings = { ...data.settings, shop: { ...data.settings.shop, name: 'Doceria', hours: '9h–18h' } };
});
const gateway = new SimulatedGateway({ clock, ackDelaysMs: [50, 400, 1200] });
const hub = new EventHub();
/** The first second of the burst warms the JIT up (the first replies take ~5–20 ms of compiling). */
let measuring = false;
const warmUpMessages = 100;

interface SpanStart {
  wall: number;
  cpu: NodeJS.CpuUsage;
}
/** Wall and CPU time of spans, both taken the same way for the bot path and the noise baseline. */
class Spans {
  readonly wall: number[] = [];
  /** The same spans in CPU time (user + system): what the machine's other load cannot inflate. */
  readonly cpu: number[] = [];
  static start(): SpanStart {
    return { wall: performance.now(), cpu: process.cpuUsage() };
  }
  end(started: SpanStart): void {
    const wall = performance.now() - started.wall;
    const cpu = process.cpuUsage(started.cpu);
    if (!measuring) return;
    this.wall.push(wall);
    this.cpu.push((cpu.user + cpu.system) / 1000);
  }
}

const bot = new Spans();
const recordedAt = new Map<string, SpanStart>();
hub.subscribe((name, payload) => {
  if (name !== 'messageChanged') return;
  const { message } = payload as { message: { chatId: string; direction: string; automatic?: boolean } };
  if (message.direction === 'in') recordedAt.set(message.chatId, Spans.start());
  else if (message.automatic) {
    const started = recordedAt.get(message.chatId);
    if (started !== undefined) bot.end(started);
    recordedAt.delete(message.chatId);
  }
});

/** The baseline's work: arithmetic that the JIT cannot skip (its result is printed). */
let noiseSink = 0;
function fixedWork(iterations: number): void {
  let value = noiseSink;
  for (let n = 0; n < iterations; n++) value = (value * 1_103_515_245 + 12_345 + n) % 2_147_483_648;
  noiseSink = value;
}
/** Iterations for ~0.5 ms: the median of repeated runs, scaled (done before the burst). */
function calibrate(targetMs: number): number {
  let iterations = 10_000;
  for (let round = 0; round < 4; round++) {
    const samples: number[] = [];
    for (let run = 0; run < 31; run++) {
      const started = performance.now();
      fixedWork(iterations);
      samples.push(performance.now() - started);
    }
    const median = [...samples].sort((a, b) => a - b)[15] ?? targetMs;
    iterations = Math.max(1, Math.round((iterations * targetMs) / Math.max(median, 0.001)));
  }
  return iterations;
}
const noiseIterations = calibrate(0.5);
const noise = new Spans();
const backend = createBackend({
  media: await tempMediaStore(clock),
  store,
  gateway,
  clock,
  hub,
  notices: createNoticeBoard(clock),
  log: () => undefined,
  startDemo: async () => undefined,
  exitDemo: async () => undefined,
});
await backend.start();
await sleep(1000);

const questions = [
  ...products.map((product) => `qual o preço do ${product}?`),
  'que horas vcs abrem?',
  'aceita pix?',
  'vocês entregam no centro?',
  'Oi, bom dia!',
];
const started = performance.now();
const total = seconds * 100;
for (let n = 0; n < warmUpMessages + total; n++) {
  measuring = n >= warmUpMessages;
  // A different customer each time: the loop guard and "already answered" stay out of the way.
  const chat = (n * 7919) % contactCount;
  gateway.receive({
    phone: `55119${String(chat).padStart(8, '0')}`,
    name: `Cliente ${chat}`,
    text: questions[n % questions.length] ?? 'oi',
  });
  const probe = Spans.start();
  fixedWork(noiseIterations);
  noise.end(probe);
  await sleep(Math.max(0, started + (n + 1) * 10 - performance.now()));
}
measuring = false;
await store.flush();
await backend.close();
function percentiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] ?? Number.NaN };
}
process.stdout.write(
  `${JSON.stringify({
    messages: total,
    replies: bot.wall.length,
    wall: percentiles(bot.wall),
    cpu: percentiles(bot.cpu),
    noise: { wall: percentiles(noise.wall), cpu: percentiles(noise.cpu), sink: noiseSink },
  })}\n`,
);
