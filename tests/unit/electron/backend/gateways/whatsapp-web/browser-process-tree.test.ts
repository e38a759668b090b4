/** The WhatsApp browser is ended with every process it started, and nothing else. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  endProcessTree,
  type ProcessTreeTools,
} from '../../../../../../electron/backend/gateways/whatsapp-web/browser-process-tree';

/** Alive and not a zombie (an orphan is reaped by whatever runs as PID 1, which may take its time). */
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/stat`)) return true;
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') !== true;
};

test.skipIf(process.platform === 'win32')('a detached browser and the process it started are both ended', async () => {
  // A stand-in browser: detached like Puppeteer's, starting a helper in its process group.
  const browser = spawn(
    process.execPath,
    [
      '-e',
      `const { spawn } = require('node:child_process');
         const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         process.stdout.write(String(helper.pid) + '\\n');
         setInterval(() => {}, 1000);`,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const helperPid = await new Promise<number>((resolve) =>
    browser.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  expect(isRunning(helperPid)).toBe(true);
  endProcessTree(browser);
  await expect.poll(() => isRunning(helperPid)).toBe(false);
  await expect.poll(() => browser.exitCode !== null || browser.signalCode !== null).toBe(true);
});

function recording(platform: NodeJS.Platform) {
  const calls: string[] = [];
  const tools: ProcessTreeTools = {
    platform,
    run: (command, args) => void calls.push(`${command} ${args.join(' ')}`),
    kill: (pid, signal) => void calls.push(`kill ${pid} ${signal}`),
  };
  return { calls, tools };
}

test('Windows: taskkill of the whole tree, only while the browser itself runs (its PID may be reused after)', () => {
  const running = recording('win32');
  endProcessTree({ pid: 4242, exitCode: null, signalCode: null }, running.tools);
  expect(running.calls).toEqual(['taskkill /pid 4242 /T /F']);
  const exited = recording('win32');
  endProcessTree({ pid: 4242, exitCode: 0, signalCode: null }, exited.tools);
  expect(exited.calls).toEqual([]);
});

test('macOS and Linux: the process group, and the browser itself only while it has not exited', () => {
  const running = recording('darwin');
  endProcessTree({ pid: 4242, exitCode: null, signalCode: null }, running.tools);
  expect(running.calls).toEqual(['kill -4242 SIGKILL', 'kill 4242 SIGKILL']);
  const exited = recording('linux');
  endProcessTree({ pid: 4242, exitCode: 0, signalCode: null }, exited.tools);
  expect(exited.calls).toEqual(['kill -4242 SIGKILL']);
});
