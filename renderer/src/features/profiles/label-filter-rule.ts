import type { ChatSummary } from '../../../../shared/domain';

/** A chat shows when it has any of the chosen labels; with none chosen, every chat shows. */
export function filterByLabels<T extends Pick<ChatSummary, 'labels'>>(
  chats: readonly T[],
  labelIds: ReadonlySet<string>,
): readonly T[] {
  if (labelIds.size === 0) return chats;
  return chats.filter((chat) => chat.labels.some((id) => labelIds.has(id)));
}
