/**
 * The Electron shell: one instance, one hardened window, IPC wired to the same router the browser
 * host uses. Everything that is not Electron lives in electron/backend.
 */
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commands } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '../../shared/wire';
import type { AppSession } from '../backend/app-session';
import { defaultDataDir } from '../backend/data-dir';
import { startBrowserHost } from '../host/browser-host';
import { launchOptionsOrExit } from '../backend/launch/launch-options';
import { createAppShutdown } from '../backend/launch/app-shutdown';
import { launchSession } from '../backend/launch/launch-session';
import { createLogger } from '../backend/logging/logger';
import { startupErrorText, startupLanguage } from '../backend/launch/startup-error';
import { decideTestHooks } from '../backend/launch/test-hooks-policy';
import { isTrustedSender, MEDIA_SCHEME, mayNavigate, mayOpenExternally, mediaPathOf } from './url-rules';
import { startDesktopShell } from './desktop-shell';
import { APP_USER_MODEL_ID } from './shell-rules';
import { resourcePath } from './resource-paths';
import type { WindowPlacement } from './window-bounds';
import { restoreWindowState } from './window-state';
import { mediaAnswer } from '../backend/media/media-response';

// Before ready: the media scheme streams audio and video and is fetched like a web origin.
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
]);

const windowSize = { width: 1280, height: 800, minWidth: 900, minHeight: 600 };

// Chromium and Electron add switches of their own: the 'app' shell reads only Janela's flags.
const parsedArgs = launchOptionsOrExit('app', process.argv.slice(1), process.cwd());
// What people install never honours --test-control or JANELA_WA_*: only development and test builds do.
const testHooks = decideTestHooks({
  build: app.isPackaged ? 'packaged' : 'development',
  testControl: parsedArgs.testControl,
  env: process.env,
});
const args = { ...parsedArgs, testControl: testHooks.testControl };
const dataDir = args.dataDir ?? defaultDataDir();
app.setPath('userData', dataDir);
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

const appUrl = testHooks.devRendererUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  let logger: ReturnType<typeof createLogger> | null = null;
  let log: (line: string) => void = (line) => process.stderr.write(`${line}\n`);
  let janela: AppSession;
  try {
    // Inside the try: a read-only data folder already fails here, and must be explained like any other.
    logger = createLogger(dataDir);
    log = logger.info;
    if (testHooks.ignored.length > 0) log(`ignored in a packaged build: ${testHooks.ignored.join(', ')}`);
    janela = await launchSession(args, dataDir, log, {
      shell: 'electron',
      // openPath answers with an error message, empty when it worked.
      openFolder: async (path) => (await shell.openPath(path)) === '',
      // Only ever a copy under a sanitised name, and only after the person clicked "Open".
      openWithSystem: async (file) => {
        const failure = await shell.openPath(file);
        if (failure) throw new Error('the system could not open the file');
      },
    });
  } catch (error) {
    log(`the session did not open: ${error instanceof Error ? error.name : 'unknown'}`);
    const { dialog } = await import('electron');
    const language = args.language ?? startupLanguage(app.getLocale());
    dialog.showErrorBox('Janela', startupErrorText(error, { language, dataDir, platform: process.platform }));
    app.quit();
    return;
  }

  // Deny every permission (camera, notifications, geolocation…): the app needs none.
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  electronSession.defaultSession.setPermissionCheckHandler(() => false);

  // Media for the app's own page only: a file of the media folder, by its sha256, typed safely.
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const path = mediaPathOf(request.url);
    if (path === null) return new Response('Not a media file.', { status: 404 });
    const url = new URL(request.url);
    const answer = await mediaAnswer(janela.mediaStore(), path, url.searchParams);
    return new Response(new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
  });

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

  // Flush and close the store and WhatsApp before the process ends, however the end comes.
  const shutdown = createAppShutdown(janela, {
    exit: (code) => void logger.close().finally(() => app.exit(code)),
    log,
  });
  let closing = false;
  const closeAndExit = () => {
    if (!closing) {
      closing = true;
      unsubscribe();
      desktop.close();
    }
    void shutdown.closeAndExit();
  };
  app.on('before-quit', (event) => {
    desktop.beforeQuit();
    // Also while closing: the exit comes when the close is done (app.exit emits no before-quit).
    event.preventDefault();
    closeAndExit();
  });
  // Windows signs out or shuts down: save when asked, close when it happens.
  window.on('query-session-end', () => void shutdown.saveNow());
  window.on('session-end', closeAndExit);
  // macOS and Linux shut down: delay it until the store is closed (Electron passes an event its
  // typings leave out; preventDefault asks the system to wait).
  powerMonitor.on('shutdown', (...args: unknown[]) => {
    (args[0] as Electron.Event | undefined)?.preventDefault();
    closeAndExit();
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
