/**
 * The account's chats and contacts as WhatsApp's servers (and the phone) hold them. Pages load
 * them on start — which is how messages that arrived while the app was closed reach catch-up.
 */
import { randomBytes } from 'node:crypto';
import type { Snapshot, StoredChat, StoredContact, StoredMessage } from './protocol';

export interface SeedMessage {
  /** WhatsApp's message id (the part after the chat in `_serialized`); generated when omitted. */
  id?: string;
  fromMe?: boolean;
  /** For groups: who wrote it. */
  author?: string;
  text: string;
  /** Epoch milliseconds. */
  at: number;
  /** For the shop's own messages: 1 server, 2 delivered, 3 read (default 3). */
  ack?: number;
  /** The sender's push name shown on the message. */
  notifyName?: string;
}

export interface SeedChat {
  /** `5511…@c.us` for a person, `…@g.us` for a group. */
  id: string;
  /** Saved contact name (person) or subject (group). */
  name?: string;
  /** The person's own push name. */
  pushname?: string;
  /** Unread messages as the phone counts them; 0 = already read on the phone. Defaults to the
   * number of customer messages after the shop's last message. */
  unreadCount?: number;
  participants?: string[];
  messages: SeedMessage[];
}

export interface Me {
  number: string;
  pushname: string;
}

export const newMessageId = (): string => randomBytes(10).toString('hex').toUpperCase();
export const toSeconds = (epochMs: number): number => Math.floor(epochMs / 1000);

function withoutMessages(chat: StoredChat): Omit<StoredChat, 'messages'> {
  return {
    id: chat.id,
    t: chat.t,
    unreadCount: chat.unreadCount,
    ...(chat.name ? { name: chat.name } : {}),
    ...(chat.participants ? { participants: chat.participants } : {}),
  };
}

export class AccountHistory {
  private readonly chats = new Map<string, StoredChat>();
  private readonly contacts = new Map<string, StoredContact>();
  /** Statuses are kept apart: they are no chat in the list. */
  private readonly statuses: StoredMessage[] = [];

  constructor(readonly me: Me) {}

  get meId(): string {
    return `${this.me.number}@c.us`;
  }

  clear(): void {
    this.chats.clear();
    this.contacts.clear();
    this.statuses.length = 0;
  }

  seed(chats: SeedChat[]): void {
    for (const seed of chats) {
      const messages = seed.messages.map((m): StoredMessage => ({
        id: m.id ?? newMessageId(),
        chatId: seed.id,
        fromMe: m.fromMe ?? false,
        ...(m.author ? { author: m.author } : {}),
        body: m.text,
        t: toSeconds(m.at),
        ack: m.fromMe ? (m.ack ?? 3) : 0,
        type: 'chat',
        ...((m.notifyName ?? seed.pushname) ? { notifyName: m.notifyName ?? seed.pushname } : {}),
      }));
      messages.sort((a, b) => a.t - b.t);
      const lastOwn = messages.map((m) => m.fromMe).lastIndexOf(true);
      const unanswered = messages.slice(lastOwn + 1).filter((m) => !m.fromMe).length;
      this.chats.set(seed.id, {
        id: seed.id,
        ...(seed.name ? { name: seed.name } : {}),
        t: messages.at(-1)?.t ?? 0,
        unreadCount: seed.unreadCount ?? unanswered,
        ...(seed.participants ? { participants: seed.participants } : {}),
        messages,
      });
      if (seed.id.endsWith('@c.us') || seed.id.endsWith('@lid')) {
        this.rememberContact({
          id: seed.id,
          ...(seed.name ? { name: seed.name } : {}),
          ...(seed.pushname ? { pushname: seed.pushname } : {}),
        });
      }
    }
  }

  rememberContact(contact: StoredContact): StoredContact {
    const merged = { ...this.contacts.get(contact.id), ...contact };
    this.contacts.set(contact.id, merged);
    return merged;
  }

  /** Adds a message to its chat (creating the chat) and returns the chat without its messages. */
  append(message: StoredMessage, chatName?: string, participant?: string): Omit<StoredChat, 'messages'> {
    if (message.chatId === 'status@broadcast') {
      this.statuses.push(message);
      return { id: message.chatId, t: message.t, unreadCount: 0 };
    }
    const chat = this.chats.get(message.chatId) ?? { id: message.chatId, t: 0, unreadCount: 0, messages: [] };
    if (chatName && !chat.name) chat.name = chatName;
    if (participant && message.chatId.endsWith('@g.us')) {
      chat.participants = [...new Set([...(chat.participants ?? []), participant])];
    }
    chat.messages.push(message);
    chat.t = Math.max(chat.t, message.t);
    chat.unreadCount = message.fromMe ? 0 : chat.unreadCount + 1;
    this.chats.set(chat.id, chat);
    return withoutMessages(chat);
  }

  findByKey(serializedKey: string): StoredMessage | undefined {
    const [, chatId, id] = serializedKey.split('_');
    return this.findById(id ?? '', chatId);
  }

  findById(id: string, chatId?: string): StoredMessage | undefined {
    const chats = chatId ? [this.chats.get(chatId)] : [...this.chats.values()];
    for (const chat of chats) {
      const found = chat?.messages.find((m) => m.id === id);
      if (found) return found;
    }
    return this.statuses.find((m) => m.id === id);
  }

  markRead(chatId: string): void {
    const chat = this.chats.get(chatId);
    if (chat) chat.unreadCount = 0;
  }

  chat(chatId: string): StoredChat | undefined {
    const chat = this.chats.get(chatId);
    return chat ? structuredClone(chat) : undefined;
  }

  snapshot(): Snapshot {
    return {
      me: { id: this.meId, lid: `${this.me.number.slice(-9)}000001@lid`, pushname: this.me.pushname },
      chats: structuredClone([...this.chats.values()]),
      contacts: [...this.contacts.values()],
    };
  }
}
