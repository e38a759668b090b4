/** How the agenda words a booking's reminder state, with the day when it is not today. */
import type { AgendaEntry } from '../../../../shared/bookings/agenda-view';
import { reminderPlanAt, type ReminderPlan } from '../../../../shared/bookings/reminder-plan';
import type { Language } from '../../../../shared/domain';
import type { Translate } from '../../../../shared/i18n';
import { dayKeyOf } from '../../../../shared/time/shop-time';
import { formatShopDayTime, formatShopTime } from '../../../../shared/time/shop-time-text';

/** The entry's reminder state at the screen's `now`, which ticks between fetches. */
export function liveReminderPlan(entry: AgendaEntry, now: number): ReminderPlan | null {
  return reminderPlanAt(entry.reminder, entry.booking.start, now);
}

export function reminderText(
  entry: AgendaEntry,
  t: Translate,
  timeZone: string,
  language: Language,
  now: number,
): string | null {
  const plan = liveReminderPlan(entry, now);
  if (!plan) return null;
  // The time alone when it is today, else with its day: reminders usually go the day before.
  const time = (at: number) =>
    dayKeyOf(at, timeZone) === dayKeyOf(now, timeZone)
      ? formatShopTime(at, timeZone, language)
      : formatShopDayTime(at, timeZone, language);
  switch (plan.state) {
    case 'confirmed':
      return t('agenda.reminder.confirmed');
    case 'reminder-sent':
      return t('agenda.reminder.sent');
    case 'can-remind-until':
      return plan.remindAt !== null
        ? t('agenda.reminder.auto', { time: time(plan.remindAt) })
        : t('agenda.reminder.until', { time: time(plan.until) });
    case 'cannot-remind-window-closed':
      return t('agenda.reminder.closed');
  }
}
