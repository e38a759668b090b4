/**
 * Run in a fresh process by run.ts: the same hot load with SQLite as the store, the baseline for
 * Janela's figure. Opens the database built from the same data and reads every contact into the
 * chat list's objects (the columns a chat row shows, labels and fields from their JSON column).
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

interface ContactRow {
  chat_id: string;
  phone: string;
  wa_name: string | null;
  last_inbound_at: number | null;
  last_outbound_at: number | null;
  last_text: string | null;
  last_at: number | null;
  last_direction: string | null;
  unread_count: number;
  extra: string;
}

const file = process.argv[2];
if (!file) throw new Error('usage: sqlite-hot-load-child <sqlite file>');
const started = performance.now();
const cpuBefore = process.cpuUsage();
const db = new Database(file);
db.pragma('journal_mode = WAL');
const contacts = (db.prepare('SELECT * FROM contacts').all() as ContactRow[]).map((row) => ({
  chatId: row.chat_id,
  phone: row.phone,
  waName: row.wa_name,
  lastInboundAt: row.last_inbound_at,
  lastOutboundAt: row.last_outbound_at,
  lastMessage:
    row.last_at === null ? null : { text: row.last_text ?? '', at: row.last_at, direction: row.last_direction },
  unreadCount: row.unread_count,
  ...(JSON.parse(row.extra) as object),
}));
const chatList = contacts.sort((a, b) => (b.lastMessage?.at ?? 0) - (a.lastMessage?.at ?? 0));
const readyMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
db.close();
process.stdout.write(`${JSON.stringify({ readyMs, cpuMs: (cpu.user + cpu.system) / 1000, chats: chatList.length })}\n`);
