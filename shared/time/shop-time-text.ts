/**
 * Days and times on the shop's clock as a customer reads them in a booking or order message.
 * Built by hand rather than by Intl, whose abbreviations and punctuation change between ICU
 * versions and would reach customers.
 */
import type { Language } from '../domain';
import { dayKeyOf, parseDayKey, weekdayOfKey, zonedParts, type DayKey } from './shop-time';

const weekdayNames: Record<Language, readonly string[]> = {
  'pt-BR': ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A day as a customer reads it in a list: "sex 28/11" or "Fri Nov 28". */
export function formatShopDay(day: DayKey, language: Language): string {
  const parts = parseDayKey(day);
  if (!parts) return day;
  const weekday = weekdayNames[language][weekdayOfKey(day)] ?? '';
  if (language === 'en') return `${weekday} ${monthNames[parts.month - 1] ?? ''} ${parts.day}`;
  return `${weekday} ${pad(parts.day)}/${pad(parts.month)}`;
}

/** A clock time on the shop's clock: "14:30" or "2:30 PM". */
export function formatShopTime(at: number, timeZone: string, language: Language): string {
  const { hh: hour, mm: minute } = zonedParts(at, timeZone);
  if (language === 'pt-BR') return `${pad(hour)}:${pad(minute)}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "sex 28/11 às 14:30" or "Fri Nov 28 at 2:30 PM". */
export function formatShopDayTime(at: number, timeZone: string, language: Language): string {
  const day = formatShopDay(dayKeyOf(at, timeZone), language);
  return `${day} ${language === 'en' ? 'at' : 'às'} ${formatShopTime(at, timeZone, language)}`;
}
