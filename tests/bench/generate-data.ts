/**
 * Generated shop data for the benchmark: 10,000 contacts and N messages, written in Janela's
 * layout (janela.json + one history file per chat), in SQLite, and as one naive lowdb file.
 * One chat is much busier than the rest (2% of all messages), as a real shop's best customer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { encodeStoreDocument } from '../../electron/backend/store/store-document-codec';
import { formatMessageLines } from '../../electron/backend/store/message-lines';
import {
  emptyStoreData,
  type StoreData,
  type StoredContact,
  type StoredMessage,
} from '../../electron/backend/store/store-types';
import { defaultSettings } from '../../shared/settings/default-settings';

export const contactCount = 10_000;
export const epoch = 1_750_000_000_000;
const phrases = [
  'Olá, vocês têm esse produto em estoque?',
  'Qual o preço do frete para o CEP 01310-100?',
  'Obrigado! Vou passar aí amanhã à tarde.',
  'Pode me mandar a chave pix, por favor?',
  'Bom dia, o pedido já saiu para entrega?',
];

export const chatIdOf = (n: number) => `55119${String(n).padStart(8, '0')}@c.us`;

export function makeMessage(
  chat: number,
  serial: number,
  at: number,
  direction: 'in' | 'out' = serial % 3 === 0 ? 'out' : 'in',
): StoredMessage {
  const text = `${phrases[serial % phrases.length] ?? ''} #${serial}`;
  const base: StoredMessage = {
    id: `3EB0${serial.toString(16).padStart(16, '0')}`,
    chatId: chatIdOf(chat),
    direction,
    kind: 'text',
    text,
    at,
  };
  return direction === 'out' ? { ...base, status: 'read', waId: `true_${chatIdOf(chat)}_${base.id}` } : base;
}

export function baseData(): StoreData {
  return emptyStoreData(defaultSettings('America/Sao_Paulo'));
}

export interface GeneratedData {
  janelaDir: string;
  sqliteFile: string;
  naiveFile: string;
  busyChat: number;
  messageCount: number;
}

/** Which chat each message goes to: 2% to chat 0, the rest spread over all chats. */
function chatFor(serial: number): number {
  if (serial % 50 === 0) return 0;
  return 1 + ((serial * 7919) % (contactCount - 1));
}

export async function generateData(root: string, messageCount: number): Promise<GeneratedData> {
  const janelaDir = path.join(root, 'janela');
  const chatsDir = path.join(janelaDir, 'history', 'chats');
  mkdirSync(chatsDir, { recursive: true });
  const perChat = new Map<number, StoredMessage[]>();
  const contacts: Record<string, StoredContact> = {};
  for (let chat = 0; chat < contactCount; chat++) {
    const chatId = chatIdOf(chat);
    contacts[chatId] = {
      chatId,
      phone: chatId.split('@')[0] ?? '',
      waName: `Cliente ${chat}`,
      nameOverride: null,
      firstNameOverride: null,
      lastInboundAt: null,
      lastOutboundAt: null,
      lastMessage: null,
      unreadCount: 0,
      customFields: chat % 4 === 0 ? { order_id: `PED-${chat}` } : {},
      labels: chat % 5 === 0 ? ['vip'] : [],
      notes: '',
    };
  }
  for (let serial = 0; serial < messageCount; serial++) {
    const chat = chatFor(serial);
    const message = makeMessage(chat, serial, epoch + serial * 1000);
    const list = perChat.get(chat);
    if (list) list.push(message);
    else perChat.set(chat, [message]);
    const contact = contacts[message.chatId] as StoredContact;
    if (message.direction === 'in') contact.lastInboundAt = message.at;
    else contact.lastOutboundAt = message.at;
    contact.lastMessage = { text: message.text, at: message.at, direction: message.direction };
  }
  const data = { ...baseData(), contacts };
  const document = await encodeStoreDocument(data, 0);
  writeFileSync(path.join(janelaDir, 'janela.json'), Buffer.concat(document.map((chunk) => Buffer.from(chunk))));
  for (const [chat, messages] of perChat) {
    writeFileSync(
      path.join(chatsDir, `${chatIdOf(chat).replace('@', '_')}.jsonl`),
      formatMessageLines(messages).slice(1),
    );
  }

  const sqliteFile = path.join(root, 'sqlite.db');
  const db = new Database(sqliteFile);
  createSqliteSchema(db);
  const insertContact = db.prepare('INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertMessage = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const c of Object.values(contacts)) {
      insertContact.run(
        c.chatId,
        c.phone,
        c.waName,
        c.lastInboundAt,
        c.lastOutboundAt,
        c.lastMessage?.text ?? null,
        c.lastMessage?.at ?? null,
        c.lastMessage?.direction ?? null,
        c.unreadCount,
        JSON.stringify({ customFields: c.customFields, labels: c.labels, notes: c.notes }),
      );
    }
    for (const messages of perChat.values()) {
      for (const m of messages)
        insertMessage.run(m.id, m.chatId, m.direction, m.kind, m.text, m.at, m.status ?? null, m.waId ?? null);
    }
  })();
  db.close();

  const naiveFile = path.join(root, 'naive-lowdb.json');
  writeFileSync(naiveFile, JSON.stringify({ ...data, messages: [...perChat.values()].flat() }));
  return { janelaDir, sqliteFile, naiveFile, busyChat: 0, messageCount };
}

export function createSqliteSchema(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS contacts (chat_id TEXT PRIMARY KEY, phone TEXT, wa_name TEXT, last_inbound_at INTEGER,
    last_outbound_at INTEGER, last_text TEXT, last_at INTEGER, last_direction TEXT, unread_count INTEGER, extra TEXT);
    CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, chat_id TEXT, direction TEXT, kind TEXT, text TEXT, at INTEGER,
    status TEXT, wa_id TEXT);
    CREATE INDEX IF NOT EXISTS messages_by_chat ON messages (chat_id, at);`);
}
