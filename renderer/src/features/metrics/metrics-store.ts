/** The dashboard: the chosen period and what `getMetrics` returned for it. */
import { create } from 'zustand';
import type { MetricsReport } from '../../../../shared/metrics/metrics-report';
import { daysPeriod, presetPeriod, type Period, type PeriodPreset } from '../../../../shared/metrics/metrics-period';

interface MetricsState {
  preset: PeriodPreset;
  /** The custom range's days, `YYYY-MM-DD`, both included. */
  customFrom: string;
  customTo: string;
  report: MetricsReport | null;
  loading: boolean;
  failed: boolean;
  setPreset(preset: PeriodPreset): void;
  setCustom(from: string, to: string): void;
  load(now: number, timeZone: string): Promise<void>;
}

export function periodOf(
  state: Pick<MetricsState, 'preset' | 'customFrom' | 'customTo'>,
  now: number,
  timeZone: string,
): Period | null {
  if (state.preset !== 'custom') return presetPeriod(state.preset, now, timeZone);
  if (!state.customFrom || !state.customTo || state.customTo < state.customFrom) return null;
  return daysPeriod(state.customFrom, state.customTo, timeZone);
}

let requested = 0;

export const useMetrics = create<MetricsState>()((set, get) => ({
  preset: 'last7',
  customFrom: '',
  customTo: '',
  report: null,
  loading: false,
  failed: false,
  setPreset: (preset) => set({ preset }),
  setCustom: (customFrom, customTo) => set({ customFrom, customTo, preset: 'custom' }),
  async load(now, timeZone) {
    const period = periodOf(get(), now, timeZone);
    if (!period) return;
    const request = ++requested;
    set({ loading: true, failed: false });
    try {
      const report = await window.janela.getMetrics(period);
      // A slower answer for an earlier choice never replaces the current one.
      if (request === requested) set({ report, loading: false });
    } catch {
      if (request === requested) set({ loading: false, failed: true });
    }
  },
}));
