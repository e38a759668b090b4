/**
 * Calendar days and clock times in the shop's time zone. Intl does the zone and DST work from the
 * platform's tz data; a local day is a 'YYYY-MM-DD' string, so day arithmetic never touches epoch
 * milliseconds (a local day lasts 23 or 25 hours across a DST change).
 */
import type { Language } from '../domain';

/** A day on the shop's calendar, 'YYYY-MM-DD'. */
export type LocalDate = string;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A mistyped zone in the settings must not stop the bot: the shop's clock falls back to UTC. */
function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: knownTimeZone(timeZone),
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

function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

export function toLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The parts of a well-formed date that exists on the calendar (no 31/02); null otherwise. */
export function parseLocalDate(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

function utcNoonOf(date: LocalDate): number {
  const parts = parseLocalDate(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day, 12);
}

export function localDateOf(at: number, timeZone: string): LocalDate {
  const parts = localParts(at, timeZone);
  return toLocalDate(parts.year, parts.month, parts.day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(utcNoonOf(date) + days * DAY_MS);
  return toLocalDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** 0 for Sunday … 6 for Saturday, as `Date.getDay`. */
export function weekdayOf(date: LocalDate): number {
  return new Date(utcNoonOf(date)).getUTCDay();
}

function offsetAt(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The first instant of a local day. Where midnight does not exist (São Paulo's DST used to start
 * at 00:00), the day starts at the first minute that does, 01:00.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const utcMidnight = utcNoonOf(date) - DAY_MS / 2;
  const first = utcMidnight - offsetAt(utcMidnight, timeZone);
  const second = utcMidnight - offsetAt(first, timeZone);
  const candidates = [first, second].filter((at) => localDateOf(at, timeZone) === date);
  return candidates.length > 0 ? Math.min(...candidates) : first;
}

const weekdayNames: Record<Language, readonly string[]> = {
  'pt-BR': ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A day as a customer reads it in a list: "sex 28/11" or "Fri Nov 28". Built by hand rather than by
 * Intl, whose abbreviations and punctuation change between ICU versions and would reach customers.
 */
export function formatLocalDay(date: LocalDate, language: Language): string {
  const parts = parseLocalDate(date);
  if (!parts) return date;
  const weekday = weekdayNames[language][weekdayOf(date)] ?? '';
  if (language === 'en') return `${weekday} ${monthNames[parts.month - 1] ?? ''} ${parts.day}`;
  return `${weekday} ${pad(parts.day)}/${pad(parts.month)}`;
}

/** A clock time on the shop's clock: "14:30" or "2:30 PM". */
export function formatLocalTime(at: number, timeZone: string, language: Language): string {
  const { hour, minute } = localParts(at, timeZone);
  if (language === 'pt-BR') return `${pad(hour)}:${pad(minute)}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "sex 28/11 às 14:30" or "Fri Nov 28 at 2:30 PM". */
export function formatLocalDayTime(at: number, timeZone: string, language: Language): string {
  const day = formatLocalDay(localDateOf(at, timeZone), language);
  return `${day} ${language === 'en' ? 'at' : 'às'} ${formatLocalTime(at, timeZone, language)}`;
}
