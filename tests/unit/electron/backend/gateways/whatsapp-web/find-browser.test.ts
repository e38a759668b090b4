import { describe, expect, it } from 'vitest';
import { browserLaunchArgs, findBrowser } from '../../../../../../electron/backend/gateways/whatsapp-web/find-browser';

const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file);

describe('findBrowser', () => {
  it('prefers the path from the settings when it exists', () => {
    expect(
      findBrowser('linux', { PATH: '/usr/bin' }, only('/usr/bin/chromium', '/opt/my/chrome'), '/opt/my/chrome'),
    ).toBe('/opt/my/chrome');
  });

  it('falls back to detection when the configured path is gone', () => {
    expect(findBrowser('linux', { PATH: '/usr/bin' }, only('/usr/bin/chromium'), '/opt/removed/chrome')).toBe(
      '/usr/bin/chromium',
    );
  });

  it('finds Chrome before Edge on Windows, in Program Files or the user’s LocalAppData', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\Ana\\AppData\\Local',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const userChrome = 'C:\\Users\\Ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser('win32', env, only(edge))).toBe(edge);
    expect(findBrowser('win32', env, only(edge, userChrome))).toBe(userChrome);
    expect(findBrowser('win32', {}, only('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'))).toBe(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('finds apps in /Applications or ~/Applications on macOS', () => {
    expect(
      findBrowser(
        'darwin',
        { HOME: '/Users/ana' },
        only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
      ),
    ).toBe('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(
      findBrowser(
        'darwin',
        { HOME: '/Users/ana' },
        only('/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      ),
    ).toBe('/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('searches PATH and the usual folders on Linux, Chrome first', () => {
    expect(
      findBrowser(
        'linux',
        { PATH: '/home/ana/bin:/usr/bin' },
        only('/usr/bin/chromium', '/home/ana/bin/google-chrome'),
      ),
    ).toBe('/home/ana/bin/google-chrome');
    expect(findBrowser('linux', {}, only('/usr/bin/chromium-browser'))).toBe('/usr/bin/chromium-browser');
    expect(findBrowser('linux', {}, only('/usr/bin/microsoft-edge'))).toBe('/usr/bin/microsoft-edge');
    expect(findBrowser('linux', { PATH: 'relative/bin' }, only('relative/bin/chromium'))).toBeNull();
  });

  it('returns null when nothing is installed', () => {
    expect(findBrowser('win32', {}, () => false)).toBeNull();
    expect(findBrowser('darwin', {}, () => false)).toBeNull();
    expect(findBrowser('linux', { PATH: '/usr/bin' }, () => false)).toBeNull();
  });
});

describe('browserLaunchArgs', () => {
  it('turns off background networking and adds --no-sandbox only for root on Linux', () => {
    const user = browserLaunchArgs({ platform: 'linux', uid: 1000 });
    expect(user).toEqual(
      expect.arrayContaining([
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]),
    );
    expect(user).not.toContain('--no-sandbox');
    expect(browserLaunchArgs({ platform: 'linux', uid: 0 })).toContain('--no-sandbox');
    expect(browserLaunchArgs({ platform: 'win32', uid: undefined })).not.toContain('--no-sandbox');
    expect(browserLaunchArgs({ platform: 'darwin', uid: 0 })).not.toContain('--no-sandbox');
  });

  it('appends the test hook’s arguments last', () => {
    expect(browserLaunchArgs({ platform: 'linux', uid: 1000, extraArgs: ['--ignore-certificate-errors'] }).at(-1)).toBe(
      '--ignore-certificate-errors',
    );
  });
});
