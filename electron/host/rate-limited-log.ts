/**
 * A log for things a hostile or broken client can repeat at will (malformed frames, protocol
 * errors): the first few lines of each minute are written, then one line saying how many were not.
 */
export interface RateLimitedLogOptions {
  perWindow: number;
  windowMs: number;
  /** Monotonic time; the host is not domain code and does not need the app's clock. */
  now: () => number;
}

export function rateLimitedLog(log: (line: string) => void, options: RateLimitedLogOptions): (line: string) => void {
  let windowStart = -Infinity;
  let written = 0;
  let suppressed = 0;
  return (line) => {
    const now = options.now();
    if (now - windowStart >= options.windowMs) {
      if (suppressed > 0) log(`${suppressed} more such lines were not logged`);
      windowStart = now;
      written = 0;
      suppressed = 0;
    }
    if (written < options.perWindow) {
      written += 1;
      log(line);
    } else suppressed += 1;
  };
}
