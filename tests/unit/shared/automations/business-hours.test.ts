import { describe, expect, it } from 'vitest';
import {
  businessHoursSchema,
  currentClosing,
  defaultBusinessHours,
  isOpenAt,
  nextOpening,
  openIntervalsBetween,
  type BusinessHours,
  type OpeningInterval,
} from '../../../../shared/automations/business-hours';
import { formatNextOpening } from '../../../../shared/automations/next-open-text';
import { brazilNationalHolidays } from '../../../../shared/automations/brazil-holidays';

const SP = 'America/Sao_Paulo';
const NY = 'America/New_York';
const HOUR = 3_600_000;

/** São Paulo has kept UTC−3 all year since 2019. */
const sp = (y: number, m: number, d: number, hh: number, mm = 0) => Date.UTC(y, m - 1, d, hh + 3, mm);

function weekly(days: Partial<Record<number, OpeningInterval[]>>, closedDates: string[] = []): BusinessHours {
  return { weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => days[day] ?? []), closedDates };
}

const split = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
// Mon–Fri 9–12 and 13–18, Sat 9–13.
const bakery = weekly({ 1: split, 2: split, 3: split, 4: split, 5: split, 6: [{ start: '09:00', end: '13:00' }] });
// A bar: Fri 18:00–24:00 and Sat 00:00–02:00 is one night.
const bar = weekly({ 5: [{ start: '18:00', end: '24:00' }], 6: [{ start: '00:00', end: '02:00' }] });

describe('businessHoursSchema', () => {
  it('accepts ordered openings, touching ones and a 24:00 end', () => {
    expect(businessHoursSchema.safeParse(bakery).success).toBe(true);
    expect(businessHoursSchema.safeParse(defaultBusinessHours()).success).toBe(true);
    const touching = weekly({
      1: [
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ],
    });
    expect(businessHoursSchema.safeParse(touching).success).toBe(true);
  });

  it.each([
    ['an end before its start', weekly({ 1: [{ start: '18:00', end: '09:00' }] })],
    ['an empty opening', weekly({ 1: [{ start: '09:00', end: '09:00' }] })],
    ['a start at 24:00', weekly({ 1: [{ start: '24:00', end: '24:00' }] })],
    ['25:00', weekly({ 1: [{ start: '09:00', end: '25:00' }] })],
    ['9:00 without a leading zero', weekly({ 1: [{ start: '9:00', end: '12:00' }] })],
    [
      'overlapping openings',
      weekly({
        1: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ],
      }),
    ],
    [
      'openings out of order',
      weekly({
        1: [
          { start: '13:00', end: '18:00' },
          { start: '09:00', end: '12:00' },
        ],
      }),
    ],
    ['six weekdays', { weekly: bakery.weekly.slice(1), closedDates: [] }],
    ['a closed date that does not exist', weekly({}, ['2026-02-30'])],
    ['a closed date in another form', weekly({}, ['25/12/2026'])],
  ])('refuses %s', (_name, hours) => {
    expect(businessHoursSchema.safeParse(hours).success).toBe(false);
  });
});

describe('isOpenAt', () => {
  // 2026-03-09 is a Monday.
  it.each([
    ['Monday 08:59', sp(2026, 3, 9, 8, 59), false],
    ['Monday 09:00', sp(2026, 3, 9, 9), true],
    ['Monday 11:59', sp(2026, 3, 9, 11, 59), true],
    ['Monday 12:00, lunch', sp(2026, 3, 9, 12), false],
    ['Monday 13:00', sp(2026, 3, 9, 13), true],
    ['Monday 18:00, closed', sp(2026, 3, 9, 18), false],
    ['Saturday 12:59', sp(2026, 3, 14, 12, 59), true],
    ['Saturday 13:00', sp(2026, 3, 14, 13), false],
    ['Sunday noon', sp(2026, 3, 15, 12), false],
  ])('the bakery on %s: %s', (_name, at, open) => {
    expect(isOpenAt(bakery, SP, at)).toBe(open);
  });

  it('is closed on a closed date, whatever the weekday says', () => {
    const tiradentes = { ...bakery, closedDates: ['2026-04-21'] };
    expect(isOpenAt(tiradentes, SP, sp(2026, 4, 21, 10))).toBe(false);
    expect(isOpenAt(tiradentes, SP, sp(2026, 4, 22, 10))).toBe(true);
  });

  it('keeps the bar open across midnight, and a closed Saturday closes only the small hours', () => {
    expect(isOpenAt(bar, SP, sp(2026, 3, 13, 23, 59))).toBe(true);
    expect(isOpenAt(bar, SP, sp(2026, 3, 14, 0, 0))).toBe(true);
    expect(isOpenAt(bar, SP, sp(2026, 3, 14, 1, 59))).toBe(true);
    expect(isOpenAt(bar, SP, sp(2026, 3, 14, 2, 0))).toBe(false);
    const closedSaturday = { ...bar, closedDates: ['2026-03-14'] };
    expect(isOpenAt(closedSaturday, SP, sp(2026, 3, 13, 23))).toBe(true);
    expect(isOpenAt(closedSaturday, SP, sp(2026, 3, 14, 1))).toBe(false);
  });

  it('reads the wall clock of the given zone', () => {
    // 10:00 in New York on a Monday is 11:00/12:00 in São Paulo, and 05:00 in New York is 06:00/07:00.
    expect(isOpenAt(bakery, NY, Date.UTC(2026, 2, 9, 14))).toBe(true);
    expect(isOpenAt(bakery, NY, Date.UTC(2026, 2, 9, 9))).toBe(false);
  });
});

