/** However the end comes (quit, sign-out, shutdown), the store and WhatsApp are closed once, then the app exits. */
import { expect, test } from 'vitest';
import { createAppShutdown } from '../../../../../electron/backend/launch/app-shutdown';

function session(closeResult: () => Promise<void> = () => Promise.resolve()) {
  const calls: string[] = [];
  return {
    calls,
    flush: () => {
      calls.push('flush');
      return Promise.resolve();
    },
    close: () => {
      calls.push('close');
      return closeResult();
    },
  };
}

test('query-session-end saves; session-end, shutdown and quit close once and exit once', async () => {
  const closable = session();
  const exits: number[] = [];
  const shutdown = createAppShutdown(closable, { exit: (code) => exits.push(code), log: () => undefined });
  await shutdown.saveNow();
  expect(closable.calls).toEqual(['flush']);
  const first = shutdown.closeAndExit();
  const second = shutdown.closeAndExit();
  expect(second).toBe(first);
  await Promise.all([first, second, shutdown.closeAndExit()]);
  expect(closable.calls).toEqual(['flush', 'close']);
  expect(exits).toEqual([0]);
  expect(shutdown.closing).toBe(true);
  // Asked to save while closing: waits for the close, does not flush a closed store.
  await shutdown.saveNow();
  expect(closable.calls).toEqual(['flush', 'close']);
});

test('a close that fails or hangs still lets the app exit, non-zero and said in the log', async () => {
  const lines: string[] = [];
  const exits: number[] = [];
  const failing = createAppShutdown(
    session(() => Promise.reject(new TypeError('boom'))),
    {
      exit: (code) => exits.push(code),
      log: (line) => lines.push(line),
    },
  );
  await failing.closeAndExit();
  const hanging = createAppShutdown(
    session(() => new Promise(() => undefined)),
    {
      exit: (code) => exits.push(code),
      log: (line) => lines.push(line),
      timeoutMs: 20,
    },
  );
  await hanging.closeAndExit();
  expect(exits).toEqual([1, 1]);
  expect(lines).toEqual([
    'could not save everything before quitting: TypeError: boom',
    'closing took too long; exiting',
  ]);
});
