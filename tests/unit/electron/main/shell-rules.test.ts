import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { APP_USER_MODEL_ID, closeAction, loginItemFor, parseShellMemory } from '../../../../electron/main/shell-rules';

describe('closing the window', () => {
  it('hides to the tray while the setting is on and a tray exists, unless the app is quitting', () => {
    expect(closeAction({ quitting: false, keepRunningInTray: true, hasTray: true })).toBe('hide-to-tray');
    expect(closeAction({ quitting: true, keepRunningInTray: true, hasTray: true })).toBe('close');
    expect(closeAction({ quitting: false, keepRunningInTray: false, hasTray: true })).toBe('close');
    // A Linux desktop without a tray: hiding would leave no way back, so the window closes.
    expect(closeAction({ quitting: false, keepRunningInTray: true, hasTray: false })).toBe('close');
  });
});

describe('the shell’s memory', () => {
  it('reads tolerantly: anything but a clear yes means the notice was not shown', () => {
    expect(parseShellMemory({ version: 1, trayNoticeShown: true })).toEqual({ version: 1, trayNoticeShown: true });
    for (const raw of [null, 'x', 42, {}, { trayNoticeShown: 'yes' }])
      expect(parseShellMemory(raw).trayNoticeShown).toBe(false);
  });
});

describe('start at login', () => {
  const base = { packaged: true, configHome: '/home/ana/.config' };

  it('is a login item on Windows and macOS', () => {
    expect(loginItemFor({ ...base, startAtLogin: true, platform: 'win32' })).toEqual({
      kind: 'login-item',
      openAtLogin: true,
    });
    expect(loginItemFor({ ...base, startAtLogin: false, platform: 'darwin' })).toEqual({
      kind: 'login-item',
      openAtLogin: false,
    });
  });

  it('is an autostart entry on Linux, starting the AppImage where it is, quoted', () => {
    const item = loginItemFor({
      ...base,
      startAtLogin: true,
      platform: 'linux',
      appImage: '/home/ana/Apps/Janela "new".AppImage',
    });
    expect(item).toMatchObject({
      kind: 'linux-autostart',
      enabled: true,
      file: '/home/ana/.config/autostart/janela.desktop',
    });
    expect(item.kind === 'linux-autostart' && item.entry).toContain('Exec="/home/ana/Apps/Janela \\"new\\".AppImage"');
    expect(loginItemFor({ ...base, startAtLogin: true, platform: 'linux' })).toMatchObject({
      entry: expect.stringContaining('Exec=janela\n') as unknown as string,
    });
  });

  it('is left alone when run from source', () => {
    expect(loginItemFor({ ...base, packaged: false, startAtLogin: true, platform: 'linux' })).toEqual({
      kind: 'unsupported',
    });
  });
});

describe('Windows notifications', () => {
  it('are shown under the AppUserModelID the installer gives the shortcut: electron-builder.yml’s appId', () => {
    const config = parse(readFileSync(resolve(import.meta.dirname, '../../../../electron-builder.yml'), 'utf8')) as {
      appId: string;
    };
    expect(APP_USER_MODEL_ID).toBe(config.appId);
  });
});
