/** What the person is looking at: the selected chat, list filters, and which view or dialog is open. */
import { create } from 'zustand';
import type { ChatId } from '../../../shared/domain';

export type ChatFilter = 'open' | 'closing' | 'closed' | 'unanswered';
export type MainView = 'chats' | 'connect' | 'automations' | 'metrics' | 'agenda' | 'orders';

interface UiState {
  selectedChatId: ChatId | null;
  filters: ReadonlySet<ChatFilter>;
  search: string;
  view: MainView;
  settingsOpen: boolean;
  /** Bumped to put the caret in the composer, e.g. after a chat is opened from the list. */
  composerFocus: number;
  focusComposer(): void;
  selectChat(chatId: ChatId | null): void;
  toggleFilter(filter: ChatFilter): void;
  clearFilters(): void;
  setSearch(search: string): void;
  setView(view: MainView): void;
  setSettingsOpen(open: boolean): void;
}

export const useUi = create<UiState>()((set) => ({
  selectedChatId: null,
  filters: new Set(),
  search: '',
  view: 'chats',
  settingsOpen: false,
  composerFocus: 0,
  focusComposer: () => set((state) => ({ composerFocus: state.composerFocus + 1 })),
  selectChat: (selectedChatId) => set({ selectedChatId }),
  toggleFilter: (filter) =>
    set((state) => {
      const filters = new Set(state.filters);
      if (!filters.delete(filter)) filters.add(filter);
      return { filters };
    }),
  clearFilters: () => set({ filters: new Set(), search: '' }),
  setSearch: (search) => set({ search }),
  setView: (view) => set({ view }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
}));
