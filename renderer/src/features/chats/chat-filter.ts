/**
 * Which chats the list shows. Window-state filters combine with "or" (open or closing soon);
 * "unanswered" and the search narrow further.
 */
import { isUnanswered } from '../../../../shared/chats/chat-order';
import type { ChatSummary } from '../../../../shared/domain';
import { windowStatus } from '../../../../shared/chats/window-rules';
import { foldForSearch } from '../../../../shared/text/compare-text';
import type { ChatFilter } from '../../app/ui-store';

export function matchesSearch(chat: Pick<ChatSummary, 'name' | 'phone'>, search: string): boolean {
  const query = foldForSearch(search);
  if (!query) return true;
  if (foldForSearch(chat.name).includes(query)) return true;
  const digits = query.replace(/\D/g, '');
  // Only a query that is mostly digits searches numbers: "(11) 98765" does, "Ana 2" does not.
  return digits.length >= 2 && digits.length >= query.replace(/[\s()+\-.]/g, '').length && chat.phone.includes(digits);
}

export function filterChats(
  chats: readonly ChatSummary[],
  filters: ReadonlySet<ChatFilter>,
  search: string,
  now: number,
  closingSoonMs: number,
): readonly ChatSummary[] {
  const states = (['open', 'closing', 'closed'] as const).filter((state) => filters.has(state));
  const unansweredOnly = filters.has('unanswered');
  if (!states.length && !unansweredOnly && !search.trim()) return chats;
  return chats.filter((chat) => {
    if (unansweredOnly && !isUnanswered(chat)) return false;
    if (states.length && !states.includes(windowStatus(chat.lastInboundAt, now, closingSoonMs).state)) return false;
    return matchesSearch(chat, search);
  });
}
