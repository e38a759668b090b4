/** Quick replies arrive with the snapshot and `quickRepliesChanged`; the composer's picker reads them. */
import { create } from 'zustand';
import type { QuickReply } from '../../../../shared/domain';

export const useQuickReplies = create<{ quickReplies: QuickReply[]; set(quickReplies: QuickReply[]): void }>()(
  (set) => ({
    quickReplies: [],
    set: (quickReplies) => set({ quickReplies }),
  }),
);
