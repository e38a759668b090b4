/**
 * The bot's row of the benchmark: from a customer's message recorded to the bot's reply handed to
 * the outbox, during a 100 messages/s burst with 100 FAQ rules, in a fresh process
 * (bot-reply-child.ts), beside a noise baseline measured the same way in the same burst.
 * `npm run bench -- --bot` runs this row alone.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Percentiles {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface BotReply {
  replies: number;
  wall: Percentiles;
  cpu: Percentiles;
  noise: { wall: Percentiles; cpu: Percentiles };
}

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** The bot on a copy of the data (it adds messages and settings), in a fresh process. */
function botReply(dataDir: string, seconds: number): BotReply {
  const copy = `${dataDir}-bot`;
  cpSync(dataDir, copy, { recursive: true });
  try {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'bot-reply-child.ts'), copy, String(seconds)],
      { encoding: 'utf8' },
    );
    return JSON.parse(output) as BotReply;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const line = (label: string, spans: { wall: Percentiles; cpu: Percentiles }) =>
  `  ${label} wall p50 ${fmt(spans.wall.p50Ms)} ms, p99 ${fmt(spans.wall.p99Ms)} ms (max ${fmt(spans.wall.maxMs, 1)}); CPU p50 ${fmt(spans.cpu.p50Ms)} ms, p99 ${fmt(spans.cpu.p99Ms)} ms`;

/** Runs the bot's burst on the store in `dataDir` and prints its row. */
export function printBotReplyRow(dataDir: string, seconds: number): void {
  const loadBefore = loadAverage();
  const bot = botReply(dataDir, seconds);
  console.log(
    `bot reply at 100 msg/s for ${seconds} s, 100 FAQ rules (inbound recorded → reply handed to the outbox, ${bot.replies} replies):   [target: bot wall p99 ≤ 5 ms]`,
  );
  console.log(line('bot path                      ', bot));
  console.log(
    `${line('noise baseline (0.5 ms fixed)', bot.noise)}   ← the same span timing around fixed work, in the same burst: what the machine adds`,
  );
  console.log(`  load average before ${loadBefore}, after ${loadAverage()}`);
}
