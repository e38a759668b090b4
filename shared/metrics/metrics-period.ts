import { addDaysToKey, shopClockTime, startOfDay } from '../time/shop-time';
/**
 * The dashboard's periods on the shop's calendar: today, the last 7 or 30 days (today included), or
 * a custom range of days; each as [from, to) in epoch ms, and the previous period of the same length.
 */

export type PeriodPreset = 'today' | 'last7' | 'last30' | 'custom';

export interface Period {
  from: number;
  to: number;
}

/** Whole shop days from `firstDay` to `lastDay`, both included. */
export function daysPeriod(firstDay: string, lastDay: string, timeZone: string): Period {
  return { from: startOfDay(firstDay, timeZone), to: startOfDay(addDaysToKey(lastDay, 1), timeZone) };
}

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: number, timeZone: string): Period {
  const today = shopClockTime(now, timeZone).day;
  const days = preset === 'today' ? 1 : preset === 'last7' ? 7 : 30;
  return daysPeriod(addDaysToKey(today, 1 - days), today, timeZone);
}

export function previousPeriod(period: Period): Period {
  return { from: period.from - (period.to - period.from), to: period.from };
}
