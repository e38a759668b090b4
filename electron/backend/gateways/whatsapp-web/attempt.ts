/**
 * One connection attempt: a Client from its creation until it is retired, with the timers and the
 * sends in flight that end with it. The connection supervisor decides when; this is how.
 */
import { GatewayDisconnectedError } from '../gateway';
import type { ClientLike } from './client-like';
import { shortReason } from './connection-policy';
import { withTimeout } from './with-timeout';

/** One Client, from its creation until it is retired. */
export interface Attempt {
  client: ClientLike;
  initialized: boolean;
  ready: boolean;
  retired: boolean;
  /** Settles when initialize() does; never rejects. */
  initializing: Promise<void>;
  /** Clock time WhatsApp Web entered TIMEOUT/OPENING; null while fine. */
  transientSince: number | null;
  timers: Set<NodeJS.Timeout>;
  watchdogBusy: boolean;
  /** Rejected when this attempt ends, so sends in flight become uncertain. */
  lostWaiters: Set<(error: Error) => void>;
  onBrowserClosed?: () => void;
}

export function newAttempt(client: ClientLike): Attempt {
  return {
    client,
    initialized: false,
    ready: false,
    retired: false,
    initializing: Promise.resolve(),
    transientSince: null,
    timers: new Set(),
    watchdogBusy: false,
    lostWaiters: new Set(),
  };
}

/** Runs `action` after `ms` unless the attempt is retired first. */
export function later(attempt: Attempt, ms: number, action: () => void): void {
  const timer = setTimeout(() => {
    attempt.timers.delete(timer);
    action();
  }, ms);
  attempt.timers.add(timer);
}

/** Sends waiting on this attempt become uncertain: the outbox looks them up after reconnecting. */
export function failInFlightSends(attempt: Attempt): void {
  for (const reject of attempt.lostWaiters) reject(new GatewayDisconnectedError());
  attempt.lostWaiters.clear();
}

/** Nothing the attempt's Client or timers do reaches the gateway any more. */
export function silence(attempt: Attempt): void {
  for (const timer of attempt.timers) clearTimeout(timer);
  attempt.timers.clear();
  failInFlightSends(attempt);
  if (attempt.onBrowserClosed) attempt.client.pupBrowser?.off?.('disconnected', attempt.onBrowserClosed);
  attempt.client.removeAllListeners();
  attempt.client.on('error', () => undefined);
}

/**
 * Closes the attempt's browser, also one that finishes launching after the first destroy(), and
 * kills its process if it outlives that.
 */
export async function closeClient(
  attempt: Attempt,
  log: (line: string) => void,
  beforeDestroy?: () => Promise<void>,
): Promise<void> {
  const { client } = attempt;
  if (beforeDestroy) await beforeDestroy().catch((error: unknown) => log(`before closing: ${shortReason(error)}`));
  const destroy = () =>
    withTimeout(client.destroy(), 15_000, 'destroy').catch((error: unknown) => log(`destroy: ${shortReason(error)}`));
  await destroy();
  await withTimeout(attempt.initializing, 20_000, 'initialize').catch(() => undefined);
  await destroy();
  // Our own child only, by its handle: never a browser found by name.
  const child = client.pupBrowser?.process?.();
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
