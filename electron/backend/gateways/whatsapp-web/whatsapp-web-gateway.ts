/**
 * The shop's real WhatsApp, through whatsapp-web.js driving an installed Chrome/Edge/Chromium: the
 * gateway interface over two parts that each read on their own. `connection-supervisor.ts` owns the
 * connection's life (launch, watchdog, retry, unlink); `messaging.ts` and `message-intake.ts` own
 * messages (events in, sends, look-ups, catch-up on every `ready`).
 */
import { EventEmitter } from 'node:events';
import type { ChatId, ConnectionStatus } from '../../../../shared/domain';
import type { GatewayEvents, OutgoingMedia, SentMessageProbe, WhatsAppGateway } from '../gateway';
import type { DownloadedMedia } from '../../media/media-download';
import type { MessageMediaLike } from './client-like';
import { DEFAULT_CATCH_UP, type CatchUpOptions } from './catch-up';
import { ConnectionSupervisor, type ConnectionSettings } from './connection-supervisor';
import { MessageIntake } from './message-intake';
import { Messaging } from './messaging';
import { whatsAppFolders, type WhatsAppFolders } from './session-folders';

export interface WhatsAppWebGatewayOptions extends ConnectionSettings {
  /** The app's data folder (absolute); the session and web cache go under `<dataDir>/whatsapp`. */
  dataDir: string;
  /** When the backend last took a `synced` event; null before the first. */
  lastSyncAt: () => number | null;
  /** Builds the library's MessageMedia for a send; the real one by default, plain objects in tests. */
  createMedia?: (media: OutgoingMedia) => MessageMediaLike;
  /** A send with no answer for this long is uncertain. */
  sendTimeoutMs?: number;
  catchUp?: Partial<CatchUpOptions>;
  /** Technical log lines; the logger masks the phone numbers and ids that library errors quote. */
  log?: (line: string) => void;
}

export class WhatsAppWebGateway extends EventEmitter implements WhatsAppGateway {
  readonly kind = 'whatsapp-web' as const;
  readonly folders: WhatsAppFolders;
  private readonly connection: ConnectionSupervisor;
  private readonly messaging: Messaging;

  constructor(options: WhatsAppWebGatewayOptions) {
    super();
    this.folders = whatsAppFolders(options.dataDir);
    const log = (line: string) => this.log(options, line);
    const intake = new MessageIntake({
      clock: options.clock,
      lastSyncAt: options.lastSyncAt,
      catchUp: { ...DEFAULT_CATCH_UP, ...options.catchUp },
      emitMessage: (message) => this.emit('message', message),
      emitAck: (ack) => this.emit('ack', ack),
      emitSynced: (synced) => this.emit('synced', synced),
      emitRevoked: (revoked) => this.emit('revoked', revoked),
      log,
    });
    this.connection = new ConnectionSupervisor({
      ...options,
      folders: this.folders,
      onClient: (client, isCurrent) => this.messaging.listen(client, isCurrent),
      onLinked: (client, isCurrent) => void intake.catchUp(client, isCurrent),
      onUnlinked: () => intake.forgetNames(),
      onStatus: (status) => this.emit('status', status),
      log,
    });
    this.messaging = new Messaging({
      intake,
      connectedAttempt: () => this.connection.connectedAttempt(),
      sendTimeoutMs: options.sendTimeoutMs,
      ...(options.createMedia ? { createMedia: options.createMedia } : {}),
      log,
    });
  }

  override on<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override off<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }

  override emit<E extends keyof GatewayEvents>(event: E, ...args: GatewayEvents[E]): boolean {
    return super.emit(event, ...args);
  }

  status(): ConnectionStatus {
    return this.connection.status();
  }

  start(): Promise<void> {
    return this.connection.start();
  }

  stop(): Promise<void> {
    return this.connection.stop();
  }

  reconnect(): Promise<void> {
    return this.connection.reconnect();
  }

  unlink(): Promise<void> {
    return this.connection.unlink();
  }

  requestPairingCode(phone: string): Promise<string> {
    return this.connection.requestPairingCode(phone);
  }

  sendText(chatId: ChatId, text: string): Promise<{ waId: string }> {
    return this.messaging.sendText(chatId, text);
  }

  sendMedia(chatId: ChatId, media: OutgoingMedia, caption: string): Promise<{ waId: string }> {
    return this.messaging.sendMedia(chatId, media, caption);
  }

  downloadMedia(chatId: ChatId, waId: string): Promise<DownloadedMedia | null> {
    return this.messaging.downloadMedia(chatId, waId);
  }

  findSent(chatId: ChatId, text: string, since: number): Promise<SentMessageProbe | null> {
    return this.messaging.findSent(chatId, text, since);
  }

  private log(options: WhatsAppWebGatewayOptions, line: string): void {
    // Library errors can quote chat ids: the logger masks them (logging/redact.ts).
    options.log?.(`[whatsapp] ${line}`);
  }
}

export function createWhatsAppWebGateway(options: WhatsAppWebGatewayOptions): WhatsAppWebGateway {
  return new WhatsAppWebGateway(options);
}
