/**
 * A WhatsApp that lives in memory: the demo, the browser host's test control and the unit tests
 * drive it. It behaves like the real gateway at the interface: ids, acks, disconnects.
 */
import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ChatId, ConnectionStatus, GatewayKind } from '../../../../shared/domain';
import { sendKindOf, type MediaInfo, type OutgoingAttachment } from '../../../../shared/media/media-kind';
import type { DownloadedMedia } from '../../media/media-download';
import type { Clock } from '../../clock';
import {
  GatewayDisconnectedError,
  type GatewayEvents,
  type GatewayMessage,
  type OutgoingMedia,
  type SentMessageProbe,
  type WhatsAppGateway,
} from '../gateway';

export interface SimulatedSend {
  waId: string;
  chatId: ChatId;
  phone: string;
  text: string;
  at: number;
  media?: { kind: OutgoingAttachment['kind']; mimetype: string; filename: string; sha256: string };
}

export interface SimulatedInbound {
  phone: string;
  name: string | null;
  text: string;
  /** Defaults to now. */
  at?: number;
  kind?: GatewayMessage['kind'];
  /** An attachment; `file` is what WhatsApp hands over on download (none: the download fails). */
  media?: { info: MediaInfo; file?: DownloadedMedia };
}

export interface SimulatedGatewayOptions {
  clock: Clock;
  kind?: Extract<GatewayKind, 'simulated' | 'demo'>;
  /** Delays of the server, delivered and read acks after a send; null stops at that step. */
  ackDelaysMs?: [number | null, number | null, number | null];
  /** Messages that "arrived while the app was closed", delivered as catch-up on start. */
  history?: () => GatewayMessage[];
  /** The bytes of the history's attachments, by WhatsApp id. */
  historyFiles?: () => ReadonlyMap<string, DownloadedMedia>;
}

export function phoneChatId(phone: string): ChatId {
  return `${phone}@c.us`;
}

export class SimulatedGateway extends EventEmitter implements WhatsAppGateway {
  readonly kind: Extract<GatewayKind, 'simulated' | 'demo'>;
  readonly sent: SimulatedSend[] = [];
  private current: ConnectionStatus = { state: 'starting' };
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly files = new Map<string, DownloadedMedia>();

  constructor(private readonly options: SimulatedGatewayOptions) {
    super();
    this.kind = options.kind ?? 'simulated';
  }

  status(): ConnectionStatus {
    return this.current;
  }

  async start(): Promise<void> {
    this.setStatus({ state: 'connected', since: this.options.clock.now() });
    for (const [waId, file] of this.options.historyFiles?.() ?? []) this.files.set(waId, file);
    for (const message of this.options.history?.() ?? []) this.emit('message', { ...message, catchUp: true });
    this.emit('synced', { at: this.options.clock.now() });
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.setStatus({ state: 'disconnected', reason: 'STOPPED' });
  }

  /** A customer writes now (test control, demo). */
  receive(inbound: SimulatedInbound): GatewayMessage {
    const message: GatewayMessage = {
      // Unique across restarts: the store keeps every id it saw, and drops a message whose id it knows.
      waId: `sim-in-${randomUUID()}`,
      chatId: phoneChatId(inbound.phone),
      fromMe: false,
      kind: inbound.kind ?? 'text',
      text: inbound.text,
      at: inbound.at ?? this.options.clock.now(),
      contactName: inbound.name,
      ...(inbound.media ? { media: inbound.media.info } : {}),
    };
    if (inbound.media?.file) this.files.set(message.waId, inbound.media.file);
    this.emit('message', message);
    return message;
  }

