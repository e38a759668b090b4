/**
 * The `/` picker's filter: what staff type after the slash, matched without regard to case or
 * accents ("endereco" finds "Endereço"). Best matches first, the staff's own order within each rank.
 */
import type { QuickReply } from '../domain';
import { foldForSearch } from '../text/compare-text';

function rank(reply: QuickReply, query: string): number {
  const shortcut = foldForSearch(reply.shortcut);
  if (shortcut === query) return 0;
  if (shortcut.startsWith(query)) return 1;
  if (shortcut.includes(query)) return 2;
  const title = foldForSearch(reply.title);
  if (title.startsWith(query) || title.includes(` ${query}`)) return 3;
  if (title.includes(query)) return 4;
  return -1;
}

export function filterQuickReplies(list: readonly QuickReply[], query: string): QuickReply[] {
  const folded = foldForSearch(query.trim().replace(/^\//, ''));
  if (folded === '') return [...list];
  return list
    .map((reply, index) => ({ reply, index, rank: rank(reply, folded) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.reply);
}
