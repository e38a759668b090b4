/**
 * The `{{next_open}}` value of an away message, for a customer to read: "hoje às 09:00",
 * "amanhã às 09:00", "segunda-feira às 09:00" within a week, "25/12 às 09:00" beyond
 * (en: "today at 9:00 AM", "tomorrow at 9:00 AM", "Monday at 9:00 AM", "Dec 25 at 9:00 AM").
 */
import type { Language } from '../domain';
import { daysBetween, usableTimeZone, zonedParts } from '../time/shop-time';

const formatters = new Map<string, Intl.DateTimeFormat>();

function format(key: string, options: Intl.DateTimeFormatOptions, language: Language, at: number): string {
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size > 200) formatters.clear();
    formatter = new Intl.DateTimeFormat(language, options);
    formatters.set(key, formatter);
  }
  // ICU puts narrow no-break spaces in "9:00 AM"; a message should carry plain spaces.
  return formatter.format(at).replace(/[\u202f\u00a0]/g, ' ');
}

export function formatNextOpening(at: number, now: number, timeZone: string, language: Language): string {
  const zone = usableTimeZone(timeZone);
  const local = zonedParts(at, zone);
  const time =
    language === 'en'
      ? format(`time|en|${zone}`, { timeZone: zone, hour: 'numeric', minute: '2-digit' }, language, at)
      : `${String(local.hh).padStart(2, '0')}:${String(local.mm).padStart(2, '0')}`;
  const days = daysBetween(zonedParts(now, zone), local);
  const joiner = language === 'en' ? 'at' : 'às';
  if (days <= 0) return language === 'en' ? `today at ${time}` : `hoje às ${time}`;
  if (days === 1) return language === 'en' ? `tomorrow at ${time}` : `amanhã às ${time}`;
  const day =
    days < 7
      ? format(`weekday|${language}|${zone}`, { timeZone: zone, weekday: 'long' }, language, at)
      : format(
          `date|${language}|${zone}`,
          language === 'en'
            ? { timeZone: zone, month: 'short', day: 'numeric' }
            : { timeZone: zone, day: '2-digit', month: '2-digit' },
          language,
          at,
        );
  return `${day} ${joiner} ${time}`;
}
