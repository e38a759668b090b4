/**
 * The automatic booking reminder. On every tick of the backend clock (a timer, and at once when
 * test control moves the clock) it sends the reminders that are due, and only while the
 * customer's window is open: a reminder is a message the shop starts, so once the window has
 * closed it is never sent and the agenda tells staff to call instead. The same tick drops booking
 * and order chats abandoned for a day.
 */
import { isReminderDue, reminderPlan } from '../../../shared/bookings/reminder-plan';
import type { ChatId } from '../../../shared/domain';
import type { Clock } from '../clock';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import { markReminderSent } from './agenda';
import { dropStaleFlows } from './stale-flows';
import { staffBookingTexts } from './staff-texts';
import { formatShopDayTime } from '../../../shared/time/shop-time-text';

export const REMINDER_TICK_MS = 60_000;

export interface ReminderJobDeps {
  store: JanelaStore;
  clock: Clock;
  /** The outbox's send: checks the window again and queues the message. */
  send: (chatId: ChatId, text: string, options: { automatic: boolean }) => StoredMessage;
  onBookingsChanged?: () => void;
  log: (line: string) => void;
  tickMs?: number;
}

export interface ReminderJob {
  /** Sends what is due now; returns how many reminders went into the outbox. */
  runOnce(): number;
  stop(): void;
}

export function startReminderJob(deps: ReminderJobDeps): ReminderJob {
  const { store, clock } = deps;

  function runOnce(): number {
    const now = clock.now();
    dropStaleFlows(store, now);
    const { language, timeZone } = store.data.settings;
    let sent = 0;
    for (const booking of store.data.bookings) {
      if (booking.status !== 'booked' || booking.start <= now) continue;
      const contact = store.data.contacts[booking.chatId];
      const plan = reminderPlan(booking, contact?.lastInboundAt ?? null, store.data.agendaSettings, now);
      if (!isReminderDue(plan, now)) continue;
      const service = store.data.services.find((candidate) => candidate.id === booking.serviceId);
      const text = staffBookingTexts(language).reminder(
        service?.name ?? '',
        formatShopDayTime(booking.start, timeZone, language),
      );
      try {
        deps.send(booking.chatId, text, { automatic: true });
      } catch (error) {
        // Not connected, or the window closed this very instant: tried again on the next tick
        // while the window is still open, never after.
        deps.log(`booking reminder not sent: ${error instanceof Error ? error.name : 'unknown'}`);
        continue;
      }
      markReminderSent(store, booking.id, now);
      sent++;
    }
    if (sent > 0) deps.onBookingsChanged?.();
    return sent;
  }

  const timer = setInterval(() => runOnce(), deps.tickMs ?? REMINDER_TICK_MS);
  timer.unref?.();
  const stopJumps = clock.onJump(() => runOnce());
  return {
    runOnce,
    stop() {
      clearInterval(timer);
      stopJumps();
    },
  };
}
