/**
 * Shows the attention policy's decisions the desktop way: native notifications that bring the window
 * forward on the chat when clicked, the unread total on the dock/launcher badge (app.setBadgeCount)
 * and, on Windows, as an overlay on the taskbar button. What to show is decided elsewhere
 * (electron/backend/notifications/attention-policy.ts); this file only displays it.
 */
import { app, type BrowserWindow, nativeImage, Notification } from 'electron';
import type { AttentionNotification } from '../backend/notifications/attention-policy';
import type { Language } from '../../shared/domain';
import { notificationMessages, type NotificationMessageKey } from '../../shared/i18n/messages/notifications';
import { selectPlural } from '../../shared/i18n/plural';
import { resourcePath } from './resource-paths';

export interface DesktopAttentionOptions {
  window: () => BrowserWindow | null;
  /** Tells the renderer to open this chat (an event on the hub). */
  openChat: (chatId: string) => void;
  language: () => Language;
  /**
   * Plays resources/notification.wav (the renderer can, with an Audio element). When given, the
   * notifications themselves are silent so the chime is not doubled by the OS sound.
   */
  playChime?: () => void;
}

export interface ShownNotification extends AttentionNotification {
  notification: Notification;
}

export interface DesktopAttention {
  show(notifications: readonly AttentionNotification[]): void;
  setUnread(total: number): void;
  /** For the end-to-end hooks: the notifications still on screen, oldest first, and the badge. */
  shown(): readonly ShownNotification[];
  badgeCount(): number;
}

// Electron drops a notification's click handler if the object is garbage-collected: keep a few.
const KEEP_NOTIFICATIONS = 20;

export function createDesktopAttention(options: DesktopAttentionOptions): DesktopAttention {
  const live: ShownNotification[] = [];
  let badge = 0;
  const icon = nativeImage.createFromPath(resourcePath('icon.png'));
  const overlay = nativeImage.createFromPath(resourcePath('overlay-unread.png'));

  const forget = (entry: ShownNotification) => {
    const index = live.indexOf(entry);
    if (index >= 0) live.splice(index, 1);
  };

  const bringForward = (chatId: string) => {
    const window = options.window();
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
    if (process.platform === 'darwin') app.focus({ steal: true });
    options.openChat(chatId);
  };

  return {
    show(notifications) {
      if (!Notification.isSupported()) return;
      let chime = false;
      for (const decided of notifications) {
        const notification = new Notification({
          title: decided.title,
          body: decided.body,
          icon,
          silent: options.playChime ? true : decided.silent,
        });
        const entry: ShownNotification = { ...decided, notification };
        notification.on('click', () => {
          forget(entry);
          bringForward(decided.chatId);
        });
        notification.on('close', () => forget(entry));
        live.push(entry);
        if (live.length > KEEP_NOTIFICATIONS) live.shift();
        notification.show();
        chime ||= !decided.silent;
        const window = options.window();
        // A window about to close is worth a blink of the taskbar button, not only a toast.
        if (decided.kind !== 'message' && window && !window.isDestroyed() && !window.isFocused()) {
          window.flashFrame(true);
        }
      }
      if (chime) options.playChime?.();
    },
    setUnread(total) {
      if (total === badge) return;
      badge = total;
      app.setBadgeCount(total);
      const window = options.window();
      if (process.platform === 'win32' && window && !window.isDestroyed()) {
        const description = notificationMessages[options.language()][
          selectPlural<NotificationMessageKey>(options.language(), total, {
            one: 'taskbar.unread.one',
            other: 'taskbar.unread.other',
          })
        ].replace('{count}', String(total));
        window.setOverlayIcon(total > 0 ? overlay : null, total > 0 ? description : '');
      }
    },
    shown: () => [...live],
    badgeCount: () => badge,
  };
}
