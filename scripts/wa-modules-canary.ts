/**
 * Upgrade canary for the stand-in WhatsApp Web (tests/wa-standin): lists the WhatsApp Web module
 * names the installed whatsapp-web.js references against those the stand-in provides, and what
 * changed since the baseline the stand-in was checked against.
 *
 *   npm run wa:canary                      report; exit 1 when something changed
 *   npm run wa:canary -- --update-baseline  accept the installed library as the new baseline
 */
import { writeFileSync } from 'node:fs';
import { BASELINE_PATH, installedLibraryModules, readBaseline } from '../tests/wa-standin/library-modules';
import { OPTIONAL_MODULES, PROVIDED_MODULES } from '../tests/wa-standin/module-names';

const library = installedLibraryModules();
const referenced = [...library.references.keys()];
const provided = new Set<string>(PROVIDED_MODULES);
const optional = new Set<string>(OPTIONAL_MODULES);
const baseline = readBaseline();
const before = new Set(baseline.names);
const now = new Set(referenced);

const appeared = referenced.filter((name) => !before.has(name));
const vanished = baseline.names.filter((name) => !now.has(name));
const staleProvided = [...provided, ...optional].filter((name) => !now.has(name));
const notProvided = referenced.filter((name) => !provided.has(name) && !optional.has(name));

const where = (name: string): string => (library.references.get(name) ?? []).join(', ');
const list = (title: string, names: string[], detail = false): void => {
  console.log(`\n${title} (${names.length})`);
  for (const name of names) console.log(`  ${name}${detail ? `  — ${where(name)}` : ''}`);
};

console.log(`whatsapp-web.js ${library.version}: references ${referenced.length} WhatsApp Web modules`);
console.log(
  `stand-in: provides ${provided.size}, leaves ${optional.size} deliberately optional (baseline: ${baseline.version})`,
);
list('Provided by the stand-in', [...provided].sort());
list('Optional (library guards their absence)', [...optional].sort());
list('Referenced but not provided (features Janela does not use)', notProvided);
list('NEW since the baseline — check whether Janela’s paths use them', appeared, true);
list('GONE since the baseline', vanished);
list('Provided or optional but no longer referenced — the library changed what the stand-in implements', staleProvided);

if (process.argv.includes('--update-baseline')) {
  writeFileSync(BASELINE_PATH, `${JSON.stringify({ version: library.version, names: referenced }, null, 2)}\n`);
  console.log(`\nBaseline updated to whatsapp-web.js ${library.version}.`);
} else if (appeared.length || vanished.length || staleProvided.length || baseline.version !== library.version) {
  console.log(
    '\nThe installed whatsapp-web.js differs from the baseline: run the stand-in tests, then --update-baseline.',
  );
  process.exitCode = 1;
}
