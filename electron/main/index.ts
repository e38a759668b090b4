/**
 * The Electron shell: one instance, one hardened window, IPC wired to the same router the browser
 * host uses. Everything that is not Electron lives in electron/backend.
 */
import { app, BrowserWindow, ipcMain, protocol, session as electronSession, shell } from 'electron';
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
import { mediaAnswer } from '../backend/media/media-response';
import { isTrustedSender, MEDIA_SCHEME, mayNavigate, mayOpenExternally, mediaPathOf } from './url-rules';

// Before ready: the media scheme streams audio and video and is fetched like a web origin.
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
]);

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
      // Only ever a copy under a sanitised name, and only after the person clicked "Open".
      openWithSystem: async (file) => {
        const failure = await shell.openPath(file);
        if (failure) throw new Error('the system could not open the file');
      },
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

  const window = createWindow();
  const unsubscribe = janela.hub.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
  });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    // Flush the store before the process ends: nothing reported saved may be lost.
    event.preventDefault();
    closing = true;
    unsubscribe();
    void janela.close().finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Janela',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
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
