/**
 * A stand-in for whatsapp-web.js's Client: an EventEmitter with the library's method names, whose
 * chats, contacts and messages are built by the library's own structure classes from raw data.
 * `FakeWhatsApp` is the account on WhatsApp's side and outlives every Client, as the real one does.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserLike,
  ChatLike,
  ClientLike,
  ContactLike,
  MessageLike,
} from '../../../../../../electron/backend/gateways/whatsapp-web/client-like';
import {
  ChatFactory,
  ContactFactory,
  SHOP,
  rawChat,
  rawContact,
  rawMessage,
  structures,
  type RawChat,
  type RawContact,
  type RawMessage,
} from './wa-structures';

export class FakeWhatsApp {
  linked = false;
  readonly chats = new Map<string, { raw: RawChat; messages: RawMessage[] }>();
  readonly contacts = new Map<string, RawContact>();
  /** What the next initialize() calls do instead of succeeding: an Error or a plain string. */
  readonly initializeFailures: unknown[] = [];
  /** Texts that reached WhatsApp's servers, per chat: a customer receives each of these. */
  readonly delivered: { chatId: string; text: string; waId: string }[] = [];
  failFetchFor: string | null = null;
  /** How many of the next initialize() calls never settle (a hung page load). */
  initializeHangs = 0;

  addMessage(raw: RawMessage): RawMessage {
    const chatId = raw.id.remote;
    const chat = this.chats.get(chatId) ?? { raw: rawChat(chatId, raw.t), messages: [] };
    chat.messages.push(raw);
    chat.raw.t = Math.max(chat.raw.t, raw.t);
    if (!raw.id.fromMe) chat.raw.unreadCount++;
    this.chats.set(chatId, chat);
    return raw;
  }

  addContact(id: string, names: { name?: string; pushname?: string }): void {
    this.contacts.set(id, rawContact(id, names));
  }

  /** What Chat.fetchMessages's page function returns: notifications dropped, the last `limit`. */
  fetch(chatId: string, options: { limit?: number; fromMe?: boolean } | undefined): RawMessage[] {
    if (this.failFetchFor === chatId) throw new Error('Evaluation failed: loadEarlierMsgs');
    const all = [...(this.chats.get(chatId)?.messages ?? [])]
      .filter((message) => !message.isNotification)
      .filter((message) => options?.fromMe === undefined || message.id.fromMe === options.fromMe)
      .sort((a, b) => a.t - b.t);
    return options?.limit ? all.slice(-options.limit) : all;
  }
}

class FakeBrowser extends EventEmitter implements BrowserLike {
  crash(): void {
    this.emit('disconnected');
  }
}

export interface FakeClientControls {
  /** getState() never answers (a hung page). */
  hung: boolean;
  state: string | null;
  /** sendMessage() waits for this before answering; null answers at once. */
  sendGate: Promise<void> | null;
  /** When true the send reaches the server before the connection is lost. */
  sendReachesServer: boolean;
}

export class FakeClient extends EventEmitter implements ClientLike {
  readonly calls: string[] = [];
  pupBrowser: FakeBrowser | null = null;
  destroyed = false;
  readonly controls: FakeClientControls = { hung: false, state: 'CONNECTED', sendGate: null, sendReachesServer: true };
  /** The page, as Chat.fetchMessages reaches it. */
  readonly pupPage = {
    evaluate: async (_pageFunction: unknown, chatId: string, options?: { limit?: number; fromMe?: boolean }) =>
      this.world.fetch(chatId, options),
  };
  private qrCount = 0;
  private abortInitialize: (() => void) | null = null;

  constructor(
    readonly world: FakeWhatsApp,
    readonly index: number,
  ) {
    super();
  }

  async initialize(): Promise<void> {
    this.calls.push('initialize');
    if (this.calls.filter((call) => call === 'initialize').length > 1)
      throw new Error('initialize() called twice on one Client');
    if (this.world.initializeHangs > 0) {
      this.world.initializeHangs--;
      // Like page.goto under a closing browser: it fails once the Client is destroyed.
      return new Promise<never>((_, reject) => {
        this.abortInitialize = () => reject(new Error('Navigating frame was detached'));
      });
    }
    const failure = this.world.initializeFailures.shift();
    if (failure !== undefined) throw failure;
    this.pupBrowser = new FakeBrowser();
    if (this.world.linked) {
      queueMicrotask(() => this.login());
    } else {
      this.controls.state = 'UNPAIRED';
      this.rotateQr();
    }
  }

  rotateQr(): void {
    this.emit('qr', `2@qr-${this.index}-${++this.qrCount},key,identity,secret,platform`);
  }

  /** The phone scanned the QR (or the saved session was restored). */
  scan(): void {
    this.world.linked = true;
    this.login();
  }

  private login(): void {
    this.controls.state = 'CONNECTED';
    this.emit('authenticated');
    this.emit('loading_screen', 50, 'WhatsApp');
    this.emit('ready');
  }

  /** A new message on WhatsApp, delivered the way Client.js does: message_create, then message if not ours. */
  deliver(raw: RawMessage): MessageLike {
    this.world.addMessage(raw);
    const message = new structures.Message(this, raw);
    this.emit('message_create', message);
    if (!raw.id.fromMe) this.emit('message', message);
    return message;
  }

  ack(raw: RawMessage, ack: number): void {
    raw.ack = ack;
    this.emit('message_ack', new structures.Message(this, raw), ack);
  }

  async destroy(): Promise<void> {
    this.calls.push('destroy');
    this.destroyed = true;
    this.abortInitialize?.();
  }

  async logout(): Promise<void> {
    this.calls.push('logout');
    this.world.linked = false;
  }

  async getState(): Promise<string | null> {
    this.calls.push('getState');
    if (this.controls.hung || this.destroyed) return new Promise<never>(() => undefined);
    return this.controls.state;
  }

  async getChats(): Promise<ChatLike[]> {
    return [...this.world.chats.values()].map((chat) => ChatFactory.create(this, chat.raw));
  }

  async getChatById(chatId: string): Promise<ChatLike | undefined> {
    const chat = this.world.chats.get(chatId);
    return chat ? ChatFactory.create(this, chat.raw) : undefined;
  }

  async getContactById(contactId: string): Promise<ContactLike> {
    const raw = this.world.contacts.get(contactId) ?? rawContact(contactId, {});
    return ContactFactory.create(this, raw);
  }

  async sendMessage(chatId: string, content: string): Promise<MessageLike | undefined> {
    this.calls.push('sendMessage');
    const raw = rawMessage({ chat: chatId, fromMe: true, body: content, t: Math.floor(this.nowSeconds()), ack: 0 });
    if (this.controls.sendReachesServer) {
      this.world.addMessage(raw);
      this.world.delivered.push({ chatId, text: content, waId: raw.id._serialized });
    }
    if (this.controls.sendGate) await this.controls.sendGate;
    if (this.destroyed) throw new Error('Protocol error (Runtime.callFunctionOn): Target closed');
    const message = new structures.Message(this, raw);
    this.emit('message_create', message);
    return message;
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.calls.push(`requestPairingCode:${phoneNumber}`);
    const code = 'ABCD1234';
    this.emit('code', code);
    return code;
  }

  /** Seconds on WhatsApp's side; tests set it to follow their clock. */
  nowSeconds: () => number = () => 1_760_000_000;
}

export { SHOP };
