/**
 * Technical log lines for troubleshooting, in the data folder and on stderr. Callers pass error
 * names and states, never phone numbers or message text.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function createLog(
  dataDir: string,
  echo: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): (line: string) => void {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'janela.log');
  return (line) => {
    // Log lines carry the wall-clock time, not the app's clock (test control moves that one).
    // eslint-disable-next-line no-restricted-syntax
    const stamped = `${new Date().toISOString()} ${line}`;
    echo(stamped);
    try {
      appendFileSync(file, `${stamped}\n`);
    } catch {
      // A full disk must not take the app down with it; stderr still has the line.
    }
  };
}
