/**
 * Numbers, shares, durations and days as the dashboard shows them, in the UI's language:
 * pt-BR "1.234", "87%", "25 min", "1 h 5 min", "26/11".
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface MetricsFormat {
  count(value: number): string;
  share(value: number): string;
  duration(ms: number): string;
  /** A `YYYY-MM-DD` shop day, as day and month. */
  day(day: string): string;
  average(value: number): string;
  plural(count: number): Intl.LDMLPluralRule;
}

export function createMetricsFormat(locale: string): MetricsFormat {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const unit = (name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
  const seconds = unit('second');
  const minutes = unit('minute');
  const hours = unit('hour');
  const dayMonth = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
  const plurals = new Intl.PluralRules(locale);
  return {
    count: (value) => count.format(value),
    share: (value) => share.format(value),
    average: (value) => average.format(value),
    duration(ms) {
      if (ms < MINUTE) return seconds.format(Math.round(ms / SECOND));
      if (ms < HOUR) return minutes.format(Math.round(ms / MINUTE));
      const wholeMinutes = Math.round(ms / MINUTE);
      const h = Math.floor(wholeMinutes / 60);
      const m = wholeMinutes % 60;
      return m === 0 ? hours.format(h) : `${hours.format(h)} ${minutes.format(m)}`;
    },
    day: (day) => dayMonth.format(Date.parse(`${day}T12:00:00Z`)),
    plural: (value) => plurals.select(value),
  };
}
