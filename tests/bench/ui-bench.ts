/**
 * UI benchmark (npm run bench:ui): the renderer with 10,000 chats, in Chromium against the browser
 * host, on the same generated data as `npm run bench`. Prints navigation → first row, the longest
 * main-thread task while the chats load and while the whole list is scrolled, and inbound
 * message → row on screen (median and p95 of 20). Targets: first row ≤ 1 s, no task over 50 ms,
 * inbound → row p95 ≤ 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { JanelaHost } from '../e2e/janela-host';
import { contactCount, generateData } from './generate-data';

const messageCount = Number(process.env.BENCH_UI_MESSAGES ?? 20_000);
const inboundRuns = 20;
const executablePath = process.env.JANELA_CHROMIUM ?? '/usr/bin/chromium';

// The page's scripts are strings: this file is type-checked without the DOM, and run by tsx,
// whose `__name` helper would not exist in the page.

/** Installed before the page's own scripts: long tasks and the first chat row, in page time. */
const probe = `
  const state = { longTasks: [], firstRowAt: null };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (state.firstRowAt === null && document.querySelector('[data-chat-id]')) {
      state.firstRowAt = performance.now();
      watch.disconnect();
    }
  });
  watch.observe(document, { childList: true, subtree: true });
`;

const readLoading = `(() => {
  const bench = window.__bench;
  return {
    firstRowAt: bench.firstRowAt,
    longest: Math.max(0, ...bench.longTasks.map((task) => task.duration)),
    tasks: bench.longTasks.length,
    list: bench.longTasks.map((task) => Math.round(task.start) + '+' + Math.round(task.duration)).join(' '),
  };
})()`;

/** Scrolls the whole list a screen at a time, a frame apart, and reads the long tasks meanwhile. */
const scrollWholeList = `(async () => {
  const bench = window.__bench;
  const list = document.querySelector('.chat-list__scroll');
  if (!list) throw new Error('no chat list');
  const started = performance.now();
  let steps = 0;
  while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
    list.scrollTop += list.clientHeight;
    steps++;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const during = bench.longTasks.filter((task) => task.start >= started);
  list.scrollTop = 0;
  return { steps, longest: Math.max(0, ...during.map((task) => task.duration)), tasks: during.length };
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

interface Loading {
  list: string;
  firstRowAt: number;
  longest: number;
  tasks: number;
}
interface Scroll {
  steps: number;
  longest: number;
  tasks: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'target met' : 'TARGET MISSED');

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
      `UI benchmark: ${contactCount} contacts, ${messageCount} messages, Chromium against the browser host\n`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'pt-BR' });
    await page.addInitScript({ content: probe });

    // Loading: from navigation until every chat is in the list and the page is idle.
    await page.goto(host.url);
    await page.locator('[data-chat-id]').first().waitFor();
    await page.getByText('Carregando as outras conversas…').waitFor({ state: 'hidden', timeout: 60_000 });
    await page.waitForTimeout(1000);
    const loading = (await page.evaluate(readLoading)) as Loading;
    const scroll = (await page.evaluate(scrollWholeList)) as Scroll;
    if (process.env.BENCH_UI_VERBOSE) console.log(`long tasks while loading (start+duration, ms): ${loading.list}`);

    // A customer writes: the time until the text is in a row on screen, 20 times.
    const inbound: number[] = [];
    for (let run = 0; run < inboundRuns; run++) {
      const text = `Bench ${run}: ainda tem o vestido azul?`;
      const seen = page.evaluate(rowShowing(text)) as Promise<number>;
      // The page's observer must be listening before the message is sent.
      await page.waitForFunction('window.__watching === true');
      await page.evaluate('window.__watching = false');
      const sentAt = performance.timeOrigin + performance.now();
      await host.inbound({ phone: '5511900000001', name: 'Cliente Novo', text });
      inbound.push((await seen) - sentAt);
      await page.waitForTimeout(100);
    }
    inbound.sort((a, b) => a - b);
    const median = percentile(inbound, 50);
    const p95 = percentile(inbound, 95);

    console.log(
      `navigation → first row                 ${ms(loading.firstRowAt)}  (target ≤ 1000 ms: ${verdict(loading.firstRowAt <= 1000)})`,
    );
    console.log(
      `longest main-thread task, loading      ${ms(loading.longest)}  (${loading.tasks} tasks over 50 ms; target none: ${verdict(loading.tasks === 0)})`,
    );
    console.log(
      `longest main-thread task, scrolling    ${ms(scroll.longest)}  (${scroll.tasks} tasks over 50 ms in ${scroll.steps} screens; target none: ${verdict(scroll.tasks === 0)})`,
    );
    console.log(
      `inbound message → row on screen        median ${ms(median)}, p95 ${ms(p95)} of ${inboundRuns}  (target p95 ≤ 50 ms: ${verdict(p95 <= 50)})`,
    );
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
