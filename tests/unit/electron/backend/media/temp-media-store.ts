/** A media folder of its own in a temp directory, for backends built by tests and benchmarks. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../../../electron/backend/clock';
import { openMediaStore, type MediaStore } from '../../../../../electron/backend/media/media-store';

export function tempMediaStore(clock: Clock): Promise<MediaStore> {
  return openMediaStore({ dataDir: mkdtempSync(join(tmpdir(), 'janela-media-')), clock });
}
