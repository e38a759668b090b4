/**
 * UI benchmark (npm run bench:ui): the renderer with 10,000 chats, in Chromium against the browser
 * host, on the same generated data as `npm run bench`. Prints navigation → first row (median of
 * several navigations), the longest main-thread task while the chats load and while the whole list
 * is scrolled — its wall time and its CPU time, from a Chrome trace: on a shared machine the CPU
 * time says what is the page's own work — and inbound message → row on screen (median and p95 of
 * 20), with the load average beside them. Targets: first row ≤ 1 s, no task over 50 ms, inbound →
 * row p95 ≤ 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { JanelaHost } from '../e2e/janela-host';
import { contactCount, generateData } from './generate-data';

const messageCount = Number(process.env.BENCH_UI_MESSAGES ?? 20_000);
const navigations = Number(process.env.BENCH_UI_NAVIGATIONS ?? 5);
const inboundRuns = 20;
const executablePath = process.env.JANELA_CHROMIUM ?? '/usr/bin/chromium';
const verbose = Boolean(process.env.BENCH_UI_VERBOSE);
// DevTools' "Task" events (wall and thread time); with BENCH_UI_VERBOSE also what ran inside them.
const traceCategories = ['disabled-by-default-devtools.timeline', ...(verbose ? ['devtools.timeline'] : [])];
const LONG_TASK_MS = 50;

// The page's scripts are strings: this file is type-checked without the DOM, and run by tsx,
// whose `__name` helper would not exist in the page.

/** Installed before the page's own scripts: when the first chat row is in the document, in page time. */
const probe = `
  const state = { firstRowAt: null };
  window.__bench = state;
  const watch = new MutationObserver(() => {
    if (state.firstRowAt === null && document.querySelector('[data-chat-id]')) {
      state.firstRowAt = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true });
`;

/** Scrolls the whole list a screen at a time, a frame apart. */
const scrollWholeList = `(async () => {
  const list = document.querySelector('.chat-list__scroll');
  if (!list) throw new Error('no chat list');
  let steps = 0;
  while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
    list.scrollTop += list.clientHeight;
    steps++;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  list.scrollTop = 0;
  return steps;
})()`;

/** Resolves with the epoch time (ms, sub-ms precise) at which a chat row shows `wanted`. */
const rowShowing = (wanted: string) => `new Promise((resolve) => {
  const wanted = ${JSON.stringify(wanted)};
  const found = () => [...document.querySelectorAll('[data-chat-id]')].some((row) => row.textContent.includes(wanted));
  const watch = new MutationObserver(() => {
    if (found()) {
      watch.disconnect();
      resolve(performance.timeOrigin + performance.now());
    }
  });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  window.__watching = true;
})`;

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string }; beginData?: { url?: string } };
}

/** One main-thread task: wall time, and CPU time (the thread's own running time). */
interface Task {
  wall: number;
  cpu: number;
  /** With BENCH_UI_VERBOSE: the biggest pieces of work inside it. */
  inside: string;
}

/**
 * The page's main-thread tasks in a trace: a renderer main thread that loaded the app's URL (the
 * trace also holds Chromium's own pages, such as the omnibox popup, whose module evaluation once
 * passed for Janela's), the one that ran the most.
 */
function mainThreadTasks(trace: Buffer, appOrigin: string): Task[] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const appThreads = new Set(
    events
      .filter((event) => (event.args?.data?.url ?? event.args?.beginData?.url ?? '').startsWith(appOrigin))
      .map((event) => `${event.pid}:${event.tid}`)
      .filter((thread) => mainThreads.has(thread)),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || !appThreads.has(thread)) continue;
    // Pushed, not spread: a scroll's trace has hundreds of thousands of events.
    const threadEvents = byThread.get(thread) ?? [];
    threadEvents.push(event);
    byThread.set(thread, threadEvents);
  }
  const busiest = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  return busiest
    .filter((event) => event.name === 'RunTask')
    .map((task) => ({
      wall: (task.dur ?? 0) / 1000,
      cpu: (task.tdur ?? task.dur ?? 0) / 1000,
      inside: verbose ? insideOf(task, busiest) : '',
    }));
}

function total(events: readonly TraceEvent[]): number {
  return events.reduce((sum, event) => sum + (event.name === 'RunTask' ? (event.dur ?? 0) : 0), 0);
}

function insideOf(task: TraceEvent, events: readonly TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  return events
    .filter((event) => event !== task && event.name !== 'RunTask' && event.ts >= task.ts && event.ts < end)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 4)
    .map((event) => {
      const where = event.args?.data?.functionName || event.args?.data?.url?.split('/').at(-1) || '';
      return `${event.name}${where ? ` ${where}` : ''} ${ms(event.dur ? event.dur / 1000 : 0)}`;
    })
    .join(', ');
}

async function traced<T>(
  browser: Browser,
  page: Page,
  appOrigin: string,
  work: () => Promise<T>,
): Promise<{ result: T; tasks: Task[] }> {
  await browser.startTracing(page, { categories: traceCategories });
  const result = await work();
  return { result, tasks: mainThreadTasks(await browser.stopTracing(), appOrigin) };
}

