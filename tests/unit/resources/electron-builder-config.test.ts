/**
 * `npm run package` cannot run here (Electron cannot be downloaded), so this test stands in for it:
 * electron-builder itself loads and schema-checks electron-builder.yml, and the test checks what the
 * issue asks of the installers and that every file the configuration names exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

interface TargetEntry {
  target: string;
  arch?: string[];
}
type Targets = string | (string | TargetEntry)[];
interface ExtraResource {
  from: string;
  to: string;
  filter: string[];
}
interface BuilderConfig {
  productName: string;
  artifactName: string;
  directories: { buildResources: string };
  extraResources: ExtraResource[];
  extraMetadata?: Record<string, unknown>;
  electronFuses: Record<string, boolean>;
  win: { target: Targets; icon: string };
  nsis: Record<string, unknown> & { artifactName: string; installerLanguages: string[] };
  mac: { target: Targets; icon: string };
  linux: { target: Targets; icon: string };
}

function targetNames(targets: Targets): string[] {
  return (Array.isArray(targets) ? targets : [targets]).map((entry) =>
    typeof entry === 'string' ? entry : entry.target,
  );
}

/** Keys whose value electron-builder reads as a file or folder of the project. */
const PATH_KEYS = new Set([
  'icon',
  'installerIcon',
  'uninstallerIcon',
  'installerHeaderIcon',
  'installerHeader',
  'installerSidebar',
  'uninstallerSidebar',
  'background',
  'badgeIcon',
  'license',
  'include',
  'script',
  'entitlements',
  'entitlementsInherit',
  'buildResources',
]);

function namedPaths(value: unknown, at = ''): { at: string; path: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => namedPaths(item, `${at}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    PATH_KEYS.has(key) && typeof child === 'string'
      ? [{ at: `${at}.${key}`, path: child }]
      : namedPaths(child, `${at}.${key}`),
  );
}

function expandMacros(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

describe('electron-builder.yml', () => {
  it('is loaded and accepted by electron-builder’s own schema', async () => {
    // electron-builder's internals: the same calls `electron-builder` makes before it builds anything.
    const require = createRequire(join(root, 'node_modules/electron-builder/package.json'));
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<unknown>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds NSIS on Windows, a dmg on macOS, AppImage and deb on Linux', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('installs per user without admin rights, in Portuguese and English', () => {
    expect(config.nsis.perMachine).toBe(false);
    // An assisted installer would offer "for all users", which asks for elevation.
    expect(config.nsis.oneClick).toBe(true);
    expect(config.nsis.installerLanguages).toEqual(expect.arrayContaining(['pt_BR', 'en_US']));
    expect(config.nsis.multiLanguageInstaller).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('sets the Electron fuses that harden what ships', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names the installers after the product and the version in package.json', () => {
    expect(config.productName).toBe('Janela');
    if ('productName' in packageJson) expect(packageJson.productName).toBe(config.productName);
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    // The version must come from package.json alone.
    expect(config.extraMetadata ?? {}).not.toHaveProperty('version');
    expect(config).not.toHaveProperty('buildVersion');
    const values = { productName: config.productName, version: String(packageJson.version), ext: 'exe' };
    expect(expandMacros(config.nsis.artifactName, values)).toBe(`Janela-Setup-${String(packageJson.version)}.exe`);
    for (const template of [config.artifactName, config.nsis.artifactName]) {
      expect(template).toContain('${productName}');
      expect(template).toContain('${version}');
    }
  });

  it('names only files that exist, icons included', () => {
    const paths = namedPaths(config);
    expect(paths.map((entry) => entry.at)).toEqual(
      expect.arrayContaining(['.win.icon', '.mac.icon', '.linux.icon', '.nsis.installerIcon']),
    );
    for (const { at, path } of paths) expect(existsSync(join(root, path)), `${at}: ${path}`).toBe(true);
  });

  it('ships every runtime resource it lists, from a folder that exists', () => {
    for (const { from, filter } of config.extraResources) {
      expect(statSync(join(root, from)).isDirectory(), from).toBe(true);
      for (const name of filter) expect(existsSync(join(root, from, name)), `${from}/${name}`).toBe(true);
    }
    const shipped = config.extraResources.flatMap((entry) => entry.filter);
    expect(shipped).toEqual(expect.arrayContaining(['tray.png', 'tray-unread.png', 'notification.wav']));
  });

  it('gives Linux a full icon set named as electron-builder expects (NxN.png)', () => {
    const names = readdirSync(join(root, config.linux.icon));
    expect(names).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '256x256.png', '512x512.png']));
    for (const name of names) expect(name).toMatch(/^(\d+)x\1\.png$/);
  });
});
