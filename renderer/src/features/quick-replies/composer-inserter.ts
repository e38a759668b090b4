/**
 * How the side panel's quick-reply list puts text into the composer, which it does not own: the
 * composer's assist registers an inserter for its chat while it is mounted.
 */
import { create } from 'zustand';
import type { ChatId } from '../../../../shared/domain';

type Inserter = (text: string) => void;

interface ComposerInserterState {
  inserters: ReadonlyMap<ChatId, Inserter>;
  register(chatId: ChatId, inserter: Inserter): () => void;
}

export const useComposerInserter = create<ComposerInserterState>()((set, get) => ({
  inserters: new Map(),
  register: (chatId, inserter) => {
    set({ inserters: new Map(get().inserters).set(chatId, inserter) });
    return () => {
      if (get().inserters.get(chatId) !== inserter) return;
      const inserters = new Map(get().inserters);
      inserters.delete(chatId);
      set({ inserters });
    };
  },
}));
