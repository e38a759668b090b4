/**
 * Messages over a linked WhatsApp Web: the library's message events in (one after another, through
 * the intake), texts out, and the look-up of a send whose answer was lost. Which Client is linked
 * is the connection supervisor's business: this side asks it for the connected attempt.
 */
import type { ChatId } from '../../../../shared/domain';
import { toEpochMs } from './wa-timestamps';
import { GatewayDisconnectedError, type OutgoingMedia, type SentMessageProbe } from '../gateway';
import type { DownloadedMedia } from '../../media/media-download';
import type { CallLike, ClientLike, MessageLike, MessageMediaLike, ReactionLike } from './client-like';
import { classifyInitializeFailure, shortReason } from './connection-policy';
import type { Attempt } from './attempt';
import { deliveryStatusFromAck } from './message-adapter';
import type { MessageIntake } from './message-intake';
import { createMessageMedia } from './web-client';
import { withTimeout } from './with-timeout';

export interface MessagingOptions {
  intake: MessageIntake;
  /** The linked attempt; throws GatewayDisconnectedError when there is none. */
  connectedAttempt: () => Attempt;
  /** A send with no answer for this long is uncertain. */
  sendTimeoutMs?: number;
  /** Builds the library's MessageMedia for a send; the real one by default, plain objects in tests. */
  createMedia?: (media: OutgoingMedia) => MessageMediaLike;
  log: (line: string) => void;
}

const SEND_MATCH_SLACK_MS = 2_000;
/** Recent messages with an attachment, kept so a download needs no lookup in the page. */
const RECENT_MEDIA_LIMIT = 500;

export class Messaging {
  /** Ids sendText handed back: findSent never mistakes one of those for a lost send with the same text. */
  private readonly sentWaIds = new Set<string>();
  /** Live events are handled one after another, so a message is never overtaken by its own ack. */
  private liveQueue: Promise<void> = Promise.resolve();
  private readonly recentMedia = new Map<string, MessageLike>();

  constructor(private readonly options: MessagingOptions) {}

  /** Takes a new Client's message events; those that come after it was replaced are dropped. */
  listen(client: ClientLike, isCurrent: () => boolean): void {
    const { intake } = this.options;
    const live = (handler: () => void | Promise<void>) => {
      if (!isCurrent()) return;
      this.liveQueue = this.liveQueue
        .then(handler)
        .catch((error: unknown) => this.options.log(`event handling failed: ${shortReason(error)}`));
    };
    // One path for messages: message_create covers the customer's and the shop's own (also from the phone).
    client.on('message_create', (message: MessageLike) => {
      this.rememberMedia(message);
      live(() => intake.message(client, message));
    });
    client.on('message_ack', (message: MessageLike, ack: number) => live(() => intake.ack(message, ack)));
    client.on('message_revoke_everyone', (message: MessageLike) => live(() => intake.revoked(message)));
    client.on('message_reaction', (reaction: ReactionLike) => live(() => intake.reaction(client, reaction)));
    client.on('call', (call: CallLike) => live(() => intake.call(client, call)));
  }

  sendText(chatId: ChatId, text: string): Promise<{ waId: string }> {
    return this.handOver((client) => client.sendMessage(chatId, text));
  }

  sendMedia(chatId: ChatId, media: OutgoingMedia, caption: string): Promise<{ waId: string }> {
    const content = (this.options.createMedia ?? createMessageMedia)(media);
    // Pictures go as photos; anything else as a document, with its name, like WhatsApp Web's clip.
    const asDocument = !/^image\/(jpeg|png|webp|gif)$/.test(media.mimetype);
    return this.handOver((client) =>
      client.sendMessage(chatId, content, {
        ...(caption !== '' ? { caption } : {}),
        ...(asDocument ? { sendMediaAsDocument: true } : {}),
      }),
    );
  }

  async downloadMedia(_chatId: ChatId, waId: string): Promise<DownloadedMedia | null> {
    const attempt = this.options.connectedAttempt();
    const message = this.recentMedia.get(waId) ?? (await attempt.client.getMessageById?.(waId)) ?? null;
    if (!message?.downloadMedia) return null;
    const media = await message.downloadMedia();
    return media ?? null;
  }

  private rememberMedia(message: MessageLike): void {
    if (!message.hasMedia || typeof message.downloadMedia !== 'function') return;
    this.recentMedia.set(message.id._serialized, message);
    if (this.recentMedia.size > RECENT_MEDIA_LIMIT) {
      const oldest = this.recentMedia.keys().next();
      if (!oldest.done) this.recentMedia.delete(oldest.value);
    }
  }

  /** Hands content to WhatsApp: its id, or uncertain (GatewayDisconnectedError) when the connection went. */
  private async handOver(
    send: (client: ClientLike) => Promise<MessageLike | undefined | null>,
  ): Promise<{ waId: string }> {
    const attempt = this.options.connectedAttempt();
    let removeWaiter = (): void => undefined;
    const lost = new Promise<never>((_, reject) => {
      attempt.lostWaiters.add(reject);
      removeWaiter = () => attempt.lostWaiters.delete(reject);
    });
    try {
      const sent = await withTimeout(
        Promise.race([send(attempt.client), lost]),
        this.options.sendTimeoutMs ?? 60_000,
        'sendMessage',
      );
      if (!sent) throw new Error('WhatsApp did not find this chat');
      this.sentWaIds.add(sent.id._serialized);
      return { waId: sent.id._serialized };
    } catch (error) {
      if (error instanceof GatewayDisconnectedError) throw error;
      const kind = classifyInitializeFailure(error);
      if (attempt.retired || (error instanceof Error && error.name === 'TimeoutError') || kind === 'crash') {
        throw new GatewayDisconnectedError();
      }
      throw error;
    } finally {
      removeWaiter();
    }
  }

  async findSent(chatId: ChatId, text: string, since: number): Promise<SentMessageProbe | null> {
    const attempt = this.options.connectedAttempt();
    const chat = await attempt.client.getChatById(chatId);
    if (!chat) return null;
    const messages = await chat.fetchMessages({ limit: 20, fromMe: true });
    // Whole seconds on WhatsApp's side: a message sent at since+300 ms is stamped up to 1 s earlier.
    const earliest = since - SEND_MATCH_SLACK_MS;
    const match = messages
      .filter((message) => message.fromMe && message.body === text && typeof message.timestamp === 'number')
      .filter((message) => toEpochMs(message.timestamp ?? 0) >= earliest)
      .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
      .find((message) => !this.sentWaIds.has(message.id._serialized));
    if (!match) return null;
    // Not remembered as taken: asking twice about the same send must give the same answer.
    return { waId: match.id._serialized, status: deliveryStatusFromAck(match.ack) };
  }
}
