/**
 * Where bookings read the shop's opening hours. The hours are the automations' (issue 14): until
 * their stored settings are on this branch, the backend passes `defaultOpeningHours`, and the merge
 * swaps in a reader of the stored automation settings (one line in backend.ts).
 */
import { defaultBusinessHours, type BusinessHours } from '../../../shared/automations/business-hours';
import type { JanelaStore } from '../store/store-types';

export interface OpeningHours {
  hours: BusinessHours;
  /** The shop's IANA zone: slots, days and "tomorrow" are counted in it. */
  timeZone: string;
}

export type OpeningHoursSource = () => OpeningHours;

/** The stored automation settings' hours when present, else Mon–Fri 9–18 and Sat 9–13. */
export function storedOpeningHours(store: JanelaStore): OpeningHoursSource {
  return () => {
    const automations = (store.data as { automations?: { businessHours?: BusinessHours } }).automations;
    return {
      hours: automations?.businessHours ?? defaultBusinessHours(),
      timeZone: store.data.settings.timeZone,
    };
  };
}
