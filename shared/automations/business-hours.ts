/**
 * When the shop is open: per weekday, zero or more wall-clock intervals in the shop's zone, minus
 * closed dates. Intervals stay within their day ('24:00' ends at midnight); a shop open 22:00–24:00
 * on Monday and 00:00–02:00 on Tuesday is open without a break from 22:00 to 02:00.
 */
import { z } from 'zod';
import {
  addDaysToDate,
  type CalendarDate,
  dayKeyOfDate,
  instantFromZoned,
  weekdayOfDate,
  zonedParts,
} from '../time/shop-time';

const clockTimePattern = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const clockTimeSchema = z.string().regex(clockTimePattern, 'expected a time such as 09:00 (24:00 for midnight)');

export const openingIntervalSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((interval) => interval.start !== '24:00', { message: 'an opening cannot start at 24:00', path: ['start'] })
  .refine((interval) => interval.end > interval.start, { message: 'closing must be after opening', path: ['end'] });
export type OpeningInterval = z.infer<typeof openingIntervalSchema>;

/** One day's openings, in order and not overlapping (one may end when the next starts). */
export const dayOpeningsSchema = z.array(openingIntervalSchema).superRefine((intervals, context) => {
  intervals.forEach((interval, index) => {
    const previous = intervals[index - 1];
    if (previous && interval.start < previous.end) {
      context.addIssue({ code: 'custom', message: 'openings must be in order and must not overlap', path: [index] });
    }
  });
});

export const localDateKeySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-12-25')
  .refine((key) => dayKeyOfDate(parseDateKey(key)) === key, 'expected a real calendar date');

export const businessHoursSchema = z.object({
  /** Index 0 is Sunday, 6 is Saturday. */
  weekly: z.array(dayOpeningsSchema).length(7),
  /** Days the shop stays closed whatever the weekday says: holidays, vacation. */
  closedDates: z.array(localDateKeySchema),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export interface OpenInterval {
  start: number;
  end: number;
}

/** Mon–Fri 09:00–18:00, Sat 09:00–13:00: what a new shop sees before setting its own. */
export function defaultBusinessHours(): BusinessHours {
  const weekday = [{ start: '09:00', end: '18:00' }];
  return {
    weekly: [[], weekday, weekday, weekday, weekday, weekday, [{ start: '09:00', end: '13:00' }]],
    closedDates: [],
  };
}

/** How far ahead "next opening" and "closes at" look before giving up. */
export const LOOKAHEAD_DAYS = 366;

function parseDateKey(key: string): CalendarDate {
  const [y = 0, m = 0, d = 0] = key.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function instantAt(date: CalendarDate, clockTime: string, timeZone: string): number {
  const [hh = 0, mm = 0] = clockTime.split(':').map(Number);
  const day = hh === 24 ? addDaysToDate(date, 1) : date;
  return instantFromZoned({ ...day, hh: hh % 24, mm }, timeZone);
}

/** One local date's openings as instants, in order; empty ones (swallowed by a DST gap) dropped. */
function openingsOn(hours: BusinessHours, timeZone: string, date: CalendarDate, closed: ReadonlySet<string>) {
  const intervals = hours.weekly[weekdayOfDate(date)] ?? [];
  if (intervals.length === 0 || closed.has(dayKeyOfDate(date))) return [];
  return intervals
    .map((interval) => ({
      start: instantAt(date, interval.start, timeZone),
      end: instantAt(date, interval.end, timeZone),
    }))
    .filter((interval) => interval.end > interval.start);
}

/**
 * The openings that end after `from`, day by day, unmerged and in order. Starts a day early because
 * the local date at `from` says little about a day whose 24:00 end is still ahead in an overlap.
 */
function* openingsFrom(hours: BusinessHours, timeZone: string, from: number, days: number) {
  const closed = new Set(hours.closedDates);
  const first = addDaysToDate(zonedParts(from, timeZone), -1);
  for (let offset = 0; offset <= days + 1; offset += 1) {
    for (const interval of openingsOn(hours, timeZone, addDaysToDate(first, offset), closed)) {
      if (interval.end > from) yield interval;
    }
  }
}

export function isOpenAt(hours: BusinessHours, timeZone: string, instant: number): boolean {
  // Openings come in order, so the first one still running after `instant` decides.
  for (const interval of openingsFrom(hours, timeZone, instant, 1)) return interval.start <= instant;
  return false;
}

/** The earliest instant at or after `instant` when the shop is open: `instant` itself if open now. */
export function nextOpening(hours: BusinessHours, timeZone: string, instant: number): { at: number } | null {
  for (const interval of openingsFrom(hours, timeZone, instant, LOOKAHEAD_DAYS)) {
    return { at: Math.max(interval.start, instant) };
  }
  return null;
}

/**
 * When the shop closes, if it is open at `instant`, following openings that join up across
 * midnight. Null when closed now, or when it does not close within LOOKAHEAD_DAYS (open all the time).
 */
export function currentClosing(hours: BusinessHours, timeZone: string, instant: number): number | null {
  let closesAt: number | null = null;
  for (const interval of openingsFrom(hours, timeZone, instant, LOOKAHEAD_DAYS)) {
    if (closesAt === null) {
      if (interval.start > instant) return null;
      closesAt = interval.end;
    } else if (interval.start <= closesAt) {
      closesAt = Math.max(closesAt, interval.end);
    } else {
      return closesAt;
    }
  }
  return null;
}

/**
 * The stretches of [from, to) when the shop is open, as epoch-ms intervals clipped to the range, in
 * order, with openings that touch (22:00–24:00 then 00:00–02:00) merged into one.
 */
export function openIntervalsBetween(hours: BusinessHours, timeZone: string, from: number, to: number): OpenInterval[] {
  const merged: OpenInterval[] = [];
  if (to <= from) return merged;
  const days = Math.ceil((to - from) / 86_400_000) + 1;
  for (const interval of openingsFrom(hours, timeZone, from, days)) {
    if (interval.start >= to) break;
    const clipped = { start: Math.max(interval.start, from), end: Math.min(interval.end, to) };
    const last = merged[merged.length - 1];
    if (last && clipped.start <= last.end) last.end = Math.max(last.end, clipped.end);
    else merged.push(clipped);
  }
  return merged;
}
