import { execFileSync } from 'node:child_process';
import { ELECTRON_SKIP_REASON, electronBinary } from '../electron/electron-binary';

/** The browser host serves the built renderer: build it once for the whole run. */
export default function globalSetup(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (electronBinary() === null) process.stdout.write(`${ELECTRON_SKIP_REASON}\n`);
  // The desktop tests launch the built main process and preload.
  else execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
