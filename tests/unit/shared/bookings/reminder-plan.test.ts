import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../../shared/bookings/booking-schemas';
import { isReminderDue, reminderPlan, reminderPlanAt } from '../../../../shared/bookings/reminder-plan';

const at = (iso: string): number => Date.parse(iso);
const settings = { reminderBeforeMin: 24 * 60 };
const booking: Pick<Booking, 'start' | 'status' | 'createdAt' | 'confirmedAt' | 'reminderSentAt'> = {
  start: at('2026-11-27T10:00:00-03:00'),
  status: 'booked',
  createdAt: at('2026-11-24T10:00:00-03:00'),
  confirmedAt: null,
  reminderSentAt: null,
};

describe('the reminder plan', () => {
  it('can remind until the window closes, with no automatic reminder if the window closes first', () => {
    const lastInboundAt = at('2026-11-25T09:00:00-03:00');
    expect(reminderPlan(booking, lastInboundAt, settings, at('2026-11-25T12:00:00-03:00'))).toEqual({
      state: 'can-remind-until',
      until: at('2026-11-26T09:00:00-03:00'),
      remindAt: null,
    });
  });

  it('plans the automatic reminder when the window is still open 24 h before', () => {
    const lastInboundAt = at('2026-11-26T09:00:00-03:00');
    const plan = reminderPlan(booking, lastInboundAt, settings, at('2026-11-26T09:30:00-03:00'));
    expect(plan).toEqual({
      state: 'can-remind-until',
      until: at('2026-11-27T09:00:00-03:00'),
      remindAt: at('2026-11-26T10:00:00-03:00'),
    });
    expect(isReminderDue(plan, at('2026-11-26T09:59:59-03:00'))).toBe(false);
    expect(isReminderDue(plan, at('2026-11-26T10:00:00-03:00'))).toBe(true);
    expect(isReminderDue(plan, at('2026-11-27T09:00:00-03:00'))).toBe(false);
  });

  it('cannot remind once the window has closed', () => {
    const lastInboundAt = at('2026-11-24T09:00:00-03:00');
    const now = at('2026-11-25T09:00:00-03:00');
    expect(reminderPlan(booking, lastInboundAt, settings, now)).toEqual({ state: 'cannot-remind-window-closed' });
    expect(reminderPlan(booking, null, settings, now)).toEqual({ state: 'cannot-remind-window-closed' });
    expect(isReminderDue(reminderPlan(booking, lastInboundAt, settings, now), now)).toBe(false);
  });

  it('sends no reminder for a booking made inside the reminder period', () => {
    const lastMinute = { ...booking, createdAt: at('2026-11-27T07:00:00-03:00') };
    const plan = reminderPlan(lastMinute, lastMinute.createdAt, settings, at('2026-11-27T07:01:00-03:00'));
    expect(plan).toEqual({ state: 'can-remind-until', until: booking.start, remindAt: null });
  });

  it.each([
    ['confirmed', { status: 'confirmed', confirmedAt: 5 }, { state: 'confirmed', at: 5 }],
    ['reminded', { reminderSentAt: 7 }, { state: 'reminder-sent', at: 7 }],
    ['cancelled', { status: 'cancelled' }, null],
    ['already started', { start: at('2026-11-25T11:00:00-03:00') }, null],
  ] as const)('reports a booking %s', (_name, change, expected) => {
    const now = at('2026-11-25T12:00:00-03:00');
    expect(reminderPlan({ ...booking, ...change }, now, settings, now)).toEqual(expected);
  });
});

describe('reminderPlanAt', () => {
  const start = Date.parse('2026-11-28T10:00:00-03:00');
  const until = Date.parse('2026-11-27T09:40:00-03:00');
  const open = { state: 'can-remind-until', until, remindAt: null } as const;

  it('keeps a plan while its limit is ahead, and says the window closed once it passed', () => {
    expect(reminderPlanAt(open, start, until - 1)).toEqual(open);
    expect(reminderPlanAt(open, start, until)).toEqual({ state: 'cannot-remind-window-closed' });
    expect(reminderPlanAt({ state: 'reminder-sent', at: until - 5 }, start, until)).toEqual({
      state: 'reminder-sent',
      at: until - 5,
    });
  });

  it('needs no reminder once the appointment began', () => {
    expect(reminderPlanAt(open, start, start)).toBeNull();
    expect(reminderPlanAt(null, start, until)).toBeNull();
  });
});
