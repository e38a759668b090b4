import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../manual-clock';
import { closeForExit } from '../../../../../electron/backend/launch/shutdown';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData } from '../../../../../electron/backend/store/store-types';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { faultyFs } from '../store/faulty-fs';
import { chatIdOf, contact } from '../store/store-fixtures';

describe('closing for exit', () => {
  it('exits 0 when everything was saved', async () => {
    const lines: string[] = [];
    expect(await closeForExit({ close: async () => undefined }, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([]);
  });

  it('a store that cannot write at quit is logged and exits non-zero', async () => {
    const fs = faultyFs();
    const clock = createManualClock(1_760_000_000_000);
    const store = await openStore({
      dataDir: mkdtempSync(join(tmpdir(), 'janela-quit-')),
      clock,
      fs,
      flushDelayMs: 60_000,
      defaults: () => emptyStoreData(defaultSettings('America/Sao_Paulo', 'en')),
    });
    store.update((data) => void (data.contacts[chatIdOf(1)] = contact(1)));
    fs.failWith = 'EACCES';
    const lines: string[] = [];
    expect(await closeForExit(store, (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/could not save everything before quitting: .*EACCES/)]);
    fs.failWith = null;
    await store.close();
  });
});