describe('nextOpening and currentClosing', () => {
  it.each([
    ['Friday evening → Saturday 09:00', sp(2026, 3, 13, 20), sp(2026, 3, 14, 9)],
    ['Saturday afternoon → Monday 09:00', sp(2026, 3, 14, 14), sp(2026, 3, 16, 9)],
    ['lunch → 13:00 the same day', sp(2026, 3, 9, 12, 30), sp(2026, 3, 9, 13)],
    ['already open → now', sp(2026, 3, 9, 10), sp(2026, 3, 9, 10)],
    ['before Carnaval → Ash Wednesday', sp(2026, 2, 14, 14), sp(2026, 2, 18, 9)],
  ])('the bakery with holidays: %s', (_name, at, expected) => {
    const withHolidays = { ...bakery, closedDates: brazilNationalHolidays(2026).map((holiday) => holiday.date) };
    expect(nextOpening(withHolidays, SP, at)).toEqual({ at: expected });
  });

  it('is null for a shop that never opens, or only on closed dates', () => {
    expect(nextOpening(weekly({}), SP, sp(2026, 3, 9, 10))).toBeNull();
    const allClosed = weekly({ 3: [{ start: '09:00', end: '10:00' }] }, ['2026-03-11']);
    expect(nextOpening(allClosed, SP, sp(2026, 3, 9, 10))).toEqual({ at: sp(2026, 3, 18, 9) });
  });

  it('closes at the end of the current opening, joining openings across midnight', () => {
    expect(currentClosing(bakery, SP, sp(2026, 3, 9, 10))).toBe(sp(2026, 3, 9, 12));
    expect(currentClosing(bakery, SP, sp(2026, 3, 9, 12, 30))).toBeNull();
    expect(currentClosing(bar, SP, sp(2026, 3, 13, 19))).toBe(sp(2026, 3, 14, 2));
  });

  it('has no closing for a shop open all the time', () => {
    const always = weekly(
      Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((day) => [day, [{ start: '00:00', end: '24:00' }]])),
    );
    expect(isOpenAt(always, SP, sp(2026, 3, 9, 3))).toBe(true);
    expect(currentClosing(always, SP, sp(2026, 3, 9, 3))).toBeNull();
  });
});

