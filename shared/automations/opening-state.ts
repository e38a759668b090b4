/**
 * "Open now?" and "next opening" as the bot asks them: on every customer message, for the same
 * hours. Each costs a walk over the week's openings through Intl (the bot's largest cost per message
 * in the profile), yet the answer only changes at an opening or a closing. So the stretch an answer
 * holds over (open until the closing, or closed until the next opening) is remembered per hours
 * object and time zone: a saved change of hours is a new object and starts afresh.
 */
import { currentClosing, isOpenAt, nextOpening, type BusinessHours } from './business-hours';

export interface OpeningState {
  open: boolean;
  /** `instant` itself when open; null when the shop does not open within the look-ahead. */
  nextOpenAt: number | null;
}

interface Stretch {
  from: number;
  /** Exclusive: the closing or the next opening. */
  until: number;
  open: boolean;
  nextOpenAt: number | null;
}

/** A shop that never closes (or never opens) within the look-ahead is asked again after this long. */
const RECHECK_MS = 3_600_000;

const stretches = new WeakMap<BusinessHours, Map<string, Stretch>>();

function stretchAt(hours: BusinessHours, timeZone: string, instant: number): Stretch {
  if (isOpenAt(hours, timeZone, instant)) {
    const closesAt = currentClosing(hours, timeZone, instant);
    return { from: instant, until: closesAt ?? instant + RECHECK_MS, open: true, nextOpenAt: instant };
  }
  const next = nextOpening(hours, timeZone, instant)?.at ?? null;
  return { from: instant, until: next ?? instant + RECHECK_MS, open: false, nextOpenAt: next };
}

/** The same answers as isOpenAt and nextOpening, computed once per stretch. */
export function openingState(hours: BusinessHours, timeZone: string, instant: number): OpeningState {
  let byZone = stretches.get(hours);
  if (!byZone) {
    byZone = new Map();
    stretches.set(hours, byZone);
  }
  let stretch = byZone.get(timeZone);
  if (!stretch || instant < stretch.from || instant >= stretch.until) {
    stretch = stretchAt(hours, timeZone, instant);
    byZone.set(timeZone, stretch);
  }
  return { open: stretch.open, nextOpenAt: stretch.open ? instant : stretch.nextOpenAt };
}
