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

// ICU puts narrow no-break spaces in "2:30 PM"; plain spaces read and search the same everywhere.
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
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
  /** `14:05` / `2:05 PM`: pt-BR always 24-hour with two-digit hours, English `h:mm a`. */
  time(at: number): string;
  /** `12 de mar. de 2025 14:05` / `Mar 12, 2025, 2:05 PM` */
  dateTime(at: number): string;
  /** Chat list: the time today, a word for yesterday, the weekday this week, else the date. */
  listTime(at: number, now: number, labels: DayLabels): string;
  /** Heading above a day's messages: Today, Yesterday or the full date. */
  dayHeading(at: number, now: number, labels: DayLabels): string;
  /**
   * A moment near now, one style per language: `hoje às 14:05`, `amanhã às 09:30`, `ontem às 18:00`,
   * `12/03 às 14:05` / `today at 2:05 PM`, `tomorrow at 9:30 AM`, `Mar 12 at 2:05 PM`.
   */
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
  // Each format is built on first use: building one costs about a millisecond, and the chat list's
  // first screen, which builds this formatter, uses half of them.
  const make = (format: Intl.DateTimeFormatOptions) => {
    let built: Intl.DateTimeFormat | undefined;
    return { format: (at: number) => (built ??= new Intl.DateTimeFormat(locale, { ...format, timeZone })).format(at) };
  };
  // One time style per language: never "6:37" beside "06:37".
  const english = options.language === 'en';
  const timeFormat = make(
    english
      ? { hour: 'numeric', minute: '2-digit', hour12: true }
      : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  );
  const dateTimeFormat = make(
    english
      ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true }
      : { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  );
  const dayMonthFormat = make(english ? { month: 'short', day: 'numeric' } : { day: '2-digit', month: '2-digit' });
  const words = english
    ? { today: 'today', tomorrow: 'tomorrow', yesterday: 'yesterday', at: 'at' }
    : { today: 'hoje', tomorrow: 'amanhã', yesterday: 'ontem', at: 'às' };
  const weekdayFormat = make({ weekday: 'long' });
  const shortDateFormat = make({ day: '2-digit', month: '2-digit', year: '2-digit' });
  const longDateFormat = make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const keyFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

  const dayKey = (at: number) => keyFormat.format(at);
  // The calendar day before today, found by date arithmetic in UTC (24 h back is wrong across DST).
  const shiftedKey = (now: number, days: number) => {
    const [year, month, day] = dayKey(now).split('-').map(Number);
    return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
  };
  const yesterdayKey = (now: number) => shiftedKey(now, -1);
  const time = (at: number) => plainSpaces(timeFormat.format(at));

  return {
    locale,
    timeZone,
    time,
    dateTime: (at) => plainSpaces(dateTimeFormat.format(at)),
    dayKey,
    listTime(at, now, labels) {
      const key = dayKey(at);
      if (key === dayKey(now)) return time(at);
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
      const key = dayKey(at);
      const day =
        key === dayKey(now)
          ? words.today
          : key === shiftedKey(now, 1)
            ? words.tomorrow
            : key === yesterdayKey(now)
              ? words.yesterday
              : dayMonthFormat.format(at);
      return `${day} ${words.at} ${time(at)}`;
    },
  };
}
