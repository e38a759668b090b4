/**
 * Run in a fresh process by run.ts: the same hot load with SQLite as the store, the baseline for
 * Janela's figure. Opens the database built from the same data and answers the same question:
 * the first 100 chats in urgency order (the order of shared/chat-order.ts, in SQL), as the chat
 * list's objects. Then, separately, reads every contact into objects.
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { collectStartupGarbage } from './hot-load-timing';

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

const toContact = (row: ContactRow) => ({
  chatId: row.chat_id,
  phone: row.phone,
  waName: row.wa_name,
  lastInboundAt: row.last_inbound_at,
  lastOutboundAt: row.last_outbound_at,
  lastMessage:
    row.last_at === null ? null : { text: row.last_text ?? '', at: row.last_at, direction: row.last_direction },
  unreadCount: row.unread_count,
  ...(JSON.parse(row.extra) as object),
});

const urgencyOrder = `
  WITH keyed AS (SELECT *,
    CASE WHEN last_inbound_at IS NULL OR last_inbound_at + 86400000 <= :now THEN 2
         WHEN last_outbound_at IS NULL OR last_outbound_at < last_inbound_at THEN 0 ELSE 1 END AS urgency_group
    FROM contacts)
  SELECT * FROM keyed ORDER BY urgency_group,
    CASE urgency_group WHEN 2 THEN -max(coalesce(last_at, 0), coalesce(last_inbound_at, 0), coalesce(last_outbound_at, 0))
                       ELSE last_inbound_at END,
    wa_name COLLATE NOCASE, chat_id
  LIMIT :limit`;

const [file, nowArgument] = process.argv.slice(2);
if (!file || !nowArgument) throw new Error('usage: sqlite-hot-load-child <sqlite file> <now>');
collectStartupGarbage();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const db = new Database(file);
db.pragma('journal_mode = WAL');
const head = (db.prepare(urgencyOrder).all({ now: Number(nowArgument), limit: 100 }) as ContactRow[]).map(toContact);
const readyMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const all = (db.prepare('SELECT * FROM contacts').all() as ContactRow[]).map(toContact);
const allMs = performance.now() - started;
db.close();
process.stdout.write(
  `${JSON.stringify({ readyMs, allMs, cpuMs: (cpu.user + cpu.system) / 1000, head: head.map((chat) => chat.chatId), chats: all.length })}\n`,
);
