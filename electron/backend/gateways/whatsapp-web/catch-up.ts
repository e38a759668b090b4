/**
 * What arrived while Janela was not watching: every people's chat whose last activity is newer
 * than the last sync is read back, read-on-the-phone chats included (unreadCount is not trusted).
 */
import type { ChatId } from '../../../../shared/domain';
import { toEpochMs } from './wa-timestamps';
import type { ChatLike, ClientLike, MessageLike } from './client-like';
import { asPeopleChatId } from './message-adapter';

export interface CatchUpOptions {
  /** First page per chat; doubled while a page is entirely newer than the last sync. */
  pageSize: number;
  maxPerChat: number;
  /**
   * Read back this much before the last sync: WhatsApp stamps messages in whole seconds with the
   * phone's or server's clock, not this PC's. The backend de-duplicates the overlap by waId.
   */
  overlapMs: number;
  /** Never synced (just linked): how far back to read. */
  firstSyncLookbackMs: number;
}

export const DEFAULT_CATCH_UP: CatchUpOptions = {
  pageSize: 50,
  maxPerChat: 800,
  overlapMs: 10 * 60 * 1000,
  firstSyncLookbackMs: 7 * 24 * 60 * 60 * 1000,
};

export function catchUpSince(lastSyncAt: number | null, now: number, options: CatchUpOptions): number {
  return lastSyncAt === null ? now - options.firstSyncLookbackMs : lastSyncAt - options.overlapMs;
}

function messageAt(message: MessageLike): number | null {
  return typeof message.timestamp === 'number' && message.timestamp > 0 ? toEpochMs(message.timestamp) : null;
}

/** The chat's messages at or after `since`, oldest first. */
export async function fetchMessagesSince(
  chat: ChatLike,
  since: number,
  options: CatchUpOptions,
): Promise<MessageLike[]> {
  let limit = options.pageSize;
  for (;;) {
    const messages = await chat.fetchMessages({ limit });
    const times = messages.map(messageAt).filter((at): at is number => at !== null);
    const oldest = times.length > 0 ? Math.min(...times) : null;
    const mayHaveMore = messages.length >= limit && oldest !== null && oldest >= since;
    if (!mayHaveMore || limit >= options.maxPerChat) {
      return messages
        .filter((message) => (messageAt(message) ?? since) >= since)
        .sort((a, b) => (messageAt(a) ?? 0) - (messageAt(b) ?? 0));
    }
    limit = Math.min(limit * 2, options.maxPerChat);
  }
}

export interface ChatToCatchUp {
  chatId: ChatId;
  chat: ChatLike;
}

/** People's chats with activity at or after `since`. */
export async function chatsToCatchUp(client: ClientLike, since: number): Promise<ChatToCatchUp[]> {
  const chats = await client.getChats();
  return chats.flatMap((chat) => {
    const chatId = chat.isGroup ? null : asPeopleChatId(chat.id._serialized);
    if (chatId === null || typeof chat.timestamp !== 'number' || toEpochMs(chat.timestamp) < since) return [];
    return [{ chatId, chat }];
  });
}
