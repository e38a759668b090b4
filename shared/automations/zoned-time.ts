/**
 * Wall-clock time in the shop's zone ↔ epoch milliseconds, from the platform's tz data through Intl.
 * Opening hours are written as wall-clock times, but the bot and the window speak in instants, and
 * across a DST change a wall-clock time can be missing (a gap) or happen twice (an overlap).
 */
import { usableTimeZone } from '../templates/template-time';

/** A local date and time; `m` is 1–12 and `hh` 0–24 (24:00 is the next day's 00:00). */
export interface ZonedDateTime {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
}

export interface ZonedParts extends ZonedDateTime {
  ss: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    if (formatters.size > 200) formatters.clear();
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(usableTimeZone(timeZone)).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const date = { y: values.year ?? 1970, m: values.month ?? 1, d: values.day ?? 1 };
  return {
    ...date,
    hh: (values.hour ?? 0) % 24,
    mm: values.minute ?? 0,
    ss: values.second ?? 0,
    weekday: weekdayOf(date),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (−3 h in São Paulo is −10 800 000). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  const p = zonedParts(wholeSecond, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss) - wholeSecond;
}

/**
 * The instant a wall-clock time names. In an overlap the earlier instant wins (the shop opens the
 * first time the clock shows 23:00); in a gap the time moves forward by the gap's length (a 00:00
 * that does not exist opens at 01:00), as Temporal's 'compatible' disambiguation does.
 */
export function instantFromZoned(local: ZonedDateTime, timeZone: string): number {
  const wall = Date.UTC(local.y, local.m - 1, local.d, local.hh, local.mm);
  // Zones change offset at most a few times a year, so the offsets a day either side are the two
  // candidates around any transition near this wall-clock time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const matches = [...new Set([before, after, offsetAt(wall, timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => wall - instant === offsetAt(instant, timeZone));
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/** 'YYYY-MM-DD', the form closed dates are stored in. */
export function dateKey(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** Whole calendar days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / DAY_MS);
}
