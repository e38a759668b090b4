/**
 * What the renderer knows of notifications: which shell shows them, the unread total (title and
 * badge), the pause, and the browser's permission (browser host only).
 */
import { create } from 'zustand';
import type { AttentionStatus } from '../../../../shared/domain';
import { api } from '../../bridge/api';
import { pageNotificationApi, permissionState, type PermissionState } from './web-notifications';

export type Shell = 'electron' | 'browser';

interface NotificationsState extends AttentionStatus {
  shell: Shell;
  permission: PermissionState;
  setShell(shell: Shell): void;
  setStatus(status: AttentionStatus): void;
  /** Asks the browser; only ever called from a click on the settings button. */
  requestPermission(): Promise<void>;
  pause(minutes: number): Promise<void>;
  resume(): Promise<void>;
}

export const useNotifications = create<NotificationsState>()((set) => ({
  shell: 'browser',
  permission: permissionState(pageNotificationApi()),
  unreadTotal: 0,
  pausedUntil: null,
  setShell: (shell) => set({ shell }),
  setStatus: ({ unreadTotal, pausedUntil }) => set({ unreadTotal, pausedUntil }),
  requestPermission: async () => {
    const notifications = pageNotificationApi();
    if (!notifications) return set({ permission: 'unsupported' });
    set({ permission: await notifications.requestPermission() });
  },
  pause: async (minutes) => set(await api().pauseNotifications({ minutes })),
  resume: async () => set(await api().resumeNotifications({})),
}));
