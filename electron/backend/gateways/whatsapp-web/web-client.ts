/**
 * Builds the real whatsapp-web.js Client: LocalAuth and the web-version cache under the app's data
 * folder, the detected browser, headless. One Client per connection attempt — the library cannot
 * initialize() the same Client twice.
 */
import wwebjs from 'whatsapp-web.js';
import type { ClientLike, MessageMediaLike } from './client-like';
import { endProcessTree } from './browser-process-tree';
import { browserLaunchArgs } from './find-browser';
import { LOCAL_AUTH_CLIENT_ID, type WhatsAppFolders } from './session-folders';
import { withTimeout } from './with-timeout';

/** Shorter than the gateway's own wait, so that the browser's processes are ended before it gives up. */
const destroyTimeoutMs = 10_000;

export interface WebClientOptions {
  folders: WhatsAppFolders;
  executablePath: string;
  extraBrowserArgs: readonly string[];
  webVersionCache: 'local' | 'none';
}

export function createWebClient(options: WebClientOptions): ClientLike {
  const client = new wwebjs.Client({
    authStrategy: new wwebjs.LocalAuth({ dataPath: options.folders.session, clientId: LOCAL_AUTH_CLIENT_ID }),
    webVersionCache:
      options.webVersionCache === 'none' ? { type: 'none' } : { type: 'local', path: options.folders.webCache },
    puppeteer: {
      executablePath: options.executablePath,
      headless: true,
      args: browserLaunchArgs({
        platform: process.platform,
        uid: process.getuid?.(),
        extraArgs: options.extraBrowserArgs,
      }),
      // Puppeteer would kill the browser on SIGINT/SIGTERM (and exit at once on SIGINT): a killed
      // browser loses the linked session's unflushed localStorage — the next start shows a QR —
      // and the store would not flush. The app handles both itself and closes the browser
      // gracefully (gateway.stop()). SIGHUP, which the app does not handle, stays puppeteer's.
      handleSIGINT: false,
      handleSIGTERM: false,
    },
  });
  // The library's typings overload `on` per event; the gateway uses the structural subset.
  const like = client as unknown as ClientLike;
  const destroy = like.destroy.bind(like);
  like.destroy = async () => {
    const browser = like.pupBrowser?.process?.();
    try {
      await withTimeout(destroy(), destroyTimeoutMs, 'destroy');
    } finally {
      // Closed gracefully or not, nothing of that browser is left running.
      if (browser) endProcessTree(browser);
    }
  };
  return like;
}

/** whatsapp-web.js's own `MessageMedia`: `sendMessage` recognises an attachment by its class. */
export function createMessageMedia(media: { data: string; mimetype: string; filename: string }): MessageMediaLike {
  return new wwebjs.MessageMedia(media.mimetype, media.data, media.filename);
}
