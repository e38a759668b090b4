/**
 * The outbox: every reply goes pending → sent → delivered → read, or failed with a reason.
 * Sends are paced, checked against the window again when they actually go out, and a send cut off
 * by a disconnect becomes "uncertain" and is looked up after reconnecting before any resend, so a
 * customer never receives a reply twice. Entries live in the store, so this holds across restarts.
 */
import { randomUUID } from 'node:crypto';
import type { ChatId, DeliveryStatus, Settings } from '../../../shared/domain';
import type { OutgoingAttachment } from '../../../shared/media/media-kind';
import { isWindowOpen } from '../../../shared/chats/window-rules';
import { foldMessage } from '../chats/record-message';
import type { Clock } from '../clock';
import { GatewayDisconnectedError, type GatewayMessage, type WhatsAppGateway } from '../gateways/gateway';
import type { JanelaStore, OutboxEntry, StoredMessage } from '../store/store-types';
import { assertMayQueue, assertMaySend } from './send-guard';

const STATUS_RANK: Record<DeliveryStatus, number> = {
  failed: -1,
  uncertain: 0,
  pending: 0,
  sent: 1,
  delivered: 2,
  read: 3,
};
const ackKey = (chatId: ChatId, waId: string) => `${chatId} ${waId}`;

/** The further along of two statuses (acks can arrive out of order). */
function strongest(a: DeliveryStatus | undefined, b: DeliveryStatus): DeliveryStatus {
  return a !== undefined && STATUS_RANK[a] > STATUS_RANK[b] ? a : b;
}

/** How soon the queue tries again after the store failed to save an attempt. */
const SAVE_RETRY_MS = 2000;

class MissingAttachmentError extends Error {
  override readonly name = 'MissingAttachmentError';
}

/**
 * WhatsApp's echo of one of our sends: the same text, or for an attachment the same caption (a
 * caption-less attachment comes back with a placeholder text).
 */
function sameContent(entry: OutboxEntry, message: GatewayMessage): boolean {
  if ((entry.media !== undefined) !== (message.kind === 'media')) return false;
  return entry.text === message.text || (entry.media !== undefined && entry.text === '');
}

/** How much earlier than our own record of the attempt WhatsApp may have stamped the message. */
const FIND_SENT_SLACK_MS = 60_000;

export interface OutboxOptions {
  store: JanelaStore;
  clock: Clock;
  gateway: () => WhatsAppGateway;
  settings: () => Settings;
  onMessage: (message: StoredMessage) => void;
  onContact: (chatId: ChatId) => void;
  log: (line: string) => void;
  /** An attachment's bytes from the media folder; null when they are gone. */
  readMedia?: (sha256: string) => Promise<Buffer | null>;
}

export class Outbox {
  private draining = false;
  /** A kick that came while draining: the running drain may already have decided to stop. */
  private kickedWhileDraining = false;
  private lastSendAt = Number.NEGATIVE_INFINITY;
  private pacingTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Replies whose sendText is running: WhatsApp may echo them before it returns, even when an
   * earlier, lost attempt left an id on the message. */
  private readonly sending = new Set<string>();
  /** Lookups of uncertain replies running now. */
  private lookups = 0;
  /**
   * Acks for WhatsApp ids not linked to a reply yet, kept while a send or a lookup runs: that
   * send or lookup may be about to link the id, and the ack must not be lost meanwhile.
   */
  private readonly unlinkedAcks = new Map<string, DeliveryStatus>();

  constructor(private readonly options: OutboxOptions) {
    // Anything handed to WhatsApp before a restart may or may not have arrived — also a reply
    // WhatsApp Web had only queued (an id, no server ack): it is looked up again after connecting.
    for (const entry of options.store.data.outbox) {
      const message = this.message(entry);
      if (entry.attemptedAt !== null && (!message?.waId || message.status === 'pending'))
        this.setStatus(entry.chatId, entry.messageId, 'uncertain');
    }
  }

