/** Run in a fresh process by run.ts: time from openStore() to the chat list's data being ready. */
import { performance } from 'node:perf_hooks';
import { createClock } from '../../electron/backend/clock';
import { openStore } from '../../electron/backend/store/open-store';
import { baseData } from './generate-data';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hot-load-child <dataDir>');
const started = performance.now();
const cpuBefore = process.cpuUsage();
const store = await openStore({ dataDir, clock: createClock(), defaults: baseData });
const chatList = Object.values(store.data.contacts).sort((a, b) => (b.lastMessage?.at ?? 0) - (a.lastMessage?.at ?? 0));
const readyMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
await store.close();
process.stdout.write(
  `${JSON.stringify({ readyMs, cpuMs, chats: chatList.length, notices: store.loadNotices.length })}\n`,
);
