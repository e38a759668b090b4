/**
 * The backend's one clock. Domain code asks it for the time; nothing else calls Date.now().
 * Test control moves it forward without stopping it, so countdowns keep running in tests.
 */
export interface Clock {
  now(): number;
  /** Called after the clock jumps (test control), so pushed state can follow at once. */
  onJump(listener: (now: number) => void): () => void;
}

export interface AdjustableClock extends Clock {
  advance(ms: number): number;
}

// The single place the backend reads the system time.
// eslint-disable-next-line no-restricted-syntax
export function createClock(source: () => number = () => Date.now()): AdjustableClock {
  let offset = 0;
  const listeners = new Set<(now: number) => void>();
  return {
    now: () => source() + offset,
    advance(ms) {
      offset += ms;
      const now = source() + offset;
      for (const listener of listeners) listener(now);
      return now;
    },
    onJump(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