  /**
   * Validates and queues a reply; returns the pending message. `marks` tag it: `automatic` (the
   * bot's, not a person's), `csatSurvey` (the satisfaction survey); `attachment` sends a file, the
   * text being its caption. Offline, it waits in the queue (pending, the clock tick) and goes out
   * on reconnect if the window is still open then.
   */
  send(
    chatId: ChatId,
    text: string,
    marks: Pick<StoredMessage, 'automatic' | 'csatSurvey'> = {},
    attachment?: OutgoingAttachment,
  ): StoredMessage {
    const { store, clock } = this.options;
    const now = clock.now();
    assertMaySend(store.data.contacts[chatId], text, now);
    assertMayQueue(this.options.gateway().status());
    const message: StoredMessage = {
      id: `local-${randomUUID()}`,
      chatId,
      direction: 'out',
      kind: attachment ? 'media' : 'text',
      text,
      at: now,
      status: 'pending',
      ...(marks.automatic ? { automatic: true } : {}),
      ...(marks.csatSurvey ? { csatSurvey: true } : {}),
      ...(attachment
        ? {
            media: {
              kind: attachment.kind,
              mimetype: attachment.mimetype,
              filename: attachment.filename,
              size: attachment.size,
              sha256: attachment.sha256,
              download: 'ok' as const,
              ...(text !== '' ? { caption: text } : {}),
            },
          }
        : {}),
    };
    store.appendMessage(message);
    store.update((data) => {
      const contact = data.contacts[chatId];
      if (contact) data.contacts[chatId] = foldMessage(contact, message, true, data.settings);
      data.outbox.push({
        messageId: message.id,
        chatId,
        text,
        queuedAt: now,
        attemptedAt: null,
        ...(attachment ? { media: attachment } : {}),
      });
    });
    this.options.onMessage(message);
    this.options.onContact(chatId);
    this.kick();
    return message;
  }

  /** Works through the queue while connected; call again whenever the gateway (re)connects. */
  kick(): void {
    if (this.closed) return;
    if (this.draining) {
      this.kickedWhileDraining = true;
      return;
    }
    this.draining = true;
    this.kickedWhileDraining = false;
    void this.drain()
      .catch((error: unknown) => this.options.log(`outbox stopped: ${error instanceof Error ? error.name : 'unknown'}`))
      .finally(() => {
        this.draining = false;
        if (this.kickedWhileDraining) this.kick();
      });
  }

  /** WhatsApp reported delivery progress for one of the shop's messages. */
  applyAck(chatId: ChatId, waId: string, status: DeliveryStatus): void {
    const message = this.options.store.findMessageByWaId(chatId, waId);
    if (!message) {
      if (this.lookups > 0 || this.sending.size > 0) {
        const key = ackKey(chatId, waId);
        this.unlinkedAcks.set(key, strongest(this.unlinkedAcks.get(key), status));
      }
      return;
    }
    this.setStatus(chatId, message.id, status);
    if (status === 'failed' || STATUS_RANK[status] >= STATUS_RANK.sent) this.removeEntry(message.id);
  }

  /**
   * The shop's own message seen on WhatsApp. When it is one of ours in flight (WhatsApp may report it
   * before `sendText` resolves), it is linked to that entry instead of being recorded twice.
   */
  claimOwnMessage(message: GatewayMessage): boolean {
    if (!message.fromMe) return false;
    const entry = this.options.store.data.outbox.find(
      (candidate) =>
        candidate.chatId === message.chatId &&
        sameContent(candidate, message) &&
        candidate.attemptedAt !== null &&
        (this.sending.has(candidate.messageId) || !this.message(candidate)?.waId),
    );
    if (!entry) return false;
    this.options.store.updateMessage(entry.chatId, entry.messageId, { waId: message.waId });
    if (message.status) this.applyAck(message.chatId, message.waId, message.status);
    return true;
  }

  /** The connection dropped: replies handed over but not confirmed by the server may not have arrived. */
  markInFlightUncertain(): void {
    for (const entry of this.options.store.data.outbox) {
      if (entry.attemptedAt !== null && this.message(entry)?.status === 'pending')
        this.setStatus(entry.chatId, entry.messageId, 'uncertain');
    }
  }

