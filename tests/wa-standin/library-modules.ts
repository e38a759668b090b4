/**
 * Reads the installed whatsapp-web.js source and lists the WhatsApp Web module names it
 * references (`window.require('WAWeb…')` and `injectToFunction({ module: 'WAWeb…' })`), so an
 * upgrade shows at once which names appeared or vanished.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export interface LibraryModules {
  version: string;
  /** Module name → library files (relative to the package) that reference it. */
  references: Map<string, string[]>;
}

const REQUIRE_CALL = /\.require\(\s*['"`]([A-Z][\w.-]*)['"`]\s*,?\s*\)/g;
const INJECT_TARGET = /module:\s*['"`]([A-Z][\w.-]*)['"`]/g;

function javascriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return javascriptFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

export function installedLibraryModules(): LibraryModules {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('whatsapp-web.js/package.json');
  const root = dirname(packageJson);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const references = new Map<string, string[]>();
  for (const file of javascriptFiles(join(root, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of [REQUIRE_CALL, INJECT_TARGET]) {
      for (const match of source.matchAll(pattern)) {
        const name = match[1];
        if (!name) continue;
        const files = references.get(name) ?? [];
        const where = relative(root, file);
        if (!files.includes(where)) files.push(where);
        references.set(name, files);
      }
    }
  }
  return { version, references: new Map([...references].sort(([a], [b]) => a.localeCompare(b))) };
}

/** The names whatsapp-web.js referenced when the stand-in was last checked against it. */
export const BASELINE_PATH = new URL('./library-modules-baseline.json', import.meta.url);

export interface Baseline {
  version: string;
  names: string[];
}

export function readBaseline(): Baseline {
  return JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Baseline;
}
