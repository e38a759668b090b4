/** The Chromium profile and web cache live under the local, not the roaming, app-data folder on Windows. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import {
  preparePrivateFolders,
  whatsAppFolders,
} from '../../../../../../electron/backend/gateways/whatsapp-web/session-folders';
import { tempDataDir } from '../../store/store-fixtures';

const windows = {
  platform: 'win32' as const,
  env: { APPDATA: 'C:\\Users\\Loja\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\Loja\\AppData\\Local' },
  home: 'C:\\Users\\Loja',
};

test('Windows, default data folder: profile and cache under %LOCALAPPDATA%\\Janela', () => {
  const folders = whatsAppFolders('C:\\Users\\Loja\\AppData\\Roaming\\Janela', windows);
  expect(folders.profile).toBe('C:\\Users\\Loja\\AppData\\Local\\Janela\\whatsapp\\session\\session-janela');
  expect(folders.webCache).toBe('C:\\Users\\Loja\\AppData\\Local\\Janela\\whatsapp\\web-cache');
  expect(folders.legacyRoot).toBe('C:\\Users\\Loja\\AppData\\Roaming\\Janela\\whatsapp');
  // Without LOCALAPPDATA set: the usual place under the profile.
  const env = { APPDATA: windows.env.APPDATA };
  expect(whatsAppFolders('c:\\users\\loja\\appdata\\roaming\\janela', { ...windows, env }).root).toBe(
    'C:\\Users\\Loja\\AppData\\Local\\Janela\\whatsapp',
  );
});

test('a data folder chosen with --data-dir, and macOS or Linux: everything stays in it', () => {
  expect(whatsAppFolders('D:\\Loja\\dados', windows).root).toBe('D:\\Loja\\dados\\whatsapp');
  expect(whatsAppFolders('D:\\Loja\\dados', windows).legacyRoot).toBeUndefined();
  const linux = { platform: 'linux' as const, env: {}, home: '/home/loja' };
  expect(whatsAppFolders('/home/loja/.config/Janela', linux).root).toBe('/home/loja/.config/Janela/whatsapp');
});

test('a session an earlier version kept in the roaming folder is moved to the local one', () => {
  const work = tempDataDir();
  try {
    const folders = {
      root: path.join(work.dir, 'local', 'Janela', 'whatsapp'),
      session: path.join(work.dir, 'local', 'Janela', 'whatsapp', 'session'),
      profile: path.join(work.dir, 'local', 'Janela', 'whatsapp', 'session', 'session-janela'),
      webCache: path.join(work.dir, 'local', 'Janela', 'whatsapp', 'web-cache'),
      legacyRoot: path.join(work.dir, 'roaming', 'whatsapp'),
    };
    mkdirSync(path.join(folders.legacyRoot, 'session', 'session-janela'), { recursive: true });
    writeFileSync(path.join(folders.legacyRoot, 'session', 'session-janela', 'Local State'), '{}');
    preparePrivateFolders(folders);
    expect(existsSync(path.join(folders.profile, 'Local State'))).toBe(true);
    expect(existsSync(folders.legacyRoot)).toBe(false);
  } finally {
    work.remove();
  }
});
