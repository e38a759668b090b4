/**
 * What the backend needs from WhatsApp. The simulated gateway (tests, demo) and the
 * whatsapp-web.js gateway both implement it, so everything above this line is the same code.
 */
import type { ChatId, ConnectionStatus, DeliveryStatus, GatewayKind, MessageKind } from '../../../shared/domain';
import type { MediaInfo } from '../../../shared/media/media-kind';
import type { DownloadedMedia } from '../media/media-download';

/** A message seen on WhatsApp, live or during catch-up; the backend stores each `waId` once. */
export interface GatewayMessage {
  waId: string;
  chatId: ChatId;
  /** true for the shop's own messages, also those typed on the phone. */
  fromMe: boolean;
  kind: MessageKind;
  text: string;
  /** Epoch milliseconds (gateways convert WhatsApp's seconds). */
  at: number;
  /** Best name WhatsApp has for the customer: saved name, then push name; null when none. */
  contactName: string | null;
  /** For the shop's own messages, how far delivery got. */
  status?: DeliveryStatus;
  /** true when it arrived through catch-up rather than a live event. */
  catchUp?: boolean;
  /** The demo shop's sample satisfaction surveys (a real gateway never sets it). */
  csatSurvey?: boolean;
  /** A `media` message's attachment as WhatsApp describes it, before any download. */
  media?: MediaInfo;
}

/** A file to send, as whatsapp-web.js's `MessageMedia` takes it. */
export interface OutgoingMedia {
  /** Base64. */
  data: string;
  mimetype: string;
  filename: string;
}

export interface SentMessageProbe {
  waId: string;
  status: DeliveryStatus;
}

export interface GatewayEvents {
  status: [ConnectionStatus];
  message: [GatewayMessage];
  ack: [{ waId: string; chatId: ChatId; status: DeliveryStatus }];
  /** Catch-up finished: everything up to `at` is in. */
  synced: [{ at: number }];
  /** A message was deleted for everyone (by the customer, or by the shop on its phone). */
  revoked: [{ chatId: ChatId; waId: string }];
}

export interface WhatsAppGateway {
  readonly kind: GatewayKind;
  status(): ConnectionStatus;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Hands a text to WhatsApp. Resolves with its WhatsApp id once handed over (server ack comes
   * later as an `ack` event); rejects with GatewayDisconnectedError when the connection dropped
   * mid-send, so the outbox can mark it uncertain instead of failed.
   */
  sendText(chatId: ChatId, text: string): Promise<{ waId: string }>;
  /** Hands a file, with `caption` (may be empty), to WhatsApp; resolves and rejects like sendText. */
  sendMedia(chatId: ChatId, media: OutgoingMedia, caption: string): Promise<{ waId: string }>;
  /** The bytes of a message's attachment (whatsapp-web.js `msg.downloadMedia()`); null when WhatsApp has none. */
  downloadMedia(chatId: ChatId, waId: string): Promise<DownloadedMedia | null>;
  /** After a reconnect: the shop's message to `chatId` with exactly `text` sent at or after `since`, if any. */
  findSent(chatId: ChatId, text: string, since: number): Promise<SentMessageProbe | null>;
  requestPairingCode(phone: string): Promise<string>;
  /** Log out and forget the linked session. */
  unlink(): Promise<void>;
  /** Start again after a stop that does not retry by itself (logout, block, no browser). */
  reconnect(): Promise<void>;
  on<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this;
  off<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this;
}

export class GatewayDisconnectedError extends Error {
  constructor(message = 'the WhatsApp connection dropped while sending') {
    super(message);
    this.name = 'GatewayDisconnectedError';
  }
}
