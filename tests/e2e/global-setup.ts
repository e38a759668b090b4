import { execFileSync } from 'node:child_process';

/** The browser host serves the built renderer: build it once for the whole run. */
export default function globalSetup(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
