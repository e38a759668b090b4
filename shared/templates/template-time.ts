/**
 * The shop-local times templates speak of. Intl does the time-zone and DST work from the platform's
 * tz data, so the greeting follows the shop's clock wherever the computer's clock is set.
 */
import type { Language } from '../domain';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
}

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

const resolvedZones = new Map<string, string>();

/** A setting with a mistyped zone must not stop every send: fall back to UTC. */
function usableTimeZone(timeZone: string): string {
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

function localParts(at: number, timeZone: string): LocalParts {
  const formatter = cachedFormatter(
    `parts|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        hourCycle: 'h23',
      }),
  );
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: (parts.hour ?? 0) % 24 };
}

const greetings: Record<Language, { morning: string; afternoon: string; evening: string }> = {
  'pt-BR': { morning: 'Bom dia', afternoon: 'Boa tarde', evening: 'Boa noite' },
  en: { morning: 'Good morning', afternoon: 'Good afternoon', evening: 'Good evening' },
};

/** Morning 05:00–11:59, afternoon 12:00–17:59, evening otherwise, on the shop's clock. */
export function greetingAt(now: number, timeZone: string, language: Language): string {
  const { hour } = localParts(now, usableTimeZone(timeZone));
  const words = greetings[language];
  if (hour >= 5 && hour < 12) return words.morning;
  if (hour >= 12 && hour < 18) return words.afternoon;
  return words.evening;
}

// ICU puts narrow no-break spaces in "2:30 PM"; a message should carry plain spaces.
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

function dayNumber(parts: LocalParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
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
  const days = dayNumber(localParts(expiresAt, zone)) - dayNumber(localParts(now, zone));
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
