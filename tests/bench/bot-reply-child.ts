/**
 * Run in a fresh process by run.ts: the bot on a store of 10,000 contacts with 100 FAQ rules,
 * automation on, while customers write 100 messages per second through the backend (simulated
 * WhatsApp → record → bot → outbox). Times each customer message from "recorded" (its
 * `messageChanged`) to the bot's first reply handed to the outbox (the reply's `messageChanged`,
 * pushed right after the outbox stored it), and prints the percentiles.
 */
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend/backend';
import { createClock } from '../../electron/backend/clock';
import { EventHub } from '../../electron/backend/event-hub';
import { SimulatedGateway } from '../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../electron/backend/notices/notice-board';
import { openStore } from '../../electron/backend/store/open-store';
import { defaultAutomationSettings } from '../../shared/automations/automation-settings';
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
store.update((data) => {
  data.automations = { ...defaultAutomationSettings('pt-BR'), enabled: true, faqRules: rules };
  data.settings = { ...data.settings, shop: { ...data.settings.shop, name: 'Doceria', hours: '9h–18h' } };
});
const gateway = new SimulatedGateway({ clock, ackDelaysMs: [50, 400, 1200] });
const hub = new EventHub();
/** The first second of the burst warms the JIT up (the first replies take ~5–20 ms of compiling). */
let measuring = false;
const warmUpMessages = 100;
const recordedAt = new Map<string, { wall: number; cpu: NodeJS.CpuUsage }>();
const latencies: number[] = [];
/** The same span in CPU time (user + system): what the machine's other load cannot inflate. */
const cpuLatencies: number[] = [];
hub.subscribe((name, payload) => {
  if (name !== 'messageChanged') return;
  const { message } = payload as { message: { chatId: string; direction: string; automatic?: boolean } };
  const now = performance.now();
  if (message.direction === 'in') recordedAt.set(message.chatId, { wall: now, cpu: process.cpuUsage() });
  else if (message.automatic) {
    const started = recordedAt.get(message.chatId);
    if (started !== undefined && measuring) {
      latencies.push(now - started.wall);
      const cpu = process.cpuUsage(started.cpu);
      cpuLatencies.push((cpu.user + cpu.system) / 1000);
    }
    recordedAt.delete(message.chatId);
  }
});
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
  `${JSON.stringify({ messages: total, replies: latencies.length, wall: percentiles(latencies), cpu: percentiles(cpuLatencies) })}\n`,
);
