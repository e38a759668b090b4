/** How many bookings hold the shop's time at once, the rule behind both the slot list and the claim. */
import { holdsTime, type Booking } from './booking-schemas';

export interface TimeRange {
  start: number;
  end: number;
}

/**
 * The most bookings that overlap at any single instant of [start, end). Ranges are half-open, so a
 * booking that ends at 10:00 and one that starts at 10:00 never meet; services of different
 * lengths that overlap only partly are counted at the instants where they do.
 */
export function peakOccupancy(
  bookings: ReadonlyArray<Pick<Booking, 'id' | 'start' | 'end' | 'status'>>,
  range: TimeRange,
  ignoreBookingId: string | null = null,
): number {
  const changes: Array<{ at: number; delta: number }> = [];
  for (const booking of bookings) {
    if (!holdsTime(booking) || booking.id === ignoreBookingId) continue;
    if (booking.start >= range.end || booking.end <= range.start) continue;
    changes.push({ at: Math.max(booking.start, range.start), delta: 1 });
    changes.push({ at: Math.min(booking.end, range.end), delta: -1 });
  }
  // At the same instant a leaving booking is counted before an arriving one (half-open ranges).
  changes.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const change of changes) {
    current += change.delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
