/**
 * The shop-local times templates speak of. Intl does the time-zone and DST work from the platform's
 * tz data, so the greeting follows the shop's clock wherever the computer's clock is set.
 */
import type { Language } from '../domain';
import { daysBetween, usableTimeZone, zonedParts } from '../time/shop-time';

// Building an Intl formatter costs far more than using one; a preview re-renders on every keystroke.
const formatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(key: string, build: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formatters.get(key);
  if (!formatter) {
    if (formatters.size > 200) formatters.clear();
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

const greetings: Record<Language, { morning: string; afternoon: string; evening: string }> = {
  'pt-BR': { morning: 'Bom dia', afternoon: 'Boa tarde', evening: 'Boa noite' },
  en: { morning: 'Good morning', afternoon: 'Good afternoon', evening: 'Good evening' },
};

/** Morning 05:00–11:59, afternoon 12:00–17:59, evening otherwise, on the shop's clock. */
export function greetingAt(now: number, timeZone: string, language: Language): string {
  const { hh: hour } = zonedParts(now, timeZone);
  const words = greetings[language];
  if (hour >= 5 && hour < 12) return words.morning;
  if (hour >= 12 && hour < 18) return words.afternoon;
  return words.evening;
}

// ICU puts narrow no-break spaces in "2:30 PM"; a message should carry plain spaces.
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * When the window closes, for a customer to read: "14:30" today, "amanhã às 14:30" tomorrow, and
 * "25/11 às 14:30" otherwise (en: "2:30 PM", "tomorrow at 2:30 PM", "Nov 25 at 2:30 PM").
 * A window lasts 24 hours, so it nearly always closes today or tomorrow.
 */
export function formatWindowClose(expiresAt: number, now: number, timeZone: string, language: Language): string {
  const zone = usableTimeZone(timeZone);
  const time = plainSpaces(
    cachedFormatter(
      `time|${language}|${zone}`,
      () =>
        new Intl.DateTimeFormat(language, {
          timeZone: zone,
          hour: language === 'en' ? 'numeric' : '2-digit',
          minute: '2-digit',
        }),
    ).format(expiresAt),
  );
  const days = daysBetween(zonedParts(now, zone), zonedParts(expiresAt, zone));
  if (days === 0) return time;
  if (days === 1) return language === 'en' ? `tomorrow at ${time}` : `amanhã às ${time}`;
  const date = plainSpaces(
    cachedFormatter(
      `date|${language}|${zone}`,
      () =>
        new Intl.DateTimeFormat(language, {
          timeZone: zone,
          day: language === 'en' ? 'numeric' : '2-digit',
          month: language === 'en' ? 'short' : '2-digit',
        }),
    ).format(expiresAt),
  );
  return language === 'en' ? `${date} at ${time}` : `${date} às ${time}`;
}