  close(): void {
    this.closed = true;
    if (this.pacingTimer) clearTimeout(this.pacingTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  /** The store could not save (disk full…): it retries by itself, and so does the queue. */
  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, SAVE_RETRY_MS);
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed || this.options.gateway().status().state !== 'connected') return;
      const entry = this.options.store.data.outbox.find((candidate) => this.needsSending(candidate));
      if (!entry) return;
      const wait = this.lastSendAt + this.options.settings().sendIntervalMs - this.options.clock.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          this.pacingTimer = setTimeout(resolve, wait);
        });
        continue;
      }
      if (!(await this.attempt(entry))) return;
    }
  }

  /** Queued, or attempted without a WhatsApp id to show for it. Others wait for their ack. */
  private needsSending(entry: OutboxEntry): boolean {
    return entry.attemptedAt === null || this.message(entry)?.status === 'uncertain';
  }

  /** Returns false when the queue should pause until the next connection. */
  private async attempt(entry: OutboxEntry): Promise<boolean> {
    const { store, clock } = this.options;
    const gateway = this.options.gateway();
    if (entry.attemptedAt !== null) {
      this.lookups++;
      const found = await gateway
        .findSent(entry.chatId, entry.text, entry.attemptedAt - FIND_SENT_SLACK_MS)
        .then(
          (probe) => ({ probe }),
          () => null,
        )
        .finally(() => this.lookups--);
      // An ack that came during the lookup may be newer than what the lookup saw.
      const early = found?.probe ? this.takeUnlinkedAck(entry.chatId, found.probe.waId) : undefined;
      this.dropUnlinkableAcks();
      if (!found) return false;
      if (found.probe) {
        const { waId } = found.probe;
        store.updateMessage(entry.chatId, entry.messageId, { waId });
        const seen = strongest(early, found.probe.status);
        if (seen === 'pending') {
          // Still in WhatsApp Web's own outgoing queue (no server ack): it sends it itself, so wait
          // for the ack instead of claiming "sent" or sending a second copy. A later disconnect
          // makes it uncertain again and it is looked up once more.
          this.setStatus(entry.chatId, entry.messageId, 'pending');
          return true;
        }
        this.applyAck(entry.chatId, waId, STATUS_RANK[seen] >= STATUS_RANK.sent ? seen : 'sent');
        return true;
      }
    }
    const contact = store.data.contacts[entry.chatId];
    if (!contact || !isWindowOpen(contact.lastInboundAt, clock.now())) {
      // The window closed while the reply waited: it must not go out.
      this.fail(entry, 'window-closed');
      return true;
    }
    const attemptedAt = clock.now();
    this.lastSendAt = attemptedAt;
    store.update((data) => {
      const stored = data.outbox.find((candidate) => candidate.messageId === entry.messageId);
      if (stored) stored.attemptedAt = attemptedAt;
    });
    this.setStatus(entry.chatId, entry.messageId, 'pending');
    // The attempt is on disk before WhatsApp is asked: after a crash from here on, the reply is
    // looked up before anything is resent, never sent a second time blindly.
    try {
      await store.flush();
    } catch {
      this.options.log('send postponed: the attempt could not be saved');
      this.retryLater();
      return false;
    }
    if (this.closed) return false;
    this.sending.add(entry.messageId);
    try {
      const { waId } = entry.media
        ? await this.sendAttachment(gateway, entry, entry.media)
        : await gateway.sendText(entry.chatId, entry.text);
      // A resend replaces the id a lost attempt left behind (that copy never reached WhatsApp).
      if (this.message(entry)?.waId !== waId) store.updateMessage(entry.chatId, entry.messageId, { waId });
      const early = this.takeUnlinkedAck(entry.chatId, waId);
      if (early) this.applyAck(entry.chatId, waId, early);
      return true;
    } catch (error) {
      if (error instanceof GatewayDisconnectedError) {
        this.setStatus(entry.chatId, entry.messageId, 'uncertain');
        return false;
      }
      this.options.log(`send failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      this.fail(entry, error instanceof MissingAttachmentError ? 'media-missing' : 'send-error');
      return true;
    } finally {
      this.sending.delete(entry.messageId);
      this.dropUnlinkableAcks();
    }
  }

  private async sendAttachment(
    gateway: WhatsAppGateway,
    entry: OutboxEntry,
    attachment: OutgoingAttachment,
  ): Promise<{ waId: string }> {
    const bytes = (await this.options.readMedia?.(attachment.sha256)) ?? null;
    if (bytes === null) throw new MissingAttachmentError();
    const media = { data: bytes.toString('base64'), mimetype: attachment.mimetype, filename: attachment.filename };
    return gateway.sendMedia(entry.chatId, media, entry.text);
  }

  private takeUnlinkedAck(chatId: ChatId, waId: string): DeliveryStatus | undefined {
    const key = ackKey(chatId, waId);
    const status = this.unlinkedAcks.get(key);
    this.unlinkedAcks.delete(key);
    return status;
  }

  /** With no send or lookup running, no kept ack can be linked any more. */
  private dropUnlinkableAcks(): void {
    if (this.lookups === 0 && this.sending.size === 0) this.unlinkedAcks.clear();
  }

  private fail(entry: OutboxEntry, reason: string): void {
    const failed = this.options.store.updateMessage(entry.chatId, entry.messageId, {
      status: 'failed',
      failureReason: reason,
    });
    if (failed) this.options.onMessage(failed);
    this.removeEntry(entry.messageId);
  }

  private setStatus(chatId: ChatId, messageId: string, status: DeliveryStatus): void {
    const current = this.options.store.getMessage(chatId, messageId);
    if (!current || current.status === status) return;
    // Acks can arrive out of order; a message never goes back from read to delivered.
    const regress = current.status && STATUS_RANK[status] > 0 && STATUS_RANK[status] < STATUS_RANK[current.status];
    if (regress) return;
    const updated = this.options.store.updateMessage(chatId, messageId, { status });
    if (updated) this.options.onMessage(updated);
  }

  private removeEntry(messageId: string): void {
    if (!this.options.store.data.outbox.some((entry) => entry.messageId === messageId)) return;
    this.options.store.update((data) => {
      data.outbox = data.outbox.filter((entry) => entry.messageId !== messageId);
    });
  }

  private message(entry: OutboxEntry): StoredMessage | null {
    return this.options.store.getMessage(entry.chatId, entry.messageId);
  }
}
