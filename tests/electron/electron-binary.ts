import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const ELECTRON_SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, no internet): skipping the desktop-app tests; the browser-host tests cover the same journey';

/** The Electron executable the `electron` package points to, or null when its download was skipped. */
export function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
