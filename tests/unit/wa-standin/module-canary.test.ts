import { describe, expect, it } from 'vitest';
import { installedLibraryModules, readBaseline } from '../../wa-standin/library-modules';
import { OPTIONAL_MODULES, PROVIDED_MODULES } from '../../wa-standin/module-names';

// The run-time half of the canary (the library asks only for provided or optional names) runs
// with the real Client in messages.test.ts; this half reads the installed library's source.
describe('stand-in upgrade canary (library source)', () => {
  const library = installedLibraryModules();

  it('finds the module names whatsapp-web.js references', () => {
    expect(library.references.size).toBeGreaterThan(100);
    expect(library.references.get('WAWebSocketModel')).toContain('src/Client.js');
    expect(library.references.get('WAWebOfflineHandler')).toContain('src/util/Injected/AuthStore/AuthStore.js');
  });

  it('every name the stand-in provides or lists as optional is still referenced by the library', () => {
    const gone = [...PROVIDED_MODULES, ...OPTIONAL_MODULES].filter((name) => !library.references.has(name));
    expect(gone).toEqual([]);
  });

  it('the installed library references the same names as the baseline (else run npm run wa:canary)', () => {
    const baseline = readBaseline();
    expect({ version: library.version, names: [...library.references.keys()] }).toEqual(baseline);
  });
});
