/** `npm run serve`: the browser host, on 127.0.0.1 only. Prints the URL to open. */
import { join } from 'node:path';
import { defaultDataDir } from '../backend/data-dir';
import { DataDirBusyError } from '../backend/data-dir-lock';
import { launchOptionsOrExit } from '../backend/launch/launch-options';
import { StoreTooNewError } from '../backend/store/migrations';
import { launchSession } from '../backend/launch/launch-session';
import { createLogger } from '../backend/logging/logger';
import { closeForExit } from '../backend/launch/shutdown';
import { decideTestHooks } from '../backend/launch/test-hooks-policy';
import { startBrowserHost } from './browser-host';

async function main(): Promise<void> {
  const parsedArgs = launchOptionsOrExit('host', process.argv.slice(2), process.cwd());
  // `npm run serve` runs from a source checkout (tsx) and is never packaged: a development build.
  const { testControl } = decideTestHooks({
    build: 'development',
    testControl: parsedArgs.testControl,
    env: process.env,
  });
  const args = { ...parsedArgs, testControl };
  const dataDir = args.dataDir ?? defaultDataDir();
  const logger = createLogger(dataDir);
  const log = logger.info;
  const session = await launchSession(args, dataDir, log);
  const host = await startBrowserHost({
    session,
    rendererDir: join(import.meta.dirname, '../../out/renderer'),
    port: args.port,
    testControl: args.testControl,
    log,
  });
  process.stdout.write(`Janela is running at ${host.url}\n`);
  if (args.testControl) process.stdout.write('Test control is ON: /test/* endpoints drive the simulated WhatsApp.\n');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Flush the store before exiting: nothing reported saved may be lost.
    void host
      .close()
      .then(() => closeForExit(session, log))
      .then(
        (code) => logger.close().finally(() => process.exit(code)),
        () => logger.close().finally(() => process.exit(1)),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DataDirBusyError || error instanceof StoreTooNewError)
    process.stderr.write(`${error.message}\n`);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    process.stderr.write('That port is in use: choose another with --port N (0 picks a free one).\n');
  else process.stderr.write(`Janela could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
