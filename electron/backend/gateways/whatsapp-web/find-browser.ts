/**
 * Which installed Chrome, Edge or Chromium whatsapp-web.js drives. Pure apart from the injected
 * `exists`, so every platform's search order is unit-tested on any machine.
 */
import path from 'node:path';

export type BrowserEnv = Readonly<Record<string, string | undefined>>;

/** Windows env names are case-insensitive; a plain object passed in a test is not. */
function envValue(env: BrowserEnv, name: string): string | undefined {
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value === undefined || value === '' ? undefined : value;
}

function windowsCandidates(env: BrowserEnv): string[] {
  const roots = [
    envValue(env, 'PROGRAMFILES') ?? 'C:\\Program Files',
    envValue(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)',
    envValue(env, 'LOCALAPPDATA'),
  ].filter((root): root is string => root !== undefined);
  const products = [
    ['Google', 'Chrome', 'Application', 'chrome.exe'],
    ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ['Chromium', 'Application', 'chrome.exe'],
  ];
  // Chrome anywhere before Edge anywhere: Chrome is what WhatsApp Web is tested against most.
  return products.flatMap((parts) => roots.map((root) => path.win32.join(root, ...parts)));
}

function macCandidates(env: BrowserEnv): string[] {
  const apps = [
    'Google Chrome.app/Contents/MacOS/Google Chrome',
    'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    'Chromium.app/Contents/MacOS/Chromium',
  ];
  const home = envValue(env, 'HOME');
  const roots = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
  return apps.flatMap((app) => roots.map((root) => path.posix.join(root, app)));
}

const linuxNames = [
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
  'microsoft-edge',
  'microsoft-edge-stable',
];

function linuxCandidates(env: BrowserEnv): string[] {
  const pathDirs = (envValue(env, 'PATH') ?? '').split(':').filter((dir) => dir.startsWith('/'));
  const dirs = [...new Set([...pathDirs, '/usr/bin', '/usr/local/bin', '/snap/bin'])];
  const fromPath = linuxNames.flatMap((name) => dirs.map((dir) => path.posix.join(dir, name)));
  return [...fromPath, '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
}

/** Every place looked at, best first. */
function browserCandidates(platform: NodeJS.Platform, env: BrowserEnv): string[] {
  if (platform === 'win32') return windowsCandidates(env);
  if (platform === 'darwin') return macCandidates(env);
  return linuxCandidates(env);
}

/**
 * The browser to launch: the path from the settings when it exists, else the first installed
 * Chrome/Edge/Chromium; null when there is none (the connect screen then says what to install).
 */
export function findBrowser(
  platform: NodeJS.Platform,
  env: BrowserEnv,
  exists: (file: string) => boolean,
  settingPath: string | null = null,
): string | null {
  if (settingPath !== null && settingPath.trim() !== '' && exists(settingPath)) return settingPath;
  return browserCandidates(platform, env).find((candidate) => exists(candidate)) ?? null;
}

export interface LaunchArgsInput {
  platform: NodeJS.Platform;
  /** process.getuid?.(); undefined on Windows. */
  uid: number | undefined;
  extraArgs?: readonly string[];
}

/**
 * Chromium flags: no background downloads or sync on the shop's connection, and no sandbox only
 * where Chromium refuses to start without it (root on Linux).
 */
export function browserLaunchArgs({ platform, uid, extraArgs = [] }: LaunchArgsInput): string[] {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (platform === 'linux' && uid === 0) args.push('--no-sandbox');
  return [...args, ...extraArgs];
}
