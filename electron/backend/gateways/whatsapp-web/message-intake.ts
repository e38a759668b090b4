/**
 * Everything WhatsApp says about messages, turned into the gateway's `message`, `ack` and `synced`
 * events: each waId once per session (message_create, catch-up and the ciphertext that becomes a
 * real message all meet here), the customer's best name, and the catch-up run on every `ready`.
 */
import type { ChatId, DeliveryStatus } from '../../../../shared/domain';
import type { Clock } from '../../clock';
import type { GatewayMessage } from '../gateway';
import { catchUpSince, chatsToCatchUp, fetchMessagesSince, type CatchUpOptions } from './catch-up';
import type { CallLike, ClientLike, MessageLike, ReactionLike } from './client-like';
import { shortReason } from './connection-policy';
import {
  asPeopleChatId,
  contactDisplayName,
  deliveryStatusFromAck,
  messageChatWid,
  translateCall,
  translateMessage,
  translateReaction,
  type MessageDraft,
} from './message-adapter';
import { withTimeout } from './with-timeout';

export interface MessageIntakeOptions {
  clock: Clock;
  lastSyncAt: () => number | null;
  catchUp: CatchUpOptions;
  emitMessage: (message: GatewayMessage) => void;
  emitAck: (ack: { waId: string; chatId: ChatId; status: DeliveryStatus }) => void;
  emitSynced: (synced: { at: number }) => void;
  emitRevoked?: (revoked: { chatId: ChatId; waId: string }) => void;
  log: (line: string) => void;
}

const SEEN_LIMIT = 50_000;
const CALL_LOG_PAIRING_MS = 10 * 60 * 1000;

interface CatchUpRequest {
  client: ClientLike;
  /** False once that client was replaced: its catch-up stops and never says synced. */
  isCurrent: () => boolean;
}

export class MessageIntake {
  private readonly seen = new Set<string>();
  private readonly contactNames = new Map<ChatId, string>();
  private readonly liveCalls = new Map<ChatId, number>();
  private catchUpRunning = false;
  /** A `ready` that came while a catch-up ran: run once more, for the newest client. */
  private catchUpNext: CatchUpRequest | null = null;

  constructor(private readonly options: MessageIntakeOptions) {}

  async message(client: ClientLike, message: MessageLike, catchUp = false): Promise<void> {
    // Catch-up finds a message deleted while Janela was away in its revoked state: the copy Janela
    // has is deleted too. One never seen stays unseen, as a system message.
    if (message.type === 'revoked') return this.revoked(message);
    const draft = translateMessage(message, this.options.clock.now());
    if (draft === null) return;
    if (draft.kind === 'call' && !draft.fromMe && this.pairsWithLiveCall(draft)) {
      this.remember(draft.waId);
      return;
    }
    await this.emitDraft(client, draft, catchUp);
  }

  /** Every customer reaction is reported; whether it renews the window is the backend's rule. */
  async reaction(client: ClientLike, reaction: ReactionLike): Promise<void> {
    const draft = translateReaction(reaction, this.options.clock.now());
    if (draft) await this.emitDraft(client, draft, false);
  }

  async call(client: ClientLike, call: CallLike): Promise<void> {
    const draft = translateCall(call, this.options.clock.now());
    if (!draft) return;
    if (!this.seen.has(draft.waId)) this.liveCalls.set(draft.chatId, draft.at);
    await this.emitDraft(client, draft, false);
  }

  ack(message: MessageLike, ack: number): void {
    if (!message.fromMe) return;
    const chatId = asPeopleChatId(messageChatWid(message));
    if (chatId === null) return;
    this.options.emitAck({ waId: message.id._serialized, chatId, status: deliveryStatusFromAck(ack) });
  }

  /** `message_revoke_everyone`: the library's message now has type `revoked`, under the same id. */
  revoked(message: MessageLike): void {
    const chatId = asPeopleChatId(messageChatWid(message));
    if (chatId === null) return;
    this.options.emitRevoked?.({ chatId, waId: message.id._serialized });
  }

  /** After unlink the names belong to nobody. */
  forgetNames(): void {
    this.contactNames.clear();
  }

  async catchUp(client: ClientLike, isCurrent: () => boolean): Promise<void> {
    this.catchUpNext = { client, isCurrent };
    if (this.catchUpRunning) return;
    this.catchUpRunning = true;
    try {
      while (this.catchUpNext !== null) {
        const next: CatchUpRequest = this.catchUpNext;
        this.catchUpNext = null;
        if (!next.isCurrent()) continue;
        await this.catchUpOnce(next).catch((error: unknown) =>
          this.options.log(`catch-up stopped: ${shortReason(error)}`),
        );
      }
    } finally {
      this.catchUpRunning = false;
    }
  }

  private async catchUpOnce({ client, isCurrent }: CatchUpRequest): Promise<void> {
    const startedAt = this.options.clock.now();
    const since = catchUpSince(this.options.lastSyncAt(), startedAt, this.options.catchUp);
    const chats = await chatsToCatchUp(client, since);
    let complete = true;
    for (const { chat } of chats) {
      if (!isCurrent()) return;
      try {
        const messages = await fetchMessagesSince(chat, since, this.options.catchUp);
        for (const message of messages) await this.message(client, message, true);
      } catch (error) {
        // Without this chat the sync is not complete: `synced` would move lastSyncAt past its messages.
        complete = false;
        this.options.log(`catch-up of one chat failed: ${shortReason(error)}`);
      }
    }
    if (complete && isCurrent()) this.options.emitSynced({ at: startedAt });
  }

  /** The call_log message a call leaves behind is the same contact as the live `call` event. */
  private pairsWithLiveCall(draft: MessageDraft): boolean {
    const callAt = this.liveCalls.get(draft.chatId);
    return callAt !== undefined && Math.abs(draft.at - callAt) <= CALL_LOG_PAIRING_MS;
  }

  private async emitDraft(client: ClientLike, draft: MessageDraft, catchUp: boolean): Promise<void> {
    if (this.seen.has(draft.waId)) {
      // Catch-up still brings delivery progress made while Janela was away.
      if (catchUp && draft.fromMe && draft.status)
        this.options.emitAck({ waId: draft.waId, chatId: draft.chatId, status: draft.status });
      return;
    }
    this.remember(draft.waId);
    const { pushName, ...message } = draft;
    // The shop's own messages go out at once (the outbox links them to its sends); a customer's wait for the name.
    const contactName = draft.fromMe
      ? (this.contactNames.get(draft.chatId) ?? null)
      : await this.lookUpName(client, draft.chatId, pushName);
    this.options.emitMessage({ ...message, contactName, ...(catchUp ? { catchUp: true } : {}) });
  }

  private async lookUpName(client: ClientLike, chatId: ChatId, pushName: string | null): Promise<string | null> {
    let name: string | null;
    try {
      name = contactDisplayName(await withTimeout(client.getContactById(chatId), 5_000, 'getContactById'), pushName);
    } catch {
      name = pushName ?? this.contactNames.get(chatId) ?? null;
    }
    if (name !== null) this.contactNames.set(chatId, name);
    return name;
  }

  private remember(waId: string): void {
    this.seen.add(waId);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
  }
}
