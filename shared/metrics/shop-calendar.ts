/**
 * Days, weekdays and hours on the shop's clock. Intl does the time-zone and DST work; the zone's
 * offset is looked up once per quarter hour and reused, because the heat map places every customer
 * message and formatting each one with Intl would dominate the dashboard's cost. Every offset change
 * in the tz database since 1970 falls on a quarter hour, so the reuse is exact.
 */
import { usableTimeZone } from '../templates/template-time';

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const OFFSETS_KEPT_PER_ZONE = 100_000;

export interface ShopClockTime {
  /** The shop's calendar day, `YYYY-MM-DD`. */
  day: string;
  /** 0 = Sunday … 6 = Saturday, as a Brazilian calendar lays out the week. */
  weekday: number;
  /** 0–23. */
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallClock = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
  );
  return wallClock - instant;
}

function zoneOffsetMs(at: number, timeZone: string): number {
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  }
  const quarter = Math.floor(at / QUARTER_HOUR_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= OFFSETS_KEPT_PER_ZONE) offsets.clear();
    offset = offsetAt(quarter * QUARTER_HOUR_MS, timeZone);
    offsets.set(quarter, offset);
  }
  return offset;
}

function dayLabel(wallClock: Date): string {
  const month = String(wallClock.getUTCMonth() + 1).padStart(2, '0');
  const day = String(wallClock.getUTCDate()).padStart(2, '0');
  return `${wallClock.getUTCFullYear()}-${month}-${day}`;
}

/** A mistyped zone falls back to UTC, as the templates do, rather than failing the dashboard. */
export function shopClockTime(at: number, timeZone: string): ShopClockTime {
  const zone = usableTimeZone(timeZone);
  const wallClock = new Date(at + zoneOffsetMs(at, zone));
  return {
    day: dayLabel(wallClock),
    weekday: wallClock.getUTCDay(),
    hour: wallClock.getUTCHours(),
  };
}

/** The minute of the hour on the shop's clock (offsets are whole quarter hours, so it is exact). */
export function shopMinute(at: number, timeZone: string): number {
  return new Date(at + zoneOffsetMs(at, usableTimeZone(timeZone))).getUTCMinutes();
}

/**
 * The first instant of a shop day (`YYYY-MM-DD`): its midnight, or the first hour that exists when
 * a DST change skips midnight.
 */
export function shopDayStart(day: string, timeZone: string): number {
  const zone = usableTimeZone(timeZone);
  const wallMidnight = Date.parse(`${day}T00:00:00Z`);
  // Two corrections settle the offset; a skipped midnight lands on the hour after it.
  let at = wallMidnight - zoneOffsetMs(wallMidnight, zone);
  at = wallMidnight - zoneOffsetMs(at, zone);
  return shopClockTime(at, zone).day < day ? at + 60 * 60 * 1000 : at;
}

/** The shop day `days` after `day` (negative: before), as a label. */
export function addShopDays(day: string, days: number): string {
  return dayLabel(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Every shop day that has at least one instant in [from, to), in order. */
export function shopDaysBetween(from: number, to: number, timeZone: string): string[] {
  if (to <= from) return [];
  const last = shopClockTime(to - 1, timeZone).day;
  const days: string[] = [];
  // Calendar labels stepped in UTC, which has no DST: each step is exactly one label.
  for (let label = Date.parse(shopClockTime(from, timeZone).day); ; label += DAY_MS) {
    const day = dayLabel(new Date(label));
    days.push(day);
    if (day >= last) return days;
  }
}
