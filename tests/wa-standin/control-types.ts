/**
 * The stand-in's control API: what a test (vitest against the library, Playwright against the
 * whole app) calls to play the phone, the customers and WhatsApp's servers.
 */
import type { IncomingCall, StoredChat, WaState } from './protocol';
import type { SeedChat } from './history';

export interface InboundMessage {
  /** The person writing: `5511…@c.us` (or `…@lid`). */
  from: string;
  /** Their push name. */
  name?: string;
  /** The name the shop saved for them on the phone. */
  savedName?: string;
  text: string;
  /** Epoch milliseconds; now when omitted. */
  at?: number;
  /** WhatsApp's message id; generated when omitted. */
  id?: string;
  /** Posted in this group instead of a private chat. */
  group?: { id: string; name?: string };
  /** Posted as a status (from `status@broadcast`). */
  status?: boolean;
  /** An attachment with real bytes; `text` becomes its caption. */
  media?: InboundMedia;
  /** A shared location (`text` is ignored). */
  location?: { latitude: number; longitude: number; name?: string; address?: string };
}

export interface InboundMedia {
  /** WhatsApp's message type: 'image', 'ptt' (voice note), 'audio', 'video', 'document', 'sticker'. */
  type: 'image' | 'ptt' | 'audio' | 'video' | 'document' | 'sticker';
  mimetype: string;
  /** Base64 of the bytes. */
  data: string;
  filename?: string;
  /** Seconds. */
  duration?: number;
}

export interface PhoneMessage {
  /** The chat the shop writes to, from its phone. */
  to: string;
  text: string;
  at?: number;
  id?: string;
}

/** A message WhatsApp's servers accepted from a linked device (from the app under test). */
export interface ReceivedMessage {
  /** WhatsApp's message id (`msg.id.id`). */
  id: string;
  /** `msg.id._serialized`. */
  key: string;
  to: string;
  text: string;
  /** Epoch milliseconds when the server took it. */
  at: number;
  /** An attachment the app sent: what it said about it, and the hex sha256 of the bytes uploaded. */
  media?: { type: string; mimetype: string; filename?: string; sha256: string; size: number };
}

export interface PageInfo {
  pageId: string;
  url: string;
  /** The page holds a device link the "phone" still knows. */
  linked: boolean;
  state: WaState | null;
  hasSynced: boolean;
  /** whatsapp-web.js finished inject() on this page (its last listener is attached). Destroying
   * the client before that makes the library's re-injection fail unhandled in Node. */
  injected: boolean;
  /** whatsapp-web.js has attached its message listeners (it emits `ready` right after). */
  listening: boolean;
  /** The QR ref the page shows, while it shows one. */
  qr: string | null;
}

export interface PageFilter {
  linked?: boolean;
  state?: WaState;
  hasSynced?: boolean;
  injected?: boolean;
  listening?: boolean;
  showingQr?: boolean;
}

export type SendFailureMode = 'reject' | 'ack-error';

export interface DropOptions {
  /** The message reached WhatsApp's servers before the connection went (default true). */
  received?: boolean;
  /**
   * What the connection does, while the library's sendMessage never resolves:
   * 'timeout' (default): the socket state turns TIMEOUT;
   * 'reload': the page reloads, so the library's evaluate rejects;
   * 'hang': nothing else happens.
   */
  then?: 'timeout' | 'reload' | 'hang';
  /** For 'timeout': back to CONNECTED after this long (never when omitted). */
  recoverAfterMs?: number;
}

export interface StandInControl {
  // login
  /** Resolves with the QR ref a page shows (waits for one). */
  waitForQr(timeoutMs?: number): Promise<string>;
  /** Every QR ref shown so far, oldest first. */
  qrCodes(): string[];
  /** WhatsApp rotates the QR on the pages showing one. */
  rotateQr(): void;
  /** The phone scans the QR shown (waits for one), links the page and resolves when it is CONNECTED. */
  scan(timeoutMs?: number): Promise<void>;
  /** Pairing codes the library asked for, oldest first. */
  pairingCodes(): { code: string; phoneNumber: string }[];
  // people and history
  /** Sets the account's chat history (what catch-up finds). Seed before the page links or loads. */
  seedChats(chats: SeedChat[]): void;
  /** A customer, group member or status poster writes; returns the message id. */
  inbound(message: InboundMessage): string;
  /** The shop writes from its phone; returns the message id. */
  sendFromPhone(message: PhoneMessage): string;
  /** The shop opens the chat on the phone: unread count 0. */
  readOnPhone(chatId: string): void;
  /** A person calls. */
  call(from: string, options?: { isVideo?: boolean }): string;
  /** A person reacts to a message (`messageKey` = `msg.id._serialized`). */
  react(from: string, messageKey: string, emoji: string): void;
  /** The chat as the servers hold it (with messages), or undefined. */
  chat(chatId: string): StoredChat | undefined;
  // sends
  /** Messages the servers accepted from the app, once per message id, in order. */
  received(): ReceivedMessage[];
  /** The customer deletes a message for everyone: it turns `revoked` on linked pages and in history. */
  revoke(chatId: string, id: string): void;
  /** The bytes behind an attachment path (sent or received), as base64; null when unknown. */
  mediaFile(directPath: string): string | null;
  failNextSend(options?: { mode?: SendFailureMode; reason?: string }): void;
  dropConnectionDuringNextSend(options?: DropOptions): void;
  /** Acks given automatically to accepted sends, each `stepMs` after the previous (0 = none). */
  setAutoAck(upTo: 0 | 1 | 2 | 3, stepMs?: number): void;
  /** Gives an ack by hand (`id` or `key`): 1 server, 2 delivered, 3 read, -1 error. */
  ack(idOrKey: string, level: -1 | 1 | 2 | 3): void;
  // connection
  /** The socket state on linked pages; UNPAIRED also unlinks the device. */
  setState(state: WaState, options?: { recoverAfterMs?: number }): void;
  /** The phone removes this linked device ("log out" from the phone). */
  logoutFromPhone(): void;
  reload(): void;
  // observation
  pages(): PageInfo[];
  waitForPage(filter: PageFilter, timeoutMs?: number): Promise<PageInfo>;
  /** Whether the phone still has a linked device. */
  isLinked(): boolean;
  requestedModules(): string[];
  /** Names the library asked for that the stand-in neither provides nor lists as optional. */
  unknownModules(): string[];
  /** Forgets history, sends, links and plans (pages stay connected). */
  reset(): void;
}

export type { IncomingCall };
