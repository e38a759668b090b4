/**
 * The 24-hour customer service window, as pure arithmetic on epoch milliseconds.
 * Calendar arithmetic is never used: across a DST change a calendar day lasts 23 or 25 hours.
 */

export const WINDOW_LENGTH_MS = 24 * 60 * 60 * 1000;
const DEFAULT_CLOSING_SOON_MS = 4 * 60 * 60 * 1000;

export type WindowState = 'open' | 'closing' | 'closed';

export interface WindowStatus {
  state: WindowState;
  /** When the window closes (or closed); null when the customer never wrote. */
  expiresAt: number | null;
  /** Milliseconds left while open or closing; 0 once closed. */
  remainingMs: number;
}

export function windowExpiresAt(lastInboundAt: number): number {
  return lastInboundAt + WINDOW_LENGTH_MS;
}

/** Exactly 24 h after the last customer message the window is closed. */
export function windowStatus(
  lastInboundAt: number | null,
  now: number,
  closingSoonMs: number = DEFAULT_CLOSING_SOON_MS,
): WindowStatus {
  if (lastInboundAt === null) return { state: 'closed', expiresAt: null, remainingMs: 0 };
  const expiresAt = windowExpiresAt(lastInboundAt);
  const remainingMs = expiresAt - now;
  if (remainingMs <= 0) return { state: 'closed', expiresAt, remainingMs: 0 };
  return { state: remainingMs <= closingSoonMs ? 'closing' : 'open', expiresAt, remainingMs };
}

export function isWindowOpen(lastInboundAt: number | null, now: number): boolean {
  return lastInboundAt !== null && now < windowExpiresAt(lastInboundAt);
}

/** Out-of-order and duplicate arrivals keep the latest customer message. */
export function nextLastInboundAt(current: number | null, inboundAt: number): number {
  return current === null ? inboundAt : Math.max(current, inboundAt);
}
