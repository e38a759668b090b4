/**
 * The renderer's idea of "now": the backend's clock (which tests can move) plus the time that
 * passed here since the backend last said what time it was. No component reads Date.now().
 */
import { create } from 'zustand';

interface ClockState {
  /** Backend time, extrapolated; updated by `tick` once a second and at once by `sync`. */
  now: number;
  backendNow: number;
  /** `performance.now()` when `backendNow` arrived. */
  receivedAt: number;
  sync(backendNow: number, localNow: number): void;
  tick(localNow: number): void;
}

export const useClock = create<ClockState>()((set, get) => ({
  now: 0,
  backendNow: 0,
  receivedAt: 0,
  sync: (backendNow, localNow) => set({ backendNow, receivedAt: localNow, now: backendNow }),
  tick: (localNow) => {
    const { backendNow, receivedAt } = get();
    set({ now: backendNow + Math.max(0, localNow - receivedAt) });
  },
}));
