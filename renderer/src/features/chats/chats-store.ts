/**
 * The chat list's data. Summaries are kept by id (a row selects only its own chat, so a change
 * re-renders one row) and in urgency order, re-sorted only when a message arrives or a window
 * changes state (`nextChangeAt`), not on every clock tick.
 */
import { create } from 'zustand';
import { mergeNew, nextOrderChangeAt, orderChats, reorderChanged } from '../../../../shared/chats/chat-order';
import type { ChatId, ChatSummary } from '../../../../shared/domain';
import type { CommandOutput } from '../../../../shared/contract';
import { api } from '../../bridge/api';
import { rememberedListWidth, rememberListWidth } from './list-width';

interface ChatsState {
  byId: ReadonlyMap<ChatId, ChatSummary>;
  ordered: readonly ChatSummary[];
  /** The time the order and window states were computed for. */
  orderedAt: number;
  nextChangeAt: number | null;
  loaded: boolean;
  /** False while the list holds only its top chats: the others are still coming, a page at a time. */
  complete: boolean;
  replaceAll(chats: readonly ChatSummary[], now: number, closingSoonMs: number, complete: boolean): void;
  /** `chatsChanged` carries the chats that changed; unknown ids are added. */
  upsert(chats: readonly ChatSummary[], now: number, closingSoonMs: number): void;
  /**
   * A page of the whole list: only the chats not held yet are added (a held chat came from the
   * snapshot or from `chatsChanged`, as new as the page or newer).
   */
  addMissing(chats: readonly ChatSummary[], now: number, closingSoonMs: number): void;
  /** Every chat has arrived. */
  markComplete(): void;
  reorder(now: number, closingSoonMs: number): void;
  /** "Mark as unread": the row shows it (through `chatsChanged`) until the chat is opened again. */
  markUnread(chatId: ChatId): Promise<void>;
  /** Chats whose recent messages contain the text; not kept here, the list shows it as it comes. */
  searchMessages(query: string): Promise<CommandOutput<'searchMessages'>>;
  /** The list's width in px, remembered on this computer (`list-width.ts`). */
  listWidth: number;
  setListWidth(width: number): void;
}

function arrange(byId: ReadonlyMap<ChatId, ChatSummary>, now: number, closingSoonMs: number) {
  const all = [...byId.values()];
  return {
    byId,
    ordered: orderChats(all, now),
    orderedAt: now,
    nextChangeAt: nextOrderChangeAt(all, now, closingSoonMs),
  };
}

export const useChats = create<ChatsState>()((set, get) => ({
  byId: new Map(),
  ordered: [],
  orderedAt: 0,
  nextChangeAt: null,
  loaded: false,
  complete: false,
  replaceAll: (chats, now, closingSoonMs, complete) =>
    set({
      ...arrange(new Map(chats.map((chat) => [chat.chatId, chat])), now, closingSoonMs),
      loaded: true,
      complete,
    }),
  upsert: (chats, now, closingSoonMs) => {
    const state = get();
    const byId = new Map(state.byId);
    for (const chat of chats) byId.set(chat.chatId, chat);
    // No window changed state since the last sort: only the changed chats move.
    if (state.nextChangeAt === null || now < state.nextChangeAt) {
      const all = [...byId.values()];
      set({
        byId,
        ordered: reorderChanged(state.ordered, chats, now),
        orderedAt: now,
        nextChangeAt: nextOrderChangeAt(all, now, closingSoonMs),
      });
      return;
    }
    set(arrange(byId, now, closingSoonMs));
  },
  addMissing: (chats, now, closingSoonMs) => {
    const state = get();
    const missing = chats.filter((chat) => !state.byId.has(chat.chatId));
    if (missing.length === 0) return;
    const byId = new Map(state.byId);
    for (const chat of missing) byId.set(chat.chatId, chat);
    // A window changed state since the last sort: the held chats move too, so everything is sorted.
    if (state.nextChangeAt !== null && now >= state.nextChangeAt) return set(arrange(byId, now, closingSoonMs));
    const nextOfMissing = nextOrderChangeAt(missing, now, closingSoonMs);
    set({
      byId,
      ordered: mergeNew(state.ordered, missing, now),
      orderedAt: now,
      nextChangeAt:
        state.nextChangeAt === null || nextOfMissing === null
          ? (state.nextChangeAt ?? nextOfMissing)
          : Math.min(state.nextChangeAt, nextOfMissing),
    });
  },
  markComplete: () => set({ complete: true }),
  reorder: (now, closingSoonMs) => set(arrange(get().byId, now, closingSoonMs)),
  markUnread: async (chatId) => {
    await api().markUnread({ chatId });
  },
  searchMessages: (query) => api().searchMessages({ query }),
  listWidth: rememberedListWidth(),
  setListWidth: (width) => set({ listWidth: rememberListWidth(width) }),
}));
