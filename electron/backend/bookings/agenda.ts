/**
 * The agenda over the store: free slots now, a customer's next booking, and the one place bookings
 * are written. Every write runs `canBook` against the bookings as stored at that instant, in the
 * same synchronous step as the write, so of two customers confirming the same last slot exactly one
 * gets it whatever order their messages arrive in.
 */
import { randomUUID } from 'node:crypto';
import { openIntervalsBetween } from '../../../shared/automations/business-hours';
import { holdsTime, type Booking, type BookingStatus, type Service } from '../../../shared/bookings/booking-schemas';
import { canBook } from '../../../shared/bookings/claim-slot';
import { bookingHorizon, freeSlots } from '../../../shared/bookings/free-slots';
import type { ChatId } from '../../../shared/domain';
import type { JanelaStore } from '../store/store-types';
import type { OpeningHoursSource } from './opening-hours';

export interface AgendaDeps {
  store: JanelaStore;
  openingHours: OpeningHoursSource;
}

export function freeSlotsNow(deps: AgendaDeps, service: Service, movingBookingId: string | null, now: number) {
  const { hours, timeZone } = deps.openingHours();
  const settings = deps.store.data.agendaSettings;
  const horizon = bookingHorizon(now, timeZone, settings);
  return freeSlots({
    service,
    settings,
    openIntervals: openIntervalsBetween(hours, timeZone, horizon.start, horizon.end),
    bookings: deps.store.data.bookings,
    now,
    timeZone,
    movingBookingId,
  });
}

/** The customer's next booking that still holds time and has not started. */
export function nextBookingOf(store: JanelaStore, chatId: ChatId, now: number): Booking | null {
  let next: Booking | null = null;
  for (const booking of store.data.bookings) {
    if (booking.chatId !== chatId || !holdsTime(booking) || booking.start <= now) continue;
    if (booking.status !== 'booked' && booking.status !== 'confirmed') continue;
    if (!next || booking.start < next.start) next = booking;
  }
  return next;
}

export type WriteResult = { ok: true; booking: Booking } | { ok: false; reason: 'taken' | 'not-found' };

function replaceBooking(store: JanelaStore, booking: Booking): void {
  store.update((data) => {
    data.bookings = data.bookings.map((candidate) => (candidate.id === booking.id ? booking : candidate));
  });
}

/** Books a time if it is still free at this instant. */
export function claimBooking(
  store: JanelaStore,
  request: { chatId: ChatId; serviceId: string; start: number; end: number; now: number; note?: string },
): WriteResult {
  const candidate = { start: request.start, end: request.end };
  if (!canBook(store.data.bookings, candidate, store.data.agendaSettings)) return { ok: false, reason: 'taken' };
  const booking: Booking = {
    id: `bk-${randomUUID()}`,
    chatId: request.chatId,
    serviceId: request.serviceId,
    start: request.start,
    end: request.end,
    status: 'booked',
    createdAt: request.now,
    confirmedAt: null,
    reminderSentAt: null,
    ...(request.note ? { note: request.note } : {}),
  };
  store.update((data) => void data.bookings.push(booking));
  return { ok: true, booking };
}

/** Moves a booking if the new time is free at this instant (its own old time does not count). */
export function moveBooking(
  store: JanelaStore,
  request: { id: string; start: number; end: number; now: number },
): WriteResult {
  const current = store.data.bookings.find((booking) => booking.id === request.id);
  if (!current) return { ok: false, reason: 'not-found' };
  const candidate = { start: request.start, end: request.end, replacesBookingId: request.id };
  if (!canBook(store.data.bookings, candidate, store.data.agendaSettings)) return { ok: false, reason: 'taken' };
  // A new time asks for a new confirmation and a new reminder.
  const moved: Booking = {
    ...current,
    start: request.start,
    end: request.end,
    status: 'booked',
    confirmedAt: null,
    reminderSentAt: null,
  };
  replaceBooking(store, moved);
  return { ok: true, booking: moved };
}

export function setBookingStatus(store: JanelaStore, id: string, status: BookingStatus, now: number): WriteResult {
  const current = store.data.bookings.find((booking) => booking.id === id);
  if (!current) return { ok: false, reason: 'not-found' };
  const changed: Booking = {
    ...current,
    status,
    confirmedAt: status === 'confirmed' ? (current.confirmedAt ?? now) : current.confirmedAt,
  };
  // Bringing a cancelled booking back needs its time to be free again.
  if (!holdsTime(current) && holdsTime(changed)) {
    const others = store.data.bookings.filter((booking) => booking.id !== id);
    if (!canBook(others, changed, store.data.agendaSettings)) return { ok: false, reason: 'taken' };
  }
  replaceBooking(store, changed);
  return { ok: true, booking: changed };
}

export function markReminderSent(store: JanelaStore, id: string, at: number): void {
  const current = store.data.bookings.find((booking) => booking.id === id);
  if (current) replaceBooking(store, { ...current, reminderSentAt: at });
}
