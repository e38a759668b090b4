/**
 * The last check before a booking is written. When two customers pick the same last slot at the
 * same moment, the backend handles their confirmations one after the other and runs `canBook`
 * against the bookings as they are at that instant, in the same step as the write: the first one
 * gets the slot, the second sees it taken and is offered `nextFreeSlotsAfter`.
 */
import type { AgendaSettings, Booking } from './booking-schemas';
import { peakOccupancy, type TimeRange } from './occupancy';

export interface BookingCandidate extends TimeRange {
  /** When moving a booking, its current time does not count against the new one. */
  replacesBookingId?: string | null;
}

export function canBook(
  bookings: ReadonlyArray<Pick<Booking, 'id' | 'start' | 'end' | 'status'>>,
  candidate: BookingCandidate,
  settings: Pick<AgendaSettings, 'capacity'>,
): boolean {
  if (candidate.end <= candidate.start) return false;
  return peakOccupancy(bookings, candidate, candidate.replacesBookingId ?? null) < settings.capacity;
}

/** The free slots that start after the one that was taken, nearest first. */
export function nextFreeSlotsAfter(freeSlotStarts: readonly number[], takenStart: number, limit = 9): number[] {
  return freeSlotStarts.filter((start) => start > takenStart).slice(0, limit);
}
