import { describe, expect, it } from 'vitest';
import { daysPeriod, presetPeriod, previousPeriod } from '../../../../shared/metrics/metrics-period';
import { addDaysToKey, startOfDay } from '../../../../shared/time/shop-time';

const SAO_PAULO = 'America/Sao_Paulo';
const HOUR = 3_600_000;

describe('the dashboard’s periods', () => {
  // Thursday 26 Nov 2026, 14:00 in São Paulo (UTC−3).
  const now = Date.parse('2026-11-26T17:00:00Z');

  it('today is the shop’s day, midnight to midnight', () => {
    expect(presetPeriod('today', now, SAO_PAULO)).toEqual({
      from: Date.parse('2026-11-26T03:00:00Z'),
      to: Date.parse('2026-11-27T03:00:00Z'),
    });
  });

  it('the last 7 and 30 days include today', () => {
    expect(presetPeriod('last7', now, SAO_PAULO).from).toBe(Date.parse('2026-11-20T03:00:00Z'));
    expect(presetPeriod('last30', now, SAO_PAULO).from).toBe(Date.parse('2026-10-28T03:00:00Z'));
  });

  it('a custom range covers both days given; the previous period has the same length', () => {
    const period = daysPeriod('2026-11-01', '2026-11-02', SAO_PAULO);
    expect(period.to - period.from).toBe(48 * HOUR);
    expect(previousPeriod(period)).toEqual({ from: period.from - 48 * HOUR, to: period.from });
  });

  it('a day whose midnight DST skipped starts at 01:00 and lasts 23 hours', () => {
    expect(startOfDay('2018-11-04', SAO_PAULO)).toBe(Date.parse('2018-11-04T03:00:00Z'));
    const period = daysPeriod('2018-11-04', '2018-11-04', SAO_PAULO);
    expect(period.to - period.from).toBe(23 * HOUR);
    expect(addDaysToKey('2026-12-31', 1)).toBe('2027-01-01');
  });
});
