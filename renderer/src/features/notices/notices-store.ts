import { create } from 'zustand';
import type { Notice } from '../../../../shared/domain';
import { api } from '../../bridge/api';

interface NoticesState {
  notices: Notice[];
  set(notices: Notice[]): void;
  dismiss(id: string): Promise<void>;
}

export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  set: (notices) => set({ notices }),
  dismiss: async (id) => {
    // Hide at once; the backend's noticesChanged confirms (or brings it back if it refused).
    set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
    await api().dismissNotice({ id });
  },
}));