describe('openIntervalsBetween', () => {
  it('lists a week of openings as instants, clipped to the range', () => {
    const intervals = openIntervalsBetween(bakery, SP, sp(2026, 3, 9, 10), sp(2026, 3, 10, 14));
    expect(intervals).toEqual([
      { start: sp(2026, 3, 9, 10), end: sp(2026, 3, 9, 12) },
      { start: sp(2026, 3, 9, 13), end: sp(2026, 3, 9, 18) },
      { start: sp(2026, 3, 10, 9), end: sp(2026, 3, 10, 12) },
      { start: sp(2026, 3, 10, 13), end: sp(2026, 3, 10, 14) },
    ]);
  });

  it('merges the bar’s night into one interval and is empty for an empty range', () => {
    expect(openIntervalsBetween(bar, SP, sp(2026, 3, 13, 0), sp(2026, 3, 15, 0))).toEqual([
      { start: sp(2026, 3, 13, 18), end: sp(2026, 3, 14, 2) },
    ]);
    expect(openIntervalsBetween(bar, SP, sp(2026, 3, 14, 0), sp(2026, 3, 14, 0))).toEqual([]);
  });

  it('São Paulo spring-forward 2018-11-04: the missing midnight opens at 01:00, the night stays whole', () => {
    // Sat 2018-11-03 22:00–24:00 (UTC−3) then Sun 2018-11-04 00:00–02:00 (UTC−2 from 01:00).
    const night = weekly({ 6: [{ start: '22:00', end: '24:00' }], 0: [{ start: '00:00', end: '02:00' }] });
    const [only, ...rest] = openIntervalsBetween(night, SP, Date.UTC(2018, 10, 3), Date.UTC(2018, 10, 5));
    expect(rest).toEqual([]);
    expect(only).toEqual({ start: Date.UTC(2018, 10, 4, 1), end: Date.UTC(2018, 10, 4, 4) });
    // Four hours on the wall clock, 22:00 → 02:00, one of which never happened.
    expect((only?.end ?? 0) - (only?.start ?? 0)).toBe(3 * HOUR);
    const sundayOnly = weekly({ 0: [{ start: '00:00', end: '02:00' }] });
    expect(nextOpening(sundayOnly, SP, Date.UTC(2018, 10, 4, 0))).toEqual({ at: Date.UTC(2018, 10, 4, 3) });
  });

  it('São Paulo fall-back 2019-02-16: a 22:00–24:00 opening lasts three real hours', () => {
    const saturdayNight = weekly({ 6: [{ start: '22:00', end: '24:00' }] });
    expect(openIntervalsBetween(saturdayNight, SP, Date.UTC(2019, 1, 16), Date.UTC(2019, 1, 18))).toEqual([
      { start: Date.UTC(2019, 1, 17, 0), end: Date.UTC(2019, 1, 17, 3) },
    ]);
  });

  it.each([
    ['spring-forward 2026-03-08', Date.UTC(2026, 2, 8, 13), Date.UTC(2026, 2, 8, 22), 9 * HOUR],
    ['fall-back 2026-11-01', Date.UTC(2026, 10, 1, 14), Date.UTC(2026, 10, 1, 23), 9 * HOUR],
  ])('New York %s keeps 09:00–18:00 on the wall clock', (_name, start, end, length) => {
    const sunday = weekly({ 0: [{ start: '09:00', end: '18:00' }] });
    const intervals = openIntervalsBetween(sunday, NY, start - 12 * HOUR, end + 12 * HOUR);
    expect(intervals).toEqual([{ start, end }]);
    expect(end - start).toBe(length);
  });

  it('New York: a 00:00–04:00 opening is 3 hours on spring-forward night and 5 on fall-back night', () => {
    const smallHours = weekly({ 0: [{ start: '00:00', end: '04:00' }] });
    const [spring] = openIntervalsBetween(smallHours, NY, Date.UTC(2026, 2, 8), Date.UTC(2026, 2, 9));
    const [autumn] = openIntervalsBetween(smallHours, NY, Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2));
    expect(spring).toEqual({ start: Date.UTC(2026, 2, 8, 5), end: Date.UTC(2026, 2, 8, 8) });
    expect(autumn).toEqual({ start: Date.UTC(2026, 10, 1, 4), end: Date.UTC(2026, 10, 1, 9) });
  });
});

describe('formatNextOpening', () => {
  const friday = sp(2026, 3, 13, 20);
  it.each([
    ['pt-BR', sp(2026, 3, 13, 21), 'hoje às 21:00'],
    ['pt-BR', sp(2026, 3, 14, 9), 'amanhã às 09:00'],
    ['pt-BR', sp(2026, 3, 16, 9), 'segunda-feira às 09:00'],
    ['pt-BR', sp(2026, 3, 25, 13, 30), '25/03 às 13:30'],
    ['en', sp(2026, 3, 14, 9), 'tomorrow at 9:00 AM'],
    ['en', sp(2026, 3, 16, 13, 30), 'Monday at 1:30 PM'],
    ['en', sp(2026, 3, 25, 9), 'Mar 25 at 9:00 AM'],
  ] as const)('%s: %s', (language, at, expected) => {
    expect(formatNextOpening(at, friday, SP, language)).toBe(expected);
  });
});
