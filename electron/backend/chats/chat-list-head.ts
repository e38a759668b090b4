/**
 * The top of the chat list, in urgency order, without reading every contact: what the renderer
 * shows first, before it asks for the other chats a page at a time (`chat-list-pages.ts`), and while
 * the store may still be reading contacts in the background after opening. The order comes from each
 * contact's window times and whether staff marked the chat done; only the contacts that can be among
 * the first `limit` are read, then ordered exactly as the full list orders them (name and id break ties).
 */
import { orderChats, urgencyKey, type UrgencyTimes } from '../../../shared/chats/chat-order';
import type { ChatSummary } from '../../../shared/domain';
import { toChatSummary } from '../profiles/profiles';
import type { JanelaStore, StoredContact } from '../store/store-types';

export function chatListHead(
  store: JanelaStore,
  now: number,
  limit: number,
  summarise: (contact: StoredContact) => ChatSummary = toChatSummary,
  /** A customer asked the bot for a person (sorts as unanswered); from the bot's state, not the row. */
  isWaitingForPerson: (chatId: string, lastInboundAt: number | null) => boolean = () => false,
): ChatSummary[] {
  const { chatIds, times } = store.contactTimes();
  const groups = new Uint8Array(chatIds.length);
  const ranks = new Float64Array(chatIds.length);
  const counts = [0, 0, 0];
  const scratch: UrgencyTimes = { lastInboundAt: null, lastOutboundAt: null, lastMessageAt: null };
  const done = store.data.chatsDone;
  for (let index = 0; index < chatIds.length; index++) {
    scratch.lastInboundAt = timeAt(times, index * 3);
    scratch.lastOutboundAt = timeAt(times, index * 3 + 1);
    scratch.lastMessageAt = timeAt(times, index * 3 + 2);
    scratch.waitingForPerson = isWaitingForPerson(chatIds[index] as string, scratch.lastInboundAt);
    scratch.doneAt = done[chatIds[index] as string] ?? null;
    const { group, rank } = urgencyKey(scratch, now);
    groups[index] = group;
    ranks[index] = rank;
    counts[group] = (counts[group] ?? 0) + 1;
  }
  const cutoff = headCutoff(groups, ranks, counts, limit);
  const candidates: ChatSummary[] = [];
  for (let index = 0; index < chatIds.length; index++) {
    const group = groups[index] ?? 0;
    if (group > cutoff.group || (group === cutoff.group && (ranks[index] ?? 0) > cutoff.rank)) continue;
    const contact = store.data.contacts[chatIds[index] as string];
    if (contact) candidates.push(summarise(contact));
  }
  return orderChats(candidates, now).slice(0, limit);
}

function timeAt(times: Float64Array, index: number): number | null {
  const time = times[index];
  return time === undefined || Number.isNaN(time) ? null : time;
}

/**
 * The group and rank of the `limit`-th chat: every chat that sorts no later than it (ties
 * included) is a candidate for the head. With `limit` chats or fewer, every chat is.
 */
function headCutoff(groups: Uint8Array, ranks: Float64Array, counts: readonly number[], limit: number) {
  let before = 0;
  for (let group = 0; group < counts.length; group++) {
    const inGroup = counts[group] ?? 0;
    if (before + inGroup >= limit) {
      const groupRanks = new Float64Array(inGroup);
      let next = 0;
      for (let index = 0; index < groups.length; index++)
        if (groups[index] === group) groupRanks[next++] = ranks[index] ?? 0;
      return { group, rank: groupRanks.sort()[limit - before - 1] ?? Infinity };
    }
    before += inGroup;
  }
  return { group: Infinity, rank: Infinity };
}
