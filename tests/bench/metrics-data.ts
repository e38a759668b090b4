/**
 * A shop's 90 days for the metrics benchmark: 10,000 customers and 200,000 messages arranged as
 * conversations (a customer writes one to three messages, a person replies within minutes or
 * hours, or never; some conversations get a rating survey and a score), written in Janela's layout
 * and as a SQLite messages table. Seeded, so every run has the same shop.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatMessageLines } from '../../electron/backend/store/message-lines';
import { encodeStoreDocument } from '../../electron/backend/store/store-document-codec';
import type { StoredContact, StoredMessage } from '../../electron/backend/store/store-types';
import { baseData, chatIdOf, contactCount } from './generate-data';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const metricsDays = 90;
/** Monday 1 Sep 2025, 00:00 in São Paulo. */
export const metricsEpoch = Date.parse('2025-09-01T03:00:00Z');
export const metricsEnd = metricsEpoch + metricsDays * DAY;

export interface MetricsData {
  janelaDir: string;
  sqliteFile: string;
  messages: StoredMessage[];
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts = ['Olá, tem esse produto?', 'Qual o valor do frete?', 'Obrigado!', 'Pode mandar o pix?', 'Já saiu?'];

export function metricsMessages(messageCount: number): StoredMessage[] {
  const random = seeded(90);
  const messages: StoredMessage[] = [];
  let serial = 0;
  const push = (chat: number, direction: 'in' | 'out', at: number, extra: Partial<StoredMessage> = {}) => {
    const id = `M${(serial++).toString(16).padStart(10, '0')}`;
    const text = extra.text ?? texts[serial % texts.length] ?? 'Oi';
    messages.push({
      id,
      chatId: chatIdOf(chat),
      direction,
      kind: 'text',
      text,
      at: Math.floor(at),
      ...(direction === 'out' ? { status: 'read' as const, waId: `true_${id}` } : {}),
      ...extra,
    });
  };
  while (messages.length < messageCount) {
    const chat = Math.floor(random() * contactCount);
    // Shop hours mostly: 08:00–21:00 in São Paulo.
    const day = Math.floor(random() * metricsDays);
    let at = metricsEpoch + day * DAY + (8 + random() * 13) * HOUR;
    const asks = 1 + Math.floor(random() * 3);
    for (let n = 0; n < asks; n += 1) {
      push(chat, 'in', at);
      at += random() * 5 * MINUTE;
    }
    const roll = random();
    if (roll < 0.1) push(chat, 'out', at + 1000, { automatic: true });
    if (roll < 0.8) {
      at += roll < 0.5 ? random() * 30 * MINUTE : random() * 20 * HOUR;
      push(chat, 'out', at);
      if (random() < 0.2) {
        push(chat, 'out', at + MINUTE, { csatSurvey: true, text: 'De 1 a 5, como foi seu atendimento?' });
        if (random() < 0.6) push(chat, 'in', at + 10 * MINUTE, { text: String(1 + Math.floor(random() * 5)) });
      }
    }
  }
  return messages.slice(0, messageCount);
}

export async function writeMetricsData(root: string, messageCount: number): Promise<MetricsData> {
  const messages = metricsMessages(messageCount);
  const janelaDir = path.join(root, 'metrics-janela');
  const chatsDir = path.join(janelaDir, 'history', 'chats');
  mkdirSync(chatsDir, { recursive: true });
  const perChat = new Map<string, StoredMessage[]>();
  for (const message of messages) {
    const list = perChat.get(message.chatId);
    if (list) list.push(message);
    else perChat.set(message.chatId, [message]);
  }
  const contacts: Record<string, StoredContact> = {};
  for (let chat = 0; chat < contactCount; chat++) {
    const chatId = chatIdOf(chat);
    const list = (perChat.get(chatId) ?? []).sort((a, b) => a.at - b.at);
    const inbound = list.filter((m) => m.direction === 'in').at(-1);
    const outbound = list.filter((m) => m.direction === 'out').at(-1);
    const last = list.at(-1);
    contacts[chatId] = {
      chatId,
      phone: chatId.split('@')[0] ?? '',
      waName: `Cliente ${chat}`,
      nameOverride: null,
      firstNameOverride: null,
      lastInboundAt: inbound?.at ?? null,
      lastOutboundAt: outbound?.at ?? null,
      lastMessage: last ? { text: last.text, at: last.at, direction: last.direction } : null,
      unreadCount: 0,
      customFields: {},
      labels: [],
      notes: '',
    };
    if (list.length > 0) {
      writeFileSync(path.join(chatsDir, `${chatId.replace('@', '_')}.jsonl`), formatMessageLines(list).slice(1));
    }
  }
  const document = await encodeStoreDocument({ ...baseData(), contacts }, 0);
  writeFileSync(path.join(janelaDir, 'janela.json'), Buffer.concat(document.map((chunk) => Buffer.from(chunk))));
  const sqliteFile = path.join(root, 'metrics.db');
  writeSqliteMessages(sqliteFile, messages);
  return { janelaDir, sqliteFile, messages };
}

export function writeSqliteMessages(file: string, messages: readonly StoredMessage[]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE messages (id TEXT PRIMARY KEY, chat_id TEXT, direction TEXT, kind TEXT, text TEXT,
      at INTEGER, status TEXT, automatic INTEGER, csat_survey INTEGER);
    CREATE INDEX messages_by_chat ON messages (chat_id, at);
    CREATE INDEX messages_by_direction_at ON messages (direction, at);`);
  const insert = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const m of messages) {
      insert.run(
        m.id,
        m.chatId,
        m.direction,
        m.kind,
        m.text,
        m.at,
        m.status ?? null,
        m.automatic ? 1 : 0,
        m.csatSurvey ? 1 : 0,
      );
    }
  })();
  db.close();
}
