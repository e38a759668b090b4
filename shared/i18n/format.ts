/**
 * Times and countdowns for people: Intl in the person's locale and the shop's time zone.
 * Formatters are cached because a list of thousands of rows formats on every scroll.
 */
import type { Language } from '../domain';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** pt-BR stays pt-BR; English follows the person's own English variant (en-GB, en-US…). */
export function localeFor(language: Language, preferred: readonly string[] = []): string {
  if (language === 'pt-BR') return 'pt-BR';
  return preferred.find((tag) => /^en(-|$)/i.test(tag)) ?? 'en-US';
}

/**
 * Remaining window time as the badge shows it: `23h 59m`, `1h 05m`, `45m`, `30s`.
 * Rounded down, so the badge never promises more time than is left.
 */
export function formatCountdown(remainingMs: number): string {
  const ms = Math.max(0, remainingMs);
  if (ms < MINUTE_MS) return `${Math.floor(ms / 1000)}s`;
  const totalMinutes = Math.floor(ms / MINUTE_MS);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}m`;
  return `${hours}h ${String(minutes).padStart(2, '0')}m`;
}

function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export interface Formatter {
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** `14:05` / `2:05 PM` */
  time(at: number): string;
  /** `12 de mar. de 2025 14:05` / `Mar 12, 2025, 2:05 PM` */
  dateTime(at: number): string;
  /** Chat list: the time today, a word for yesterday, the weekday this week, else the date. */
  listTime(at: number, now: number, labels: DayLabels): string;
  /** Heading above a day's messages: Today, Yesterday or the full date. */
  dayHeading(at: number, now: number, labels: DayLabels): string;
  /** `14:05` when `at` is today, else date and time. */
  when(at: number, now: number): string;
  /** Calendar day of `at` in the time zone, as a sortable key such as 2025-03-12. */
  dayKey(at: number): string;
}

export interface DayLabels {
  today: string;
  yesterday: string;
}

export function createFormatter(options: {
  language: Language;
  timeZone?: string;
  preferredLocales?: readonly string[];
}): Formatter {
  const locale = localeFor(options.language, options.preferredLocales);
  const timeZone = validTimeZone(options.timeZone);
  const make = (format: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...format, timeZone });
  const timeFormat = make({ hour: 'numeric', minute: '2-digit' });
  const dateTimeFormat = make({ dateStyle: 'medium', timeStyle: 'short' });
  const weekdayFormat = make({ weekday: 'long' });
  const shortDateFormat = make({ day: '2-digit', month: '2-digit', year: '2-digit' });
  const longDateFormat = make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const keyFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

  const dayKey = (at: number) => keyFormat.format(at);
  // The calendar day before today, found by date arithmetic in UTC (24 h back is wrong across DST).
  const yesterdayKey = (now: number) => {
    const [year, month, day] = dayKey(now).split('-').map(Number);
    return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) - 1)).toISOString().slice(0, 10);
  };

  return {
    locale,
    timeZone,
    time: (at) => timeFormat.format(at),
    dateTime: (at) => dateTimeFormat.format(at),
    dayKey,
    listTime(at, now, labels) {
      const key = dayKey(at);
      if (key === dayKey(now)) return timeFormat.format(at);
      if (key === yesterdayKey(now)) return labels.yesterday;
      if (now - at < 6 * DAY_MS && at < now) return weekdayFormat.format(at);
      return shortDateFormat.format(at);
    },
    dayHeading(at, now, labels) {
      const key = dayKey(at);
      if (key === dayKey(now)) return labels.today;
      if (key === yesterdayKey(now)) return labels.yesterday;
      return longDateFormat.format(at);
    },
    when(at, now) {
      return dayKey(at) === dayKey(now) ? timeFormat.format(at) : dateTimeFormat.format(at);
    },
  };
}
