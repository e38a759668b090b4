/**
 * Quick replies arrive with the snapshot and `quickRepliesChanged`; the composer's picker reads them.
 * The side panel's quick-reply list puts text into the composer, which it does not own: the
 * composer's assist registers an inserter for its chat while it is mounted.
 */
import { create } from 'zustand';
import type { ChatId, QuickReply } from '../../../../shared/domain';

type Inserter = (text: string) => void;

interface QuickRepliesState {
  quickReplies: QuickReply[];
  set(quickReplies: QuickReply[]): void;
  inserters: ReadonlyMap<ChatId, Inserter>;
  /** Returns the unregister; it leaves a newer inserter for the same chat in place. */
  registerInserter(chatId: ChatId, inserter: Inserter): () => void;
}

export const useQuickReplies = create<QuickRepliesState>()((set, get) => ({
  quickReplies: [],
  set: (quickReplies) => set({ quickReplies }),
  inserters: new Map(),
  registerInserter: (chatId, inserter) => {
    set({ inserters: new Map(get().inserters).set(chatId, inserter) });
    return () => {
      if (get().inserters.get(chatId) !== inserter) return;
      const inserters = new Map(get().inserters);
      inserters.delete(chatId);
      set({ inserters });
    };
  },
}));
