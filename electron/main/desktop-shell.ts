/**
 * Wires the desktop pieces to the backend: native notifications and the taskbar badge from
 * `attentionChanged`, the tray and its menu, "keep running in the tray" with its one-time notice,
 * start at login, and the window's remembered size and position. The decisions live elsewhere
 * (the attention policy in the backend, shell-rules.ts here); this file only connects them.
 */
import { app, type BrowserWindow, Notification } from 'electron';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommandInput, CommandName, CommandOutput, EventPayload } from '../../shared/contract';
import type { AttentionStatus, Language, Settings } from '../../shared/domain';
import { notificationMessages } from '../../shared/i18n/messages/notifications';
import type { AppSession } from '../backend/app-session';
import { createDesktopAttention } from './desktop-attention';
import { registerE2eHooks } from './e2e-hooks';
import { resourcePath } from './resource-paths';
import { closeAction, loginItemFor, parseShellMemory, type ShellMemory } from './shell-rules';
import { createJanelaTray, type JanelaTray } from './tray';
import { rememberWindowState } from './window-state';

const SHELL_MEMORY_FILE = 'shell-memory.json';

export interface DesktopShellOptions {
  janela: AppSession;
  window: BrowserWindow;
  dataDir: string;
  testControl: boolean;
  log: (line: string) => void;
}

export interface DesktopShell {
  /** Shows, restores and focuses the window (tray, second launch, dock). */
  bringForward(): void;
  /** The app is quitting: the window closes for real, its state is saved now. */
  beforeQuit(): void;
  close(): void;
}

export async function startDesktopShell(options: DesktopShellOptions): Promise<DesktopShell> {
  const { janela, window, dataDir, log } = options;
  const command = async <K extends CommandName>(name: K, input: CommandInput<K>) => {
    const result = await janela.dispatch(name, input, { trusted: true, description: 'desktop shell' });
    if (!result.ok) log(`desktop shell: ${name} failed: ${result.error.code}`);
    return result.ok ? (result.value as CommandOutput<K>) : null;
  };

  const snapshot = await command('getSnapshot', {});
  let settings: Settings | null = snapshot?.settings ?? null;
  const language = (): Language => settings?.language ?? 'pt-BR';
  let quitting = false;
  const windowState = rememberWindowState(window, dataDir);

  const bringForward = () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const attention = createDesktopAttention({
    window: () => window,
    openChat: (chatId) => janela.hub.emit('openChat', { chatId }),
    language,
    // The renderer plays resources/notification.wav on the same attentionChanged event.
    playChime: () => undefined,
  });

  let tray: JanelaTray | null = null;
  try {
    tray = createJanelaTray(language(), {
      open: bringForward,
      pauseForAnHour: () => void command('pauseNotifications', { minutes: 60 }).then(applyStatus),
      resume: () => void command('resumeNotifications', {}).then(applyStatus),
      quit: () => app.quit(),
    });
  } catch (error) {
    // Some Linux desktops have no tray: closing the window then quits, as without the setting.
    log(`desktop shell: no tray (${error instanceof Error ? error.name : 'unknown'})`);
  }

  function applyStatus(status: AttentionStatus | null): void {
    if (!status) return;
    attention.setUnread(status.unreadTotal);
    tray?.setUnread(status.unreadTotal);
    tray?.setPaused(status.pausedUntil !== null);
  }
  applyStatus(snapshot?.attention ?? null);

  const applyLoginItem = (startAtLogin: boolean) => {
    // Runs from source and test runs never touch the computer's start-up items.
    if (!app.isPackaged || options.testControl) return;
    const item = loginItemFor({
      startAtLogin,
      platform: process.platform,
      packaged: app.isPackaged,
      configHome: process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'),
      appImage: process.env.APPIMAGE,
    });
    try {
      if (item.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: item.openAtLogin });
      else if (item.kind === 'linux-autostart' && item.enabled) {
        mkdirSync(dirname(item.file), { recursive: true });
        writeFileSync(item.file, item.entry);
      } else if (item.kind === 'linux-autostart') rmSync(item.file, { force: true });
    } catch (error) {
      log(`desktop shell: start at login not changed (${error instanceof Error ? error.name : 'unknown'})`);
    }
  };
  if (settings) applyLoginItem(settings.notifications.startAtLogin);

  const unsubscribe = janela.hub.subscribe((name, payload) => {
    if (name === 'attentionChanged') {
      const changed = payload as EventPayload<'attentionChanged'>;
      attention.show(changed.notifications);
      applyStatus(changed);
    } else if (name === 'settingsChanged') {
      const next = (payload as EventPayload<'settingsChanged'>).settings;
      const loginChanged = next.notifications.startAtLogin !== settings?.notifications.startAtLogin;
      settings = next;
      tray?.setLanguage(next.language);
      if (loginChanged) applyLoginItem(next.notifications.startAtLogin);
    }
  });

  const memoryPath = join(dataDir, SHELL_MEMORY_FILE);
  const readMemory = (): ShellMemory => {
    try {
      return parseShellMemory(JSON.parse(readFileSync(memoryPath, 'utf8')));
    } catch {
      return parseShellMemory(null);
    }
  };
  const sayKeepsRunning = () => {
    if (readMemory().trayNoticeShown || !Notification.isSupported()) return;
    const words = notificationMessages[language()];
    new Notification({
      title: words['tray.keepsRunningTitle'],
      body: words['tray.keepsRunningBody'],
      icon: resourcePath('icon.png'),
    }).show();
    try {
      writeFileSync(memoryPath, JSON.stringify({ ...readMemory(), trayNoticeShown: true }));
    } catch {
      // Said once more next time: harmless.
    }
  };

  window.on('close', (event) => {
    const keepRunningInTray = settings?.notifications.keepRunningInTray ?? true;
    if (closeAction({ quitting, keepRunningInTray, hasTray: tray !== null }) === 'close') return;
    event.preventDefault();
    windowState.saveNow();
    window.hide();
    sayKeepsRunning();
  });

  if (options.testControl && tray) registerE2eHooks({ tray, attention });

  return {
    bringForward,
    beforeQuit() {
      quitting = true;
      windowState.saveNow();
    },
    close() {
      unsubscribe();
      windowState.stop();
      tray?.destroy();
    },
  };
}
