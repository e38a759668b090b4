import { describe, expect, it } from 'vitest';
import {
  isOpenAt,
  nextOpening,
  type BusinessHours,
  type OpeningInterval,
} from '../../../../shared/automations/business-hours';
import { openingState } from '../../../../shared/automations/opening-state';

const MINUTE = 60_000;
const split = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
function weekly(days: Partial<Record<number, OpeningInterval[]>>, closedDates: string[] = []): BusinessHours {
  return { weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => days[day] ?? []), closedDates };
}
const bakery = weekly({ 1: split, 2: split, 3: split, 4: split, 5: split, 6: [{ start: '09:00', end: '13:00' }] }, [
  '2026-11-02',
]);
const bar = weekly({ 5: [{ start: '18:00', end: '24:00' }], 6: [{ start: '00:00', end: '02:00' }] });
const never = weekly({});

/** What the uncached functions say: the answers openingState must give at every instant. */
const expected = (hours: BusinessHours, timeZone: string, at: number) => ({
  open: isOpenAt(hours, timeZone, at),
  nextOpenAt: nextOpening(hours, timeZone, at)?.at ?? null,
});

describe('openingState', () => {
  it.each([
    ['the bakery in São Paulo, a holiday included', bakery, 'America/Sao_Paulo', Date.UTC(2026, 9, 30)],
    ['the bar in New York across the fall-back night', bar, 'America/New_York', Date.UTC(2026, 9, 29)],
    ['the bar in New York across the spring-forward night', bar, 'America/New_York', Date.UTC(2026, 2, 5)],
    ['a shop that never opens', never, 'America/Sao_Paulo', Date.UTC(2026, 9, 30)],
  ])('answers like isOpenAt and nextOpening at every instant of a week: %s', (_name, hours, timeZone, from) => {
    // Steps of 7 min 13 s land on both sides of every opening and closing, and on odd seconds.
    for (let at = from; at < from + 8 * 24 * 60 * MINUTE; at += 7 * MINUTE + 13_000) {
      expect(openingState(hours, timeZone, at), new Date(at).toISOString()).toEqual(expected(hours, timeZone, at));
    }
  });

  it('is exact at the edges, also when time goes back or the zone or the hours change', () => {
    const tz = 'America/Sao_Paulo';
    const opens = Date.UTC(2026, 10, 3, 12); // Tuesday 09:00 in São Paulo
    for (const at of [
      opens - 1,
      opens,
      opens + 3 * 3_600_000 - 1,
      opens + 3 * 3_600_000,
      opens - 1,
      opens - 5 * MINUTE,
    ])
      expect(openingState(bakery, tz, at)).toEqual(expected(bakery, tz, at));
    expect(openingState(bakery, 'Asia/Tokyo', opens)).toEqual(expected(bakery, 'Asia/Tokyo', opens));
    const lateOpening = { ...bakery, weekly: bakery.weekly.map(() => [{ start: '10:00', end: '11:00' }]) };
    expect(openingState(lateOpening, tz, opens)).toEqual({ open: false, nextOpenAt: opens + 3_600_000 });
  });
});
