/**
 * The tray icon: unread count in the tooltip, an "unread" variant of the icon, and the menu
 * Open Janela / Pause notifications for 1 hour (or Resume) / Quit. Thin: desktop-shell.ts decides
 * what each does.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { Language } from '../../shared/domain';
import { notificationMessages, type NotificationMessageKey } from '../../shared/i18n/messages/notifications';
import { selectPlural } from '../../shared/i18n/plural';
import { resourcePath } from './resource-paths';

export interface TrayActions {
  open(): void;
  pauseForAnHour(): void;
  resume(): void;
  quit(): void;
}

export interface JanelaTray {
  setUnread(count: number): void;
  setPaused(paused: boolean): void;
  setLanguage(language: Language): void;
  /** For the end-to-end hooks: what the tray shows now. */
  tooltip(): string;
  menu(): Menu;
  destroy(): void;
}

function iconFile(unread: boolean): string {
  // macOS tints template images for light and dark menu bars; the name must end in "Template".
  if (process.platform === 'darwin') return unread ? 'trayUnreadTemplate.png' : 'trayTemplate.png';
  return unread ? 'tray-unread.png' : 'tray.png';
}

export function createJanelaTray(language: Language, actions: TrayActions): JanelaTray {
  const state = { language, unread: 0, paused: false };
  const tray = new Tray(nativeImage.createFromPath(resourcePath(iconFile(false))));
  let menu = Menu.buildFromTemplate([]);
  // Electron has no getter for the tooltip: keep what was set.
  let tooltip = '';
  const say = (key: NotificationMessageKey, count?: number) =>
    notificationMessages[state.language][key].replace('{count}', String(count ?? ''));

  const render = () => {
    tooltip =
      state.unread > 0
        ? say(
            selectPlural<NotificationMessageKey>(state.language, state.unread, {
              one: 'tray.tooltipUnread.one',
              other: 'tray.tooltipUnread.other',
            }),
            state.unread,
          )
        : say('tray.tooltip');
    tray.setToolTip(tooltip);
    tray.setImage(nativeImage.createFromPath(resourcePath(iconFile(state.unread > 0))));
    menu = Menu.buildFromTemplate([
      { label: say('tray.open'), click: () => actions.open() },
      state.paused
        ? { label: say('tray.resume'), click: () => actions.resume() }
        : { label: say('tray.pause'), click: () => actions.pauseForAnHour() },
      { type: 'separator' },
      { label: say('tray.quit'), click: () => actions.quit() },
    ]);
    tray.setContextMenu(menu);
  };
  // Windows and Linux: a left click opens the window; the menu is on the right click.
  if (process.platform !== 'darwin') tray.on('click', () => actions.open());
  render();

  return {
    setUnread(count) {
      if (count === state.unread) return;
      state.unread = count;
      render();
    },
    setPaused(paused) {
      state.paused = paused;
      render();
    },
    setLanguage(next) {
      state.language = next;
      render();
    },
    tooltip: () => tooltip,
    menu: () => menu,
    destroy: () => tray.destroy(),
  };
}
