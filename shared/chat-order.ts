/**
 * The chat list's order: what needs an answer before its window closes comes first.
 *  1. unanswered chats with an open (or closing) window, the soonest to close first;
 *  2. the other chats whose window is open, the soonest to close first;
 *  3. closed chats, the most recent activity first.
 * The order only changes when a chat's window closes, so callers re-sort at `nextOrderChangeAt`.
 */
import type { ChatSummary } from './domain';
import { windowExpiresAt } from './window-rules';

type OrderedChat = Pick<ChatSummary, 'chatId' | 'name' | 'lastInboundAt' | 'lastOutboundAt' | 'lastMessage'>;

/** The customer wrote last and the shop has not replied since. */
export function isUnanswered(chat: Pick<ChatSummary, 'lastInboundAt' | 'lastOutboundAt'>): boolean {
  if (chat.lastInboundAt === null) return false;
  return chat.lastOutboundAt === null || chat.lastOutboundAt < chat.lastInboundAt;
}

function lastActivityAt(chat: OrderedChat): number {
  return Math.max(chat.lastMessage?.at ?? 0, chat.lastInboundAt ?? 0, chat.lastOutboundAt ?? 0);
}

function urgencyGroup(chat: OrderedChat, now: number): 0 | 1 | 2 {
  if (chat.lastInboundAt === null || windowExpiresAt(chat.lastInboundAt) <= now) return 2;
  return isUnanswered(chat) ? 0 : 1;
}

export function compareByUrgency(a: OrderedChat, b: OrderedChat, now: number): number {
  const group = urgencyGroup(a, now) - urgencyGroup(b, now);
  if (group !== 0) return group;
  if (urgencyGroup(a, now) === 2) {
    const recent = lastActivityAt(b) - lastActivityAt(a);
    if (recent !== 0) return recent;
  } else {
    // Both have an open window, so both lastInboundAt are numbers.
    const sooner = (a.lastInboundAt ?? 0) - (b.lastInboundAt ?? 0);
    if (sooner !== 0) return sooner;
  }
  return a.name.localeCompare(b.name) || (a.chatId < b.chatId ? -1 : a.chatId > b.chatId ? 1 : 0);
}

export function orderChats<T extends OrderedChat>(chats: readonly T[], now: number): T[] {
  return [...chats].sort((a, b) => compareByUrgency(a, b, now));
}

/**
 * The next moment any chat changes window state (opening → closing soon, or → closed), after
 * `now`; null when nothing will change without a new message. Lists re-sort and re-filter then.
 */
export function nextOrderChangeAt(
  chats: readonly Pick<ChatSummary, 'lastInboundAt'>[],
  now: number,
  closingSoonMs: number,
): number | null {
  let next: number | null = null;
  for (const chat of chats) {
    if (chat.lastInboundAt === null) continue;
    const expiresAt = windowExpiresAt(chat.lastInboundAt);
    for (const moment of [expiresAt - closingSoonMs, expiresAt]) {
      if (moment > now && (next === null || moment < next)) next = moment;
    }
  }
  return next;
}
