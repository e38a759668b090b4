/**
 * Runs a stand-in WhatsApp Web on its own, for manual runs or a test runner's web server:
 *   npx tsx tests/wa-standin/cli.ts [--port 8443]
 * Prints one JSON line ({ port, url, browserArgs, env }) and serves until interrupted; drive it
 * with httpControl(url) or POST /standin/control/<method> { "args": [...] }.
 */
import { startStandIn } from './server';

const portIndex = process.argv.indexOf('--port');
const port = portIndex >= 0 ? Number(process.argv[portIndex + 1]) : undefined;
const standIn = await startStandIn(port === undefined ? {} : { port });
console.log(
  JSON.stringify({ port: standIn.port, url: standIn.url, browserArgs: standIn.browserArgs, env: standIn.env }),
);
const stop = (): void => void standIn.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
