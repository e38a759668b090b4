import { describe, expect, it } from 'vitest';
import { dayKeysBetween, shopClockTime } from '../../../../shared/time/shop-time';

const SAO_PAULO = 'America/Sao_Paulo';
const NEW_YORK = 'America/New_York';

describe('the shop’s clock', () => {
  it('São Paulo, 2018-11-04: midnight never happened, the day had 23 hours', () => {
    expect(shopClockTime(Date.parse('2018-11-04T02:59:59Z'), SAO_PAULO)).toEqual({
      day: '2018-11-03',
      weekday: 6,
      hour: 23,
    });
    expect(shopClockTime(Date.parse('2018-11-04T03:00:00Z'), SAO_PAULO)).toEqual({
      day: '2018-11-04',
      weekday: 0,
      hour: 1,
    });
    expect(shopClockTime(Date.parse('2018-11-05T01:59:59Z'), SAO_PAULO)).toEqual({
      day: '2018-11-04',
      weekday: 0,
      hour: 23,
    });
    expect(shopClockTime(Date.parse('2018-11-05T02:00:00Z'), SAO_PAULO)).toEqual({
      day: '2018-11-05',
      weekday: 1,
      hour: 0,
    });
  });

  it('New York, 2026-03-08: 01:59 EST is followed by 03:00 EDT', () => {
    expect(shopClockTime(Date.parse('2026-03-08T06:59:00Z'), NEW_YORK).hour).toBe(1);
    expect(shopClockTime(Date.parse('2026-03-08T07:00:00Z'), NEW_YORK).hour).toBe(3);
    expect(shopClockTime(Date.parse('2026-03-09T03:30:00Z'), NEW_YORK)).toEqual({
      day: '2026-03-08',
      weekday: 0,
      hour: 23,
    });
  });

  it('New York, 2026-11-01: 01:30 happens twice, both in hour 1', () => {
    expect(shopClockTime(Date.parse('2026-11-01T05:30:00Z'), NEW_YORK).hour).toBe(1);
    expect(shopClockTime(Date.parse('2026-11-01T06:30:00Z'), NEW_YORK).hour).toBe(1);
  });

  it('São Paulo today, without DST, is UTC−3', () => {
    expect(shopClockTime(Date.parse('2026-11-25T12:00:00Z'), SAO_PAULO)).toEqual({
      day: '2026-11-25',
      weekday: 3,
      hour: 9,
    });
  });

  it('a mistyped zone falls back to UTC', () => {
    expect(shopClockTime(Date.parse('2026-11-25T12:00:00Z'), 'America/Sao_Pualo').hour).toBe(12);
  });

  it('lists each shop day touched by [from, to), also across a 23-hour day', () => {
    const from = Date.parse('2018-11-03T03:00:00Z'); // 2018-11-03 00:00 in São Paulo
    const to = Date.parse('2018-11-06T02:00:00Z'); // 2018-11-06 00:00, after the change
    expect(dayKeysBetween(from, to, SAO_PAULO)).toEqual(['2018-11-03', '2018-11-04', '2018-11-05']);
    expect(dayKeysBetween(from, from, SAO_PAULO)).toEqual([]);
    expect(dayKeysBetween(from, from + 1, SAO_PAULO)).toEqual(['2018-11-03']);
    expect(dayKeysBetween(Date.parse('2026-12-31T12:00:00Z'), Date.parse('2027-01-01T12:00:00Z'), 'UTC')).toEqual([
      '2026-12-31',
      '2027-01-01',
    ]);
  });
});
