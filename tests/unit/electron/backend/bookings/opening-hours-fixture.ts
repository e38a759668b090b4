import { storedOpeningHours } from '../../../../../electron/backend/bookings/opening-hours';
import type { JanelaStore } from '../../../../../electron/backend/store/store-types';

/** Mon–Fri 9–18, Sat 9–13, in the store's zone: what a shop has before setting its hours. */
export function defaultOpeningHoursFor(store: JanelaStore) {
  return storedOpeningHours(store);
}
