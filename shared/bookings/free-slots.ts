/**
 * Free slots: where a service fits into the shop's open time, minus what is already booked. Open time
 * comes in as epoch-ms intervals (business hours with closed dates already removed), so this stays a
 * pure function of its inputs and knows nothing of weekdays or holidays.
 */
import type { AgendaSettings, Booking, Service } from './booking-schemas';
import { peakOccupancy, type TimeRange } from './occupancy';
import { addDaysToKey, type DayKey, dayKeyOf, startOfDay } from '../time/shop-time';

const MINUTE_MS = 60_000;

export interface FreeSlotsInput {
  service: Pick<Service, 'durationMin'>;
  settings: Pick<AgendaSettings, 'maxDaysAhead' | 'minNoticeMin' | 'slotStepMin' | 'capacity'>;
  openIntervals: ReadonlyArray<TimeRange>;
  bookings: ReadonlyArray<Pick<Booking, 'id' | 'start' | 'end' | 'status'>>;
  now: number;
  timeZone: string;
  /** The booking being moved: its own time does not block its new time. */
  movingBookingId?: string | null;
}

export interface FreeDay {
  date: DayKey;
  slots: number[];
}

/**
 * Intervals that touch or overlap are one stretch of open time (9–12 and 12–18 is open 9–18, and a
 * night that crosses midnight is one night), so a service may run across the seam.
 */
function mergeIntervals(intervals: ReadonlyArray<TimeRange>): TimeRange[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/** The last local day a customer may book, counted on the shop's calendar from today. */
export function lastBookableDate(now: number, timeZone: string, maxDaysAhead: number): DayKey {
  return addDaysToKey(dayKeyOf(now, timeZone), maxDaysAhead);
}

/**
 * The span to ask the business hours for: from the start of the local day of the earliest allowed
 * start to the end of the last bookable day. Whole days, so that today's open time keeps its real
 * opening and the slot grid stays on it (14:30, not the 14:17 that now plus notice happens to be);
 * `freeSlots` drops the starts before the notice.
 */
export function bookingHorizon(
  now: number,
  timeZone: string,
  settings: Pick<AgendaSettings, 'maxDaysAhead' | 'minNoticeMin'>,
): TimeRange {
  const dayAfterLast = addDaysToKey(lastBookableDate(now, timeZone, settings.maxDaysAhead), 1);
  const earliestDay = dayKeyOf(now + settings.minNoticeMin * MINUTE_MS, timeZone);
  return { start: startOfDay(earliestDay, timeZone), end: startOfDay(dayAfterLast, timeZone) };
}

/** Slot starts (epoch ms, ascending) where the service can be booked now. */
export function freeSlots(input: FreeSlotsInput): number[] {
  const { service, settings, now, timeZone } = input;
  const durationMs = service.durationMin * MINUTE_MS;
  const stepMs = settings.slotStepMin * MINUTE_MS;
  const earliest = now + settings.minNoticeMin * MINUTE_MS;
  const lastDate = lastBookableDate(now, timeZone, settings.maxDaysAhead);
  const slots: number[] = [];
  for (const interval of mergeIntervals(input.openIntervals)) {
    // The grid starts at the interval's opening, so 9:15 openings give 9:15, 9:45… not 9:30.
    for (let start = interval.start; start + durationMs <= interval.end; start += stepMs) {
      if (start < earliest) continue;
      if (dayKeyOf(start, timeZone) > lastDate) return slots;
      const occupied = peakOccupancy(input.bookings, { start, end: start + durationMs }, input.movingBookingId);
      if (occupied < settings.capacity) slots.push(start);
    }
  }
  return slots;
}

/** Slots grouped by the shop's local day, days in order, only days with at least one slot. */
export function freeDays(input: FreeSlotsInput): FreeDay[] {
  return groupSlotsByDay(freeSlots(input), input.timeZone);
}

export function groupSlotsByDay(slots: readonly number[], timeZone: string): FreeDay[] {
  const days: FreeDay[] = [];
  for (const slot of slots) {
    const date = dayKeyOf(slot, timeZone);
    const last = days[days.length - 1];
    if (last && last.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}
