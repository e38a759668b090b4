/**
 * The browser host's notifications: the attention policy's decisions shown through the Web
 * Notifications API. The Electron shell shows the same decisions natively, in the main process.
 * Permission is asked only from a button (browsers ignore or punish a request on load).
 */
import type { AttentionNotificationData } from '../../../../shared/domain';

export type PermissionState = NotificationPermission | 'unsupported';

/** The parts of the page's `Notification` used here, so tests can hand in a stand-in. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): Notification;
}

export function pageNotificationApi(): NotificationApi | null {
  return typeof Notification === 'function' ? Notification : null;
}

export function permissionState(api: NotificationApi | null): PermissionState {
  return api ? api.permission : 'unsupported';
}

export interface ShowOptions {
  api: NotificationApi | null;
  /** Brings the tab forward on a chat: focus the page, open the chat. */
  openChat(chatId: string): void;
  /** The icon served with the renderer. */
  icon?: string;
}

/** Shows each notification; nothing without permission. Returns how many were shown. */
export function showWebNotifications(
  notifications: readonly AttentionNotificationData[],
  options: ShowOptions,
): number {
  const { api } = options;
  if (!api || api.permission !== 'granted') return 0;
  let shown = 0;
  for (const decided of notifications) {
    try {
      const notification = new api(decided.title, {
        body: decided.body,
        // One notification per chat on screen: a newer one for the same chat replaces it.
        tag: `janela:${decided.chatId}`,
        silent: decided.silent,
        ...(options.icon ? { icon: options.icon } : {}),
      });
      notification.onclick = () => {
        notification.close();
        options.openChat(decided.chatId);
      };
      shown += 1;
    } catch {
      // Some browsers (Android Chrome) allow notifications only from a service worker: nothing to show.
    }
  }
  return shown;
}

/** The tab's title: the unread total first, as web mail does, so it shows in a crowded tab bar. */
export function pageTitle(appName: string, unreadTotal: number): string {
  return unreadTotal > 0 ? `(${unreadTotal}) ${appName}` : appName;
}
