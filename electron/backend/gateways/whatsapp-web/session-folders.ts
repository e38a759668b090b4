/**
 * Where whatsapp-web.js keeps the linked session and its web-version cache: under the app's data
 * folder, private to the user. The session folder holds the whole browser profile — whoever copies
 * it has the shop's WhatsApp — so it is created 0700 and removed only by unlink.
 */
import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../../data-dir';

/** LocalAuth's clientId: the profile lands in `<session>/session-janela`. */
export const LOCAL_AUTH_CLIENT_ID = 'janela';

export interface WhatsAppFolders {
  root: string;
  /** LocalAuth dataPath. */
  session: string;
  /** The Chromium profile LocalAuth uses inside `session`. */
  profile: string;
  webCache: string;
  /** Where an earlier version kept them (the roaming data folder), when that is elsewhere now. */
  legacyRoot?: string;
}

export interface Machine {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

const thisMachine: Machine = { platform: process.platform, env: process.env, home: homedir() };

/**
 * Where the browser profile and web cache go. On Windows the default data folder is under the
 * roaming app-data folder, which a domain copies to the server at every sign-out: hundreds of
 * megabytes of Chromium profile and cache belong in the local one (`%LOCALAPPDATA%\Janela`). A
 * data folder chosen with `--data-dir` keeps everything in it.
 */
export function whatsAppRoot(dataDir: string, machine: Machine = thisMachine): string {
  const same = (a: string, b: string) => path.win32.resolve(a).toLowerCase() === path.win32.resolve(b).toLowerCase();
  if (machine.platform === 'win32' && same(dataDir, defaultDataDir('win32', machine.env, machine.home))) {
    const local = machine.env.LOCALAPPDATA ?? path.win32.join(machine.home, 'AppData', 'Local');
    return path.win32.join(local, 'Janela', 'whatsapp');
  }
  return (machine.platform === 'win32' ? path.win32 : path).join(dataDir, 'whatsapp');
}

export function whatsAppFolders(dataDir: string, machine: Machine = thisMachine): WhatsAppFolders {
  if (!path.isAbsolute(dataDir) && !path.win32.isAbsolute(dataDir)) {
    // A relative path would put the shop's session in whatever folder the app was started from.
    throw new Error(`the data folder must be an absolute path, got "${dataDir}"`);
  }
  const join = machine.platform === 'win32' ? path.win32.join : path.join;
  const root = whatsAppRoot(dataDir, machine);
  const session = join(root, 'session');
  const legacyRoot = join(dataDir, 'whatsapp');
  return {
    root,
    session,
    profile: join(session, `session-${LOCAL_AUTH_CLIENT_ID}`),
    webCache: join(root, 'web-cache'),
    ...(legacyRoot === root ? {} : { legacyRoot }),
  };
}

function privateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir's mode passes through the umask and leaves existing folders alone: set it explicitly.
  chmodSync(folder, 0o700);
}

/**
 * Creates (or tightens) every folder before the library creates them with default modes; a
 * linked session an earlier version kept in the roaming folder is moved to the local one first.
 */
export function preparePrivateFolders(folders: WhatsAppFolders): void {
  if (folders.legacyRoot && existsSync(folders.legacyRoot) && !existsSync(folders.root)) {
    mkdirSync(path.dirname(folders.root), { recursive: true, mode: 0o700 });
    try {
      renameSync(folders.legacyRoot, folders.root);
    } catch {
      // Another volume, or held open: the session is linked again with a QR code, nothing is lost.
    }
  }
  for (const folder of [folders.root, folders.session, folders.profile, folders.webCache]) privateFolder(folder);
}

/** Only for unlink: forget the linked session entirely, wherever a version kept it. */
export async function removeSession(folders: WhatsAppFolders): Promise<void> {
  await rm(folders.session, { recursive: true, force: true, maxRetries: 4, retryDelay: 250 });
  if (folders.legacyRoot)
    await rm(path.join(folders.legacyRoot, 'session'), {
      recursive: true,
      force: true,
      maxRetries: 4,
      retryDelay: 250,
    });
}
