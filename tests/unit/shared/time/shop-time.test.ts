import { describe, expect, it } from 'vitest';
import { addDaysToDate, daysBetween, instantFromZoned, zonedParts } from '../../../../shared/time/shop-time';

const SP = 'America/Sao_Paulo';
const NY = 'America/New_York';

describe('zonedParts', () => {
  it('reads the wall clock and weekday in the zone', () => {
    expect(zonedParts(Date.UTC(2026, 2, 9, 12, 30), SP)).toEqual({
      y: 2026,
      m: 3,
      d: 9,
      hh: 9,
      mm: 30,
      ss: 0,
      weekday: 1,
    });
    expect(zonedParts(Date.UTC(2026, 2, 9, 2, 0), SP)).toMatchObject({ d: 8, hh: 23, weekday: 0 });
  });

  it('falls back to UTC for a mistyped zone rather than throwing', () => {
    expect(zonedParts(Date.UTC(2026, 0, 1, 10, 0), 'America/Sao_Pualo')).toMatchObject({ hh: 10 });
  });
});

describe('instantFromZoned', () => {
  it.each([
    ['São Paulo, an ordinary day', SP, { y: 2026, m: 6, d: 1, hh: 9, mm: 0 }, Date.UTC(2026, 5, 1, 12, 0)],
    ['São Paulo in summer time (UTC−2)', SP, { y: 2018, m: 12, d: 1, hh: 9, mm: 0 }, Date.UTC(2018, 11, 1, 11, 0)],
    // 2018-11-04 00:00 did not exist in São Paulo: the clock went from 23:59:59 to 01:00.
    [
      'São Paulo, the missing midnight moves to 01:00',
      SP,
      { y: 2018, m: 11, d: 4, hh: 0, mm: 0 },
      Date.UTC(2018, 10, 4, 3, 0),
    ],
    [
      'São Paulo, 00:30 in the gap moves to 01:30',
      SP,
      { y: 2018, m: 11, d: 4, hh: 0, mm: 30 },
      Date.UTC(2018, 10, 4, 3, 30),
    ],
    ['São Paulo, 01:00 right after the gap', SP, { y: 2018, m: 11, d: 4, hh: 1, mm: 0 }, Date.UTC(2018, 10, 4, 3, 0)],
    // 2019-02-17 00:00 (UTC−2) went back to 2019-02-16 23:00 (UTC−3): 23:xx happened twice.
    [
      'São Paulo, a repeated 23:30 takes the earlier',
      SP,
      { y: 2019, m: 2, d: 16, hh: 23, mm: 30 },
      Date.UTC(2019, 1, 17, 1, 30),
    ],
    ['São Paulo, midnight after the repeat', SP, { y: 2019, m: 2, d: 17, hh: 0, mm: 0 }, Date.UTC(2019, 1, 17, 3, 0)],
    [
      'New York, 02:30 in the March gap moves to 03:30',
      NY,
      { y: 2026, m: 3, d: 8, hh: 2, mm: 30 },
      Date.UTC(2026, 2, 8, 7, 30),
    ],
    [
      'New York, a repeated 01:30 in November takes the earlier',
      NY,
      { y: 2026, m: 11, d: 1, hh: 1, mm: 30 },
      Date.UTC(2026, 10, 1, 5, 30),
    ],
    [
      'New York, 03:00 after the November repeat',
      NY,
      { y: 2026, m: 11, d: 1, hh: 3, mm: 0 },
      Date.UTC(2026, 10, 1, 8, 0),
    ],
  ])('%s', (_name, zone, local, expected) => {
    expect(instantFromZoned(local, zone)).toBe(expected);
  });

  it('round-trips every quarter hour of a year in both zones', () => {
    for (const zone of [SP, NY]) {
      for (let at = Date.UTC(2018, 0, 1); at < Date.UTC(2019, 0, 1); at += 15 * 60_000 * 97) {
        const parts = zonedParts(at, zone);
        const back = instantFromZoned(parts, zone);
        // An overlap's second occurrence maps to its first, one hour earlier.
        expect([0, 3_600_000]).toContain(at - back);
      }
    }
  });
});

describe('calendar helpers', () => {
  it('adds days across months and years and counts days between dates', () => {
    expect(addDaysToDate({ y: 2026, m: 12, d: 31 }, 1)).toEqual({ y: 2027, m: 1, d: 1 });
    expect(addDaysToDate({ y: 2024, m: 3, d: 1 }, -1)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(daysBetween({ y: 2026, m: 2, d: 27 }, { y: 2026, m: 3, d: 2 })).toBe(3);
  });
});
