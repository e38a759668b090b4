/**
 * What can still be done to remind a customer of a booking, given their 24-hour window. A reminder
 * is a message the shop starts, so it may only go out while the window is open; a booking days
 * ahead outlives the window of the conversation that made it.
 */
import { isWindowOpen, windowExpiresAt } from '../chats/window-rules';
import type { AgendaSettings, Booking } from './booking-schemas';

const MINUTE_MS = 60_000;

export type ReminderPlan =
  | { state: 'confirmed'; at: number | null }
  | { state: 'reminder-sent'; at: number }
  /**
   * Staff can still write until `until` (the window's end, or the appointment if sooner). The
   * automatic reminder goes at `remindAt`, or never (null) when the window will have closed by then.
   */
  | { state: 'can-remind-until'; until: number; remindAt: number | null }
  | { state: 'cannot-remind-window-closed' };

/** Null for a booking that needs no reminder: cancelled, done, no-show or already started. */
export function reminderPlan(
  booking: Pick<Booking, 'start' | 'status' | 'createdAt' | 'confirmedAt' | 'reminderSentAt'>,
  lastInboundAt: number | null,
  settings: Pick<AgendaSettings, 'reminderBeforeMin'>,
  now: number,
): ReminderPlan | null {
  if ((booking.status !== 'booked' && booking.status !== 'confirmed') || booking.start <= now) return null;
  if (booking.status === 'confirmed' || booking.confirmedAt !== null)
    return { state: 'confirmed', at: booking.confirmedAt };
  if (booking.reminderSentAt !== null) return { state: 'reminder-sent', at: booking.reminderSentAt };
  if (lastInboundAt === null || !isWindowOpen(lastInboundAt, now)) return { state: 'cannot-remind-window-closed' };
  const until = Math.min(windowExpiresAt(lastInboundAt), booking.start);
  const dueAt = booking.start - settings.reminderBeforeMin * MINUTE_MS;
  // Booked inside the reminder period: the booking's own confirmation already was the reminder.
  const remindAt = booking.createdAt < dueAt && dueAt < until ? dueAt : null;
  return { state: 'can-remind-until', until, remindAt };
}

/**
 * For the reminder job: send now? A job that runs late (after a restart) still sends while the
 * window is open, never after it closed.
 */
export function isReminderDue(plan: ReminderPlan | null, now: number): boolean {
  return plan?.state === 'can-remind-until' && plan.remindAt !== null && now >= plan.remindAt && now < plan.until;
}

/**
 * A plan computed earlier (the agenda on screen was fetched then), as it stands at `now`: once its
 * `until` passes, the window has closed and the agenda must say so without waiting for a fetch.
 */
export function reminderPlanAt(plan: ReminderPlan | null, start: number, now: number): ReminderPlan | null {
  if (plan === null || start <= now) return null;
  if (plan.state === 'can-remind-until' && now >= plan.until) return { state: 'cannot-remind-window-closed' };
  return plan;
}
