/**
 * The Electron shell: one instance, one hardened window, IPC wired to the same router the browser
 * host uses. Everything that is not Electron lives in electron/backend.
 */
import { app, BrowserWindow, ipcMain, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commands } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '../../shared/wire';
import type { AppSession } from '../backend/app-session';
import { defaultDataDir } from '../backend/data-dir';
import { startBrowserHost } from '../host/browser-host';
import { parseServeArgs } from '../backend/launch/launch-options';
import { launchSession } from '../backend/launch/launch-session';
import { createLog } from '../backend/log';
import { isTrustedSender, mayNavigate, mayOpenExternally } from './url-rules';
import { startDesktopShell } from './desktop-shell';
import { APP_USER_MODEL_ID } from './shell-rules';
import { resourcePath } from './resource-paths';
import type { WindowPlacement } from './window-bounds';
import { restoreWindowState } from './window-state';

const windowSize = { width: 1280, height: 800, minWidth: 900, minHeight: 600 };

// Chromium and Electron add switches of their own; Janela reads only its flags.
const ownFlags = new Set(['--data-dir', '--simulated', '--demo', '--test-control', '--lang']);
const withValue = new Set(['--data-dir', '--lang']);
function janelaArgv(argv: string[]): string[] {
  const picked: string[] = [];
  argv.forEach((arg, index) => {
    if (ownFlags.has(arg))
      picked.push(arg, ...(withValue.has(arg) && argv[index + 1] !== undefined ? [argv[index + 1] as string] : []));
  });
  return picked;
}

const args = parseServeArgs(janelaArgv(process.argv.slice(1)), process.cwd());
const dataDir = args.dataDir ?? defaultDataDir();
app.setPath('userData', dataDir);
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

const appUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const log = createLog(dataDir);
  let janela: AppSession;
  try {
    janela = await launchSession(args, dataDir, log, {
      shell: 'electron',
      // openPath answers with an error message, empty when it worked.
      openFolder: async (path) => (await shell.openPath(path)) === '',
    });
  } catch (error) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('Janela', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }

  // Deny every permission (camera, notifications, geolocation…): the app needs none.
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  electronSession.defaultSession.setPermissionCheckHandler(() => false);

  for (const name of Object.keys(commands)) {
    ipcMain.handle(`${IPC_INVOKE_PREFIX}${name}`, (event, input: unknown) =>
      janela.dispatch(name, input, {
        trusted: isTrustedSender(event.senderFrame?.url, appUrl),
        description: 'electron ipc',
      }),
    );
  }

  if (args.testControl) {
    // End-to-end tests drive the simulated world through the same /test endpoints as the browser host.
    const control = await startBrowserHost({
      session: janela,
      rendererDir: join(import.meta.dirname, '../renderer'),
      port: 0,
      testControl: true,
      log,
    });
    process.stdout.write(`Janela test control at ${control.url}\n`);
  }

  const restored = restoreWindowState(dataDir, windowSize);
  const window = createWindow(restored.placement);
  if (restored.maximized) window.maximize();
  const unsubscribe = janela.hub.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
  });
  const desktop = await startDesktopShell({ janela, window, dataDir, testControl: args.testControl, log });

  // A second launch (and a click on the dock) brings the running window forward, also from the tray.
  app.on('second-instance', () => desktop.bringForward());
  app.on('activate', () => desktop.bringForward());

  let closing = false;
  app.on('before-quit', (event) => {
    desktop.beforeQuit();
    if (closing) return;
    // Flush the store before the process ends: nothing reported saved may be lost.
    event.preventDefault();
    closing = true;
    unsubscribe();
    desktop.close();
    void janela.close().finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
}

function createWindow(placement: WindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    ...placement,
    minWidth: windowSize.minWidth,
    minHeight: windowSize.minHeight,
    title: 'Janela',
    // Windows and macOS take the icon from the app bundle; Linux window managers from here.
    ...(process.platform === 'linux' ? { icon: resourcePath('icon.png') } : {}),
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // The notification sound plays while the window sits hidden in the tray.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: Electron.Event, url: string) => {
    if (!mayNavigate(url, appUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', guard);
  window.webContents.on('will-redirect', guard);
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(appUrl);
  return window;
}
