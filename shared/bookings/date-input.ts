/**
 * A day typed by a customer instead of picking a number: "amanhã", "sexta-feira", "28/11",
 * "dia 28", "tomorrow", "Friday". The answer is always today or later on the shop's calendar;
 * anything else (a past date, 31/02, free text) is null, and the bot asks again.
 */
import { foldText } from './fold-text';
import { addDaysToKey, type DayKey, dayKeyOf, parseDayKey, toDayKey, weekdayOfKey } from '../time/shop-time';

const relativeDays: Record<string, number> = {
  hoje: 0,
  today: 0,
  amanha: 1,
  tomorrow: 1,
  'depois de amanha': 2,
  'day after tomorrow': 2,
  'the day after tomorrow': 2,
};

// Folded (no accents); index is the weekday, 0 for Sunday.
const weekdayWords: ReadonlyArray<readonly string[]> = [
  ['domingo', 'dom', 'sunday', 'sun'],
  ['segunda', 'segunda-feira', 'seg', 'monday', 'mon'],
  ['terca', 'terca-feira', 'ter', 'tuesday', 'tue', 'tues'],
  ['quarta', 'quarta-feira', 'qua', 'wednesday', 'wed'],
  ['quinta', 'quinta-feira', 'qui', 'thursday', 'thu', 'thur', 'thurs'],
  ['sexta', 'sexta-feira', 'sex', 'friday', 'fri'],
  ['sabado', 'sab', 'saturday', 'sat'],
];

/** Words people put before a day that do not change which day it is. */
const leadingFiller =
  /^(?:(?:pode ser|para|pra|na|no|nesta|neste|nessa|nesse|essa|esse|proxima|proximo|on|this|next|for)\s+)+/;

function nextWeekday(today: DayKey, weekday: number): DayKey {
  return addDaysToKey(today, (weekday - weekdayOfKey(today) + 7) % 7);
}

function validDate(year: number, month: number, day: number): DayKey | null {
  const date = toDayKey(year, month, day);
  return parseDayKey(date) ? date : null;
}

/** Day and month with no year: this year's if it has not passed, else next year's. */
function nextDayMonth(today: DayKey, day: number, month: number): DayKey | null {
  const year = Number(today.slice(0, 4));
  // Up to four years ahead, for 29/02.
  for (let offset = 0; offset <= 4; offset += 1) {
    const date = validDate(year + offset, month, day);
    if (date && date >= today) return date;
  }
  return null;
}

/** "dia 28": the next 28th, skipping months that have none. */
function nextDayOfMonth(today: DayKey, day: number): DayKey | null {
  if (day < 1 || day > 31) return null;
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  for (let step = 0; step < 13; step += 1) {
    const date = validDate(year, month, day);
    if (date && date >= today) return date;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return null;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function numericDate(text: string, today: DayKey): DayKey | null | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text);
  if (!slashed) return undefined;
  const [first, second] = [Number(slashed[1]), Number(slashed[2])];
  const year = slashed[3];
  // Day first, as in Brazil; "11/28" can only be month first, so it is read that way.
  const readings: Array<[number, number]> = [
    [first, second],
    [second, first],
  ];
  for (const [day, month] of readings) {
    if (month < 1 || month > 12) continue;
    const date = year === undefined ? nextDayMonth(today, day, month) : validDate(fullYear(year), month, day);
    if (date) return date;
  }
  return null;
}

export function parseDayInput(text: string, now: number, timeZone: string): DayKey | null {
  const today = dayKeyOf(now, timeZone);
  const folded = foldText(text).replace(leadingFiller, '');
  const relative = relativeDays[folded];
  if (relative !== undefined) return addDaysToKey(today, relative);
  const weekday = weekdayWords.findIndex((words) => words.includes(folded));
  if (weekday >= 0) return nextWeekday(today, weekday);
  const dayOfMonth = /^(?:dia |the )?(\d{1,2})(?:st|nd|rd|th)?$/.exec(folded);
  if (dayOfMonth && (folded.startsWith('dia ') || folded.startsWith('the ') || /\D$/.test(folded))) {
    return nextDayOfMonth(today, Number(dayOfMonth[1]));
  }
  const numeric = numericDate(folded.replace(/^dia /, ''), today);
  if (numeric === undefined || numeric === null || numeric < today) return null;
  return numeric;
}
