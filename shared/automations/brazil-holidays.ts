/**
 * Brazil's national holidays for a year, computed, so that "close on holidays" needs no yearly
 * update. Moving feasts follow Easter; `optional` marks a federal ponto facultativo (Carnaval,
 * Corpus Christi): not a holiday by law, yet most shops close, so they are offered and can be unticked.
 */
import type { Language } from '../domain';
import { addDaysToDate, type CalendarDate, dayKeyOfDate } from '../time/shop-time';

export interface BrazilHoliday {
  /** 'YYYY-MM-DD'. */
  date: string;
  name: Record<Language, string>;
  optional: boolean;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y: year, m: month, d: day };
}

interface HolidayRule {
  name: Record<Language, string>;
  optional: boolean;
  /** The first year it is a national holiday. */
  since?: number;
}

const fixed: Array<HolidayRule & { month: number; day: number }> = [
  { month: 1, day: 1, name: { 'pt-BR': 'Confraternização Universal', en: "New Year's Day" }, optional: false },
  { month: 4, day: 21, name: { 'pt-BR': 'Tiradentes', en: 'Tiradentes Day' }, optional: false },
  { month: 5, day: 1, name: { 'pt-BR': 'Dia do Trabalho', en: 'Labour Day' }, optional: false },
  { month: 9, day: 7, name: { 'pt-BR': 'Independência do Brasil', en: 'Independence Day' }, optional: false },
  { month: 10, day: 12, name: { 'pt-BR': 'Nossa Senhora Aparecida', en: 'Our Lady of Aparecida' }, optional: false },
  { month: 11, day: 2, name: { 'pt-BR': 'Finados', en: "All Souls' Day" }, optional: false },
  { month: 11, day: 15, name: { 'pt-BR': 'Proclamação da República', en: 'Republic Day' }, optional: false },
  // Lei 14.759/2023 made it national from 2024 on.
  {
    month: 11,
    day: 20,
    name: { 'pt-BR': 'Dia da Consciência Negra', en: 'Black Consciousness Day' },
    optional: false,
    since: 2024,
  },
  { month: 12, day: 25, name: { 'pt-BR': 'Natal', en: 'Christmas Day' }, optional: false },
];

const fromEaster: Array<HolidayRule & { days: number }> = [
  { days: -48, name: { 'pt-BR': 'Carnaval (segunda-feira)', en: 'Carnival Monday' }, optional: true },
  { days: -47, name: { 'pt-BR': 'Carnaval (terça-feira)', en: 'Carnival Tuesday' }, optional: true },
  { days: -2, name: { 'pt-BR': 'Sexta-feira Santa', en: 'Good Friday' }, optional: false },
  { days: 60, name: { 'pt-BR': 'Corpus Christi', en: 'Corpus Christi' }, optional: true },
];

/** The year's national holidays and Carnaval/Corpus Christi, in date order. */
export function brazilNationalHolidays(year: number): BrazilHoliday[] {
  const easter = easterSunday(year);
  const holidays = [
    ...fixed
      .filter((rule) => rule.since === undefined || year >= rule.since)
      .map((rule) => ({ date: dayKeyOfDate({ y: year, m: rule.month, d: rule.day }), rule })),
    ...fromEaster.map((rule) => ({ date: dayKeyOfDate(addDaysToDate(easter, rule.days)), rule })),
  ];
  return holidays
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ date, rule }) => ({ date, name: rule.name, optional: rule.optional }));
}
