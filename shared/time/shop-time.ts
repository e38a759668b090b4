/**
 * The shop's clock: instants (epoch ms) ↔ dates and wall-clock times in the shop's time zone. Intl
 * does the zone and DST work from the platform's tz data. A day on the shop's calendar is a
 * `DayKey`, 'YYYY-MM-DD', so day arithmetic never touches epoch milliseconds (a local day lasts 23
 * or 25 hours across a DST change); the bot's opening hours use the same day as numbers
 * (`CalendarDate`).
 *
 * The zone's offset is looked up once per quarter hour and reused, because the metrics heat map
 * places every customer message and formatting each one with Intl would dominate its cost. Every
 * offset change in the tz database since 1970 falls on a quarter hour, so the reuse is exact.
 */

/** A day on the shop's calendar, 'YYYY-MM-DD'. */
export type DayKey = string;

/** A day on the shop's calendar as numbers; `m` is 1–12. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** A local date and time; `hh` 0–24 (24:00 is the next day's 00:00). */
export interface ZonedDateTime extends CalendarDate {
  hh: number;
  mm: number;
}

export interface ZonedParts extends ZonedDateTime {
  ss: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export interface ShopClockTime {
  day: DayKey;
  /** 0 = Sunday … 6 = Saturday, as a Brazilian calendar lays out the week. */
  weekday: number;
  /** 0–23. */
  hour: number;
}

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const OFFSETS_KEPT_PER_ZONE = 100_000;

const resolvedZones = new Map<string, string>();

/** A setting with a mistyped zone must not stop a send, the bot or the dashboard: fall back to UTC. */
export function usableTimeZone(timeZone: string): string {
  let zone = resolvedZones.get(timeZone);
  if (zone === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      zone = timeZone;
    } catch {
      zone = 'UTC';
    }
    if (resolvedZones.size > 200) resolvedZones.clear();
    resolvedZones.set(timeZone, zone);
  }
  return zone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, number>>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    if (formatters.size > 200) formatters.clear();
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The offset at the start of a quarter hour, asked of Intl (−3 h in São Paulo is −10 800 000). */
function offsetAtQuarter(quarterStart: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(quarterStart)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
  );
  return wallClock - quarterStart;
}

/** The zone's offset from UTC at an instant; `zone` already usable. */
function offsetAt(at: number, zone: string): number {
  let offsets = offsetsByZone.get(zone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(zone, offsets);
  }
  const quarter = Math.floor(at / QUARTER_HOUR_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= OFFSETS_KEPT_PER_ZONE) offsets.clear();
    offset = offsetAtQuarter(quarter * QUARTER_HOUR_MS, zone);
    offsets.set(quarter, offset);
  }
  return offset;
}

/** The shop's wall clock at an instant, as a Date whose UTC fields read it. */
function wallClockAt(at: number, timeZone: string): Date {
  return new Date(at + offsetAt(at, usableTimeZone(timeZone)));
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function dayKeyOfWallClock(wallClock: Date): DayKey {
  return toDayKey(wallClock.getUTCFullYear(), wallClock.getUTCMonth() + 1, wallClock.getUTCDate());
}

export function zonedParts(at: number, timeZone: string): ZonedParts {
  const wallClock = wallClockAt(at, timeZone);
  return {
    y: wallClock.getUTCFullYear(),
    m: wallClock.getUTCMonth() + 1,
    d: wallClock.getUTCDate(),
    hh: wallClock.getUTCHours(),
    mm: wallClock.getUTCMinutes(),
    ss: wallClock.getUTCSeconds(),
    weekday: wallClock.getUTCDay(),
  };
}

/** The day, weekday and hour on the shop's clock: what the metrics place each message by. */
export function shopClockTime(at: number, timeZone: string): ShopClockTime {
  const wallClock = wallClockAt(at, timeZone);
  return { day: dayKeyOfWallClock(wallClock), weekday: wallClock.getUTCDay(), hour: wallClock.getUTCHours() };
}

/** The minute of the hour on the shop's clock (offsets are whole quarter hours, so it is exact). */
export function shopMinute(at: number, timeZone: string): number {
  return wallClockAt(at, timeZone).getUTCMinutes();
}

/** The shop's calendar day an instant falls on. */
export function dayKeyOf(at: number, timeZone: string): DayKey {
  return dayKeyOfWallClock(wallClockAt(at, timeZone));
}

/**
 * The instant a wall-clock time names. In an overlap the earlier instant wins (the shop opens the
 * first time the clock shows 23:00); in a gap the time moves forward by the gap's length (a 00:00
 * that does not exist opens at 01:00), as Temporal's 'compatible' disambiguation does.
 */
export function instantFromZoned(local: ZonedDateTime, timeZone: string): number {
  const zone = usableTimeZone(timeZone);
  const wall = Date.UTC(local.y, local.m - 1, local.d, local.hh, local.mm);
  // Zones change offset at most a few times a year, so the offsets a day either side are the two
  // candidates around any transition near this wall-clock time.
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const matches = [...new Set([before, after, offsetAt(wall, zone)])]
    .map((offset) => wall - offset)
    .filter((instant) => wall - instant === offsetAt(instant, zone));
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
}

/**
 * The first instant of a shop day: its midnight, or, where midnight does not exist (São Paulo's
 * DST used to start at 00:00), the first minute that does, 01:00.
 */
export function startOfDay(day: DayKey, timeZone: string): number {
  const date = calendarDateOfKey(day);
  return instantFromZoned({ ...date, hh: 0, mm: 0 }, timeZone);
}

export function toDayKey(year: number, month: number, day: number): DayKey {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The parts of a well-formed day that exists on the calendar (no 31/02); null otherwise. */
export function parseDayKey(day: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, date));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) return null;
  return { year, month, day: date };
}

function calendarDateOfKey(day: DayKey): CalendarDate {
  const parts = parseDayKey(day);
  if (!parts) throw new RangeError(`not a calendar date: ${day}`);
  return { y: parts.year, m: parts.month, d: parts.day };
}

/** The shop day `days` after `day` (negative: before). */
export function addDaysToKey(day: DayKey, days: number): DayKey {
  return dayKeyOfDate(addDaysToDate(calendarDateOfKey(day), days));
}

/** 0 for Sunday … 6 for Saturday, as `Date.getDay`. */
export function weekdayOfKey(day: DayKey): number {
  return weekdayOfDate(calendarDateOfKey(day));
}

/** Every shop day that has at least one instant in [from, to), in order. */
export function dayKeysBetween(from: number, to: number, timeZone: string): DayKey[] {
  if (to <= from) return [];
  const last = dayKeyOf(to - 1, timeZone);
  const days: DayKey[] = [];
  for (let day = dayKeyOf(from, timeZone); ; day = addDaysToKey(day, 1)) {
    days.push(day);
    if (day >= last) return days;
  }
}

export function weekdayOfDate(date: CalendarDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function addDaysToDate(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

export function dayKeyOfDate(date: CalendarDate): DayKey {
  return toDayKey(date.y, date.m, date.d);
}

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / DAY_MS);
}
