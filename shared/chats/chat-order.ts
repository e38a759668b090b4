/**
 * The chat list's order: what needs an answer before its window closes comes first.
 *  1. unanswered chats with an open (or closing) window, the soonest to close first — a chat the bot
 *     handed to a person counts as unanswered until a person replies, whatever the bot said;
 *  2. the other chats whose window is open, the soonest to close first;
 *  3. closed chats, the most recent activity first.
 * The order only changes when a chat's window closes, so callers re-sort at `nextOrderChangeAt`.
 */
import type { ChatSummary } from '../domain';
import { windowExpiresAt } from './window-rules';

type OrderedChat = Pick<
  ChatSummary,
  'chatId' | 'name' | 'lastInboundAt' | 'lastOutboundAt' | 'lastMessage' | 'waitingForPerson' | 'doneAt'
>;

/**
 * The customer wrote last and the shop has not replied since — or the customer asked the bot for a
 * person and no person has replied yet (the bot's "someone will answer" is no answer) — and staff
 * have not marked the conversation done ("Concluir": an "obrigado!" needs no answer) since.
 */
export function isUnanswered(
  chat: Pick<ChatSummary, 'lastInboundAt' | 'lastOutboundAt' | 'doneAt'> & { waitingForPerson?: boolean | undefined },
): boolean {
  if (chat.lastInboundAt === null) return false;
  if (chat.doneAt != null && chat.doneAt >= chat.lastInboundAt) return false;
  if (chat.waitingForPerson === true) return true;
  return chat.lastOutboundAt === null || chat.lastOutboundAt < chat.lastInboundAt;
}

/** What a chat's place in the order depends on, besides its name and id for ties. */
export interface UrgencyTimes {
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  lastMessageAt: number | null;
  /** A customer asked the bot for a person and nobody has replied yet: the bot's reply is no answer. */
  waitingForPerson?: boolean | undefined;
  doneAt?: number | null;
}

/**
 * Where a chat sorts: its group, then a number ascending within the group. Chats with the same
 * group and rank sort by name, then id.
 */
export function urgencyKey(times: UrgencyTimes, now: number): { group: 0 | 1 | 2; rank: number } {
  if (times.lastInboundAt === null || windowExpiresAt(times.lastInboundAt) <= now) {
    const lastActivityAt = Math.max(times.lastMessageAt ?? 0, times.lastInboundAt ?? 0, times.lastOutboundAt ?? 0);
    return { group: 2, rank: -lastActivityAt };
  }
  // Within the open groups, the window closing soonest (the oldest customer message) comes first.
  return { group: isUnanswered(times) ? 0 : 1, rank: times.lastInboundAt };
}

function sortKey(chat: OrderedChat, now: number): { group: 0 | 1 | 2; rank: number } {
  const { lastInboundAt, lastOutboundAt, lastMessage, waitingForPerson, doneAt } = chat;
  const lastMessageAt = lastMessage?.at ?? null;
  return urgencyKey({ lastInboundAt, lastOutboundAt, lastMessageAt, waitingForPerson, doneAt }, now);
}

const collator = new Intl.Collator('pt-BR', { sensitivity: 'base' });

function compareKeyed(a: Keyed<OrderedChat>, b: Keyed<OrderedChat>): number {
  return (
    a.group - b.group ||
    a.rank - b.rank ||
    collator.compare(a.chat.name, b.chat.name) ||
    (a.chat.chatId < b.chat.chatId ? -1 : a.chat.chatId > b.chat.chatId ? 1 : 0)
  );
}

interface Keyed<T> {
  chat: T;
  group: number;
  rank: number;
}

/** Keys are computed once per chat, not per comparison: the list holds up to 10,000 chats. */
export function orderChats<T extends OrderedChat>(chats: readonly T[], now: number): T[] {
  return chats
    .map((chat) => ({ chat, ...sortKey(chat, now) }))
    .sort(compareKeyed)
    .map((keyed) => keyed.chat);
}

/**
 * `ordered` (sorted at a time when every chat was in the group it is in at `now`) with `changed`
 * put in their places: O(n) instead of a sort of 10,000 chats for each new message. Chats in
 * `changed` replace those with the same id.
 */
export function reorderChanged<T extends OrderedChat>(ordered: readonly T[], changed: readonly T[], now: number): T[] {
  const changedIds = new Set(changed.map((chat) => chat.chatId));
  const kept = ordered.filter((chat) => !changedIds.has(chat.chatId));
  const keyed = kept.map((chat) => ({ chat, ...sortKey(chat, now) }));
  const latest = new Map(changed.map((chat) => [chat.chatId, chat]));
  for (const chat of latest.values()) {
    const item = { chat, ...sortKey(chat, now) };
    let low = 0;
    let high = keyed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = keyed[middle];
      if (other && compareKeyed(other, item) < 0) low = middle + 1;
      else high = middle;
    }
    keyed.splice(low, 0, item);
  }
  return keyed.map((item) => item.chat);
}

/**
 * `ordered` (sorted as for `reorderChanged`) with `added`, chats it does not hold, merged in: one
 * pass over both, so a page of 500 chats joins a list of thousands without a sort of the whole.
 */
export function mergeNew<T extends OrderedChat>(ordered: readonly T[], added: readonly T[], now: number): T[] {
  const incoming = added.map((chat) => ({ chat, ...sortKey(chat, now) })).sort(compareKeyed);
  const merged: T[] = [];
  let next = 0;
  for (const chat of ordered) {
    const item = { chat, ...sortKey(chat, now) };
    for (let first = incoming[next]; first && compareKeyed(first, item) < 0; first = incoming[next]) {
      merged.push(first.chat);
      next++;
    }
    merged.push(chat);
  }
  for (const rest of incoming.slice(next)) merged.push(rest.chat);
  return merged;
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
