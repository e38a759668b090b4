import { app } from 'electron';
import { join } from 'node:path';

/**
 * A file of resources/ at run time: beside the asar when packaged (electron-builder's
 * extraResources copies them to `assets/`), in the project folder when run from source.
 */
export function resourcePath(name: string): string {
  return app.isPackaged ? join(process.resourcesPath, 'assets', name) : join(app.getAppPath(), 'resources', name);
}