/** The longest task by wall time and by CPU time (not always the same task), and how many pass 50 ms. */
function summarise(tasks: readonly Task[]) {
  const byWall = [...tasks].sort((a, b) => b.wall - a.wall)[0] ?? { wall: 0, cpu: 0, inside: '' };
  const byCpu = [...tasks].sort((a, b) => b.cpu - a.cpu)[0] ?? { wall: 0, cpu: 0, inside: '' };
  return {
    byWall,
    byCpu,
    overWall: tasks.filter((task) => task.wall > LONG_TASK_MS).length,
    overCpu: tasks.filter((task) => task.cpu > LONG_TASK_MS).length,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'target met' : 'TARGET MISSED');
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const taskLine = (label: string, summary: ReturnType<typeof summarise>, context: string) =>
  `${label}wall ${ms(summary.byWall.wall)} (CPU ${ms(summary.byWall.cpu)}); most CPU ${ms(summary.byCpu.cpu)}` +
  `  (${summary.overWall} over 50 ms wall, ${summary.overCpu} over 50 ms CPU${context}; target none: ` +
  `wall ${verdict(summary.overWall === 0)}, CPU ${verdict(summary.overCpu === 0)})`;

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  const root = mkdtempSync(path.join(os.tmpdir(), 'janela-bench-ui-'));
  const host = new JanelaHost({ dataDir: path.join(root, 'janela'), lang: 'pt-BR' });
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-first-run'] });
  try {
    await generateData(root, messageCount);
    await host.start();
    console.log(
      `UI benchmark: ${contactCount} contacts, ${messageCount} messages, Chromium against the browser host` +
        ` (load average at start ${loadAverage()})\n`,
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-BR' });
    await context.addInitScript({ content: probe });

    // Loading: from navigation until every chat is in the list and the page is idle, several times.
    const firstRows: number[] = [];
    const loadingTasks: Task[] = [];
    let page: Page | undefined;
    for (let run = 0; run < navigations; run++) {
      await page?.close();
      const current = await context.newPage();
      page = current;
      const { tasks } = await traced(browser, current, host.origin, async () => {
        await current.goto(host.url);
        await current.locator('[data-chat-id]').first().waitFor();
        await current.getByText('Carregando as outras conversas…').waitFor({ state: 'hidden', timeout: 60_000 });
        await current.waitForTimeout(500);
      });
      const firstRowAt = (await current.evaluate('window.__bench.firstRowAt')) as number;
      firstRows.push(firstRowAt);
      loadingTasks.push(...tasks);
      const here = summarise(tasks);
      console.log(
        `  navigation ${run + 1}: first row ${ms(firstRowAt)}, longest task ${ms(here.byWall.wall)} (CPU ${ms(here.byWall.cpu)})` +
          `${verbose ? `: ${here.byWall.inside}` : ''}; most CPU ${ms(here.byCpu.cpu)}` +
          `${verbose ? `: ${here.byCpu.inside}` : ''}  [load ${loadAverage()}]`,
      );
    }
    if (!page) throw new Error('BENCH_UI_NAVIGATIONS must be at least 1');
    const loaded = page;

    const scroll = await traced(
      browser,
      loaded,
      host.origin,
      async () => (await loaded.evaluate(scrollWholeList)) as number,
    );
    const scrollSummary = summarise(scroll.tasks);
    const loadAfterScroll = loadAverage();

    // A customer writes: the time until the text is in a row on screen, 20 times.
    const inbound: number[] = [];
    for (let run = 0; run < inboundRuns; run++) {
      const text = `Bench ${run}: ainda tem o vestido azul?`;
      const seen = loaded.evaluate(rowShowing(text)) as Promise<number>;
      // The page's observer must be listening before the message is sent.
      await loaded.waitForFunction('window.__watching === true');
      await loaded.evaluate('window.__watching = false');
      const sentAt = performance.timeOrigin + performance.now();
      await host.inbound({ phone: '5511900000001', name: 'Cliente Novo', text });
      inbound.push((await seen) - sentAt);
      await loaded.waitForTimeout(100);
    }
    inbound.sort((a, b) => a - b);
    const median = percentile(inbound, 50);
    const p95 = percentile(inbound, 95);
    firstRows.sort((a, b) => a - b);
    const firstRow = percentile(firstRows, 50);
    const loading = summarise(loadingTasks);

    console.log(
      `\nnavigation → first row                 median ${ms(firstRow)} of ${navigations} (${ms(firstRows[0] ?? NaN)}–${ms(firstRows.at(-1) ?? NaN)})` +
        `  (target ≤ 1000 ms: ${verdict(firstRow <= 1000)})`,
    );
    console.log(taskLine('longest main-thread task, loading      ', loading, ` in ${navigations} loads`));
    console.log(taskLine('longest main-thread task, scrolling    ', scrollSummary, ` in ${scroll.result} screens`));
    if (verbose) console.log(`  longest while scrolling: ${scrollSummary.byWall.inside}`);
    console.log(
      `inbound message → row on screen        median ${ms(median)}, p95 ${ms(p95)} of ${inboundRuns}  (target p95 ≤ 50 ms: ${verdict(p95 <= 50)})`,
    );
    console.log(`load average: after scrolling ${loadAfterScroll}, at the end ${loadAverage()} (2 cores)`);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
