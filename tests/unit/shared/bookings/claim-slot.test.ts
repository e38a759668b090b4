import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../../shared/bookings/booking-schemas';
import { canBook, nextFreeSlotsAfter } from '../../../../shared/bookings/claim-slot';

const HOUR = 3_600_000;
const nine = Date.parse('2026-11-27T09:00:00-03:00');

function booking(id: string, start: number, end: number, status: Booking['status'] = 'booked'): Booking {
  return {
    id,
    chatId: '5511987654321@c.us',
    serviceId: 'corte',
    start,
    end,
    status,
    createdAt: 0,
    confirmedAt: null,
    reminderSentAt: null,
  };
}

describe('claiming a slot', () => {
  it('gives the last slot to exactly one of two customers handled one after the other', () => {
    const bookings: Booking[] = [];
    const candidate = { start: nine, end: nine + HOUR };
    const claims = ['ana', 'bruno'].map((customer) => {
      const granted = canBook(bookings, candidate, { capacity: 1 });
      if (granted) bookings.push(booking(customer, candidate.start, candidate.end));
      return granted;
    });
    expect(claims).toEqual([true, false]);
    expect(bookings.map((entry) => entry.id)).toEqual(['ana']);
  });

  it.each([
    ['a cancelled booking', [booking('x', nine, nine + HOUR, 'cancelled')], { start: nine, end: nine + HOUR }, 1, true],
    [
      'a partial overlap',
      [booking('x', nine + HOUR / 2, nine + 2 * HOUR)],
      { start: nine, end: nine + HOUR },
      1,
      false,
    ],
    ['back to back', [booking('x', nine + HOUR, nine + 2 * HOUR)], { start: nine, end: nine + HOUR }, 1, true],
    ['the second of two places', [booking('x', nine, nine + HOUR)], { start: nine, end: nine + HOUR }, 2, true],
    [
      'the booking being moved',
      [booking('x', nine, nine + HOUR)],
      { start: nine + HOUR / 2, end: nine + HOUR + HOUR / 2, replacesBookingId: 'x' },
      1,
      true,
    ],
    ['an empty range', [], { start: nine, end: nine }, 1, false],
  ] satisfies Array<[string, Booking[], Parameters<typeof canBook>[1], number, boolean]>)(
    'with %s',
    (_name, bookings, candidate, capacity, expected) => {
      expect(canBook(bookings, candidate, { capacity })).toBe(expected);
    },
  );

  it('offers the free slots after the one that was taken', () => {
    const slots = [nine, nine + HOUR, nine + 2 * HOUR, nine + 3 * HOUR];
    expect(nextFreeSlotsAfter(slots, nine + HOUR, 2)).toEqual([nine + 2 * HOUR, nine + 3 * HOUR]);
    expect(nextFreeSlotsAfter(slots, nine + 3 * HOUR)).toEqual([]);
  });
});