  /**
   * The shop types a message on its phone (test control). whatsapp-web.js reports it as a `fromMe`
   * `message_create` already handed to the server (ack 1), then its delivered and read acks, which
   * is what the real gateway's intake turns into a `message` with `status: 'sent'` and `ack` events.
   */
  typeOnPhone(phone: string, text: string): GatewayMessage {
    if (this.current.state !== 'connected') throw new GatewayDisconnectedError();
    const chatId = phoneChatId(phone);
    const message: GatewayMessage = {
      waId: `sim-phone-${randomUUID()}`,
      chatId,
      fromMe: true,
      kind: 'text',
      text,
      at: this.options.clock.now(),
      contactName: null,
      status: 'sent',
    };
    this.emit('message', message);
    const [, delivered, read] = this.ackDelays();
    this.later(delivered, () => this.emit('ack', { waId: message.waId, chatId, status: 'delivered' }));
    this.later(read, () => this.emit('ack', { waId: message.waId, chatId, status: 'read' }));
    return message;
  }

  /** Test control: drop or restore the connection. */
  setConnection(connected: boolean, reason = 'TIMEOUT'): void {
    this.setStatus(
      connected
        ? { state: 'connected', since: this.options.clock.now() }
        : { state: 'offline', reason, retryAt: this.options.clock.now() + 5000 },
    );
  }

  /** Test control: show any connection state (QR, pairing, update needed…) as the real gateway would. */
  showStatus(status: ConnectionStatus): void {
    this.setStatus(status);
  }

  async sendText(chatId: ChatId, text: string): Promise<{ waId: string }> {
    return this.send(chatId, text);
  }

  async sendMedia(chatId: ChatId, media: OutgoingMedia, caption: string): Promise<{ waId: string }> {
    const bytes = Buffer.from(media.data, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.send(chatId, caption, {
      kind: sendKindOf(media.mimetype),
      mimetype: media.mimetype,
      filename: media.filename,
      sha256,
    });
  }

  async downloadMedia(_chatId: ChatId, waId: string): Promise<DownloadedMedia | null> {
    if (this.current.state !== 'connected') throw new GatewayDisconnectedError();
    return this.files.get(waId) ?? null;
  }

  private send(chatId: ChatId, text: string, media?: SimulatedSend['media']): { waId: string } {
    if (this.current.state !== 'connected') throw new GatewayDisconnectedError();
    const waId = `sim-out-${randomUUID()}`;
    this.sent.push({
      waId,
      chatId,
      phone: chatId.split('@')[0] ?? '',
      text,
      at: this.options.clock.now(),
      ...(media ? { media } : {}),
    });
    const [server, delivered, read] = this.ackDelays();
    this.later(server, () => this.emit('ack', { waId, chatId, status: 'sent' }));
    this.later(delivered, () => this.emit('ack', { waId, chatId, status: 'delivered' }));
    this.later(read, () => this.emit('ack', { waId, chatId, status: 'read' }));
    return { waId };
  }

  async findSent(chatId: ChatId, text: string, since: number): Promise<SentMessageProbe | null> {
    const match = this.sent.find((sent) => sent.chatId === chatId && sent.text === text && sent.at >= since);
    return match ? { waId: match.waId, status: 'sent' } : null;
  }

  async requestPairingCode(): Promise<string> {
    const code = 'JANE-LA42';
    this.setStatus({ state: 'pairing-code', code });
    return code;
  }

  async unlink(): Promise<void> {
    this.setStatus({ state: 'disconnected', reason: 'LOGOUT' });
  }

  async reconnect(): Promise<void> {
    this.setConnection(true);
  }

  private ackDelays(): [number | null, number | null, number | null] {
    return this.options.ackDelaysMs ?? [50, 400, 1200];
  }

  private later(delayMs: number | null, action: () => void): void {
    if (delayMs === null) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.current.state === 'connected') action();
    }, delayMs);
    this.timers.add(timer);
  }

  private setStatus(status: ConnectionStatus): void {
    this.current = status;
    this.emit('status', status);
  }

  override on<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override off<E extends keyof GatewayEvents>(event: E, listener: (...args: GatewayEvents[E]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }
}
