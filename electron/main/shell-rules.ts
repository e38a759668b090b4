/**
 * The desktop shell's decisions, pure (no electron import) so they run under vitest: what closing
 * the window does, the first-close notice it remembers, the Windows app id, and start at login.
 */

/**
 * electron-builder.yml's appId: Windows shows an app's toast notifications only under the
 * AppUserModelID its Start-menu shortcut carries, which the NSIS installer sets to the appId.
 */
export const APP_USER_MODEL_ID = 'app.janela.desktop';

export type CloseAction = 'hide-to-tray' | 'close';

/** Closing the window hides it while Janela keeps running in the tray, unless the app is quitting. */
export function closeAction(input: { quitting: boolean; keepRunningInTray: boolean; hasTray: boolean }): CloseAction {
  return !input.quitting && input.keepRunningInTray && input.hasTray ? 'hide-to-tray' : 'close';
}

/** What the shell remembers for itself (shell-memory.json in the data folder). */
export interface ShellMemory {
  version: 1;
  /** The "Janela keeps running" notice was shown once: never again. */
  trayNoticeShown: boolean;
}

export function parseShellMemory(raw: unknown): ShellMemory {
  const shown = (raw as { trayNoticeShown?: unknown } | null)?.trayNoticeShown;
  return { version: 1, trayNoticeShown: shown === true };
}

export type LoginItem =
  | { kind: 'login-item'; openAtLogin: boolean }
  | { kind: 'linux-autostart'; enabled: boolean; file: string; entry: string }
  | { kind: 'unsupported' };

/**
 * Start at login: Windows and macOS keep a login item; Linux desktops start what
 * ~/.config/autostart holds, and only an AppImage has a path that stays valid (the .deb's
 * `janela` is on PATH). Run from source there is nothing stable to start.
 */
export function loginItemFor(input: {
  startAtLogin: boolean;
  platform: NodeJS.Platform;
  packaged: boolean;
  configHome: string;
  /** The AppImage file, from $APPIMAGE, when run from one. */
  appImage?: string | undefined;
}): LoginItem {
  if (input.platform === 'win32' || input.platform === 'darwin')
    return { kind: 'login-item', openAtLogin: input.startAtLogin };
  if (input.platform !== 'linux' || !input.packaged) return { kind: 'unsupported' };
  const exec = input.appImage ? `"${input.appImage.replace(/(["\\`$])/g, '\\$1')}"` : 'janela';
  return {
    kind: 'linux-autostart',
    enabled: input.startAtLogin,
    file: `${input.configHome}/autostart/janela.desktop`,
    entry: [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Janela',
      `Exec=${exec}`,
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n'),
  };
}
