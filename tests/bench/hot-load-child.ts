/**
 * Run in a fresh process by run.ts: time from openStore() to the chat list's data being ready,
 * i.e. what the backend answers the renderer's first snapshot with while contacts are still
 * being read (the first 100 chats in urgency order, over all 10,000); then, separately, until the
 * background reading has every contact.
 */
import { performance } from 'node:perf_hooks';
import { snapshotHeadSize } from '../../electron/backend/backend';
import { chatListHead } from '../../electron/backend/chats/chat-list-head';
import { createClock } from '../../electron/backend/clock';
import { openStore } from '../../electron/backend/store/open-store';
import { baseData } from './generate-data';
import { collectStartupGarbage } from './hot-load-timing';

const [dataDir, nowArgument] = process.argv.slice(2);
if (!dataDir || !nowArgument) throw new Error('usage: hot-load-child <dataDir> <now>');
const now = Number(nowArgument);
const clock = createClock();
collectStartupGarbage();
const faultsBefore = process.resourceUsage().minorPageFault;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const store = await openStore({ dataDir, clock, defaults: baseData });
const head = chatListHead(store, now, snapshotHeadSize);
const readyMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const pageFaults = process.resourceUsage().minorPageFault - faultsBefore;
await store.contactsLoaded();
const allMs = performance.now() - started;
const chats = Object.keys(store.data.contacts).length;
await store.close();
process.stdout.write(
  `${JSON.stringify({ readyMs, allMs, cpuMs: (cpu.user + cpu.system) / 1000, pageFaults, head: head.map((chat) => chat.chatId), chats, notices: store.loadNotices.length })}\n`,
);
