/**
 * Where whatsapp-web.js keeps the linked session and its web-version cache: under the app's data
 * folder, private to the user. The session folder holds the whole browser profile — whoever copies
 * it has the shop's WhatsApp — so it is created 0700 and removed only by unlink.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/** LocalAuth's clientId: the profile lands in `<session>/session-janela`. */
export const LOCAL_AUTH_CLIENT_ID = 'janela';

export interface WhatsAppFolders {
  root: string;
  /** LocalAuth dataPath. */
  session: string;
  /** The Chromium profile LocalAuth uses inside `session`. */
  profile: string;
  webCache: string;
}

export function whatsAppFolders(dataDir: string): WhatsAppFolders {
  if (!path.isAbsolute(dataDir)) {
    // A relative path would put the shop's session in whatever folder the app was started from.
    throw new Error(`the data folder must be an absolute path, got "${dataDir}"`);
  }
  const root = path.join(dataDir, 'whatsapp');
  const session = path.join(root, 'session');
  return {
    root,
    session,
    profile: path.join(session, `session-${LOCAL_AUTH_CLIENT_ID}`),
    webCache: path.join(root, 'web-cache'),
  };
}

function privateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode passes through the umask and leaves existing folders alone: set it explicitly.
  chmodSync(folder, 0o700);
}

/** Creates (or tightens) every folder before the library creates them with default modes. */
export function preparePrivateFolders(folders: WhatsAppFolders): void {
  for (const folder of [folders.root, folders.session, folders.profile, folders.webCache]) privateFolder(folder);
}

/** Only for unlink: forget the linked session entirely. */
export async function removeSession(folders: WhatsAppFolders): Promise<void> {
  await rm(folders.session, { recursive: true, force: true, maxRetries: 4, retryDelay: 250 });
}
