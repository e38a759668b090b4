/**
 * What the gateway does after WhatsApp or the browser lets go: pure decisions, unit-tested, so
 * the lifecycle code only carries them out.
 */

export type Recovery =
  /** The phone unlinked or logged out: show a fresh QR at once, never a retry loop. */
  | { action: 'new-qr'; reason: string }
  /** WhatsApp banned the number: stop and explain. */
  | { action: 'blocked'; reason: string }
  /** WhatsApp Web changed under the library: stop instead of crash-looping. */
  | { action: 'update-needed'; reason: string }
  /** Waits for the person (another WhatsApp Web took over, an expired QR): reconnect() resumes. */
  | { action: 'wait'; reason: string }
  /** Network, timeouts, crashed browser: a fresh Client after a backoff. */
  | { action: 'retry'; reason: string }
  /** The browser could not start at all: retrying would fail the same way. */
  | { action: 'browser-failed'; reason: string };

/** The library's `disconnected` reasons (a WAState, 'LOGOUT', or a sentence of its own). */
export function recoveryForDisconnect(reason: string): Recovery {
  switch (reason) {
    case 'LOGOUT':
    case 'UNPAIRED':
    case 'UNPAIRED_IDLE':
      return { action: 'new-qr', reason };
    case 'TOS_BLOCK':
    case 'SMB_TOS_BLOCK':
      return { action: 'blocked', reason };
    case 'DEPRECATED_VERSION':
      return { action: 'update-needed', reason };
    case 'CONFLICT':
      return { action: 'wait', reason };
    case 'Max qrcode retries reached':
      return { action: 'wait', reason: 'QR_EXPIRED' };
    default:
      return { action: 'retry', reason: reason || 'DISCONNECTED' };
  }
}

/** initialize() rejects with Errors and, for its own timeouts, with plain strings. */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** The first line only, without URLs' query strings: status reasons end up on screen and in logs. */
export function shortReason(error: unknown): string {
  const firstLine = errorText(error).split('\n')[0] ?? '';
  return firstLine.replace(/\?\S*/g, '').slice(0, 200);
}

export type InitializeFailure = 'network' | 'inject' | 'browser-launch' | 'crash';

/**
 * Why initialize() failed. `inject` (WhatsApp Web did not look like what the library expects)
 * becomes update-needed after a few in a row; the others retry or stop as their name says.
 */
export function classifyInitializeFailure(error: unknown): InitializeFailure {
  const text = errorText(error);
  if (/net::ERR_|ERR_INTERNET_DISCONNECTED|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/.test(text))
    return 'network';
  if (/Failed to launch the browser process|Browser was not found|spawn .*(ENOENT|EACCES)|executable/i.test(text))
    return 'browser-launch';
  if (
    /Target closed|Session closed|Protocol error|Connection closed|detached|Execution context was destroyed|browser has disconnected/i.test(
      text,
    )
  )
    return 'crash';
  if (
    text === 'auth timeout' ||
    text === 'ready timeout' ||
    /Evaluation failed|is not a function|Cannot read properties|is not defined|undefined is not/i.test(text)
  )
    return 'inject';
  return 'network';
}

/** Exponential backoff: base, 2×base, 4×base… capped at max. `attempt` counts from 1. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** WhatsApp Web's socket states that mean the link is gone although no `disconnected` came. */
export function isLostLinkState(state: string | null): boolean {
  return (
    state !== null &&
    [
      'UNPAIRED',
      'UNPAIRED_IDLE',
      'TOS_BLOCK',
      'SMB_TOS_BLOCK',
      'DEPRECATED_VERSION',
      'CONFLICT',
      'PROXYBLOCK',
      'UNLAUNCHED',
    ].includes(state)
  );
}

/** States WhatsApp Web recovers from by itself for a while (its own socket retries). */
export function isTransientState(state: string | null): boolean {
  return state === 'TIMEOUT' || state === 'OPENING' || state === 'PAIRING';
}
