/** A clock that only moves when told, for unit tests. */
import { createClock, type AdjustableClock } from '../../../../electron/backend/clock';

export function createManualClock(start: number): AdjustableClock {
  return createClock(() => start);
}
