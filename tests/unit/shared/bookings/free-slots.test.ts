import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_SETTINGS, type Booking } from '../../../../shared/bookings/booking-schemas';
import { bookingHorizon, freeDays, freeSlots, type FreeSlotsInput } from '../../../../shared/bookings/free-slots';
import { startOfDay } from '../../../../shared/time/shop-time';
import { formatShopTime } from '../../../../shared/time/shop-time-text';

const SP = 'America/Sao_Paulo';
const NY = 'America/New_York';
const at = (iso: string): number => Date.parse(iso);
const times = (slots: number[], timeZone = SP): string[] =>
  slots.map((slot) => formatShopTime(slot, timeZone, 'pt-BR'));

function booking(start: string, end: string, extra: Partial<Booking> = {}): Booking {
  return {
    id: `b-${start}`,
    chatId: '5511987654321@c.us',
    serviceId: 'corte',
    start: at(start),
    end: at(end),
    status: 'booked',
    createdAt: 0,
    confirmedAt: null,
    reminderSentAt: null,
    ...extra,
  };
}

const monday = { start: at('2026-11-23T09:00:00-03:00'), end: at('2026-11-23T12:00:00-03:00') };

function input(overrides: Partial<FreeSlotsInput>): FreeSlotsInput {
  return {
    service: { durationMin: 60 },
    settings: DEFAULT_AGENDA_SETTINGS,
    openIntervals: [monday],
    bookings: [],
    now: at('2026-11-22T10:00:00-03:00'),
    timeZone: SP,
    ...overrides,
  };
}

describe('free slots', () => {
  it.each([
    [
      'an empty morning, up to a service that ends exactly at closing',
      {},
      ['09:00', '09:30', '10:00', '10:30', '11:00'],
    ],
    ['minimum notice counts from now', { now: at('2026-11-23T08:30:00-03:00') }, ['10:30', '11:00']],
    [
      'a booking that ends exactly at closing blocks only what overlaps it',
      { bookings: [booking('2026-11-23T11:00:00-03:00', '2026-11-23T12:00:00-03:00')] },
      ['09:00', '09:30', '10:00'],
    ],
    [
      'a short booking blocks every longer service that would overlap it partly',
      {
        service: { durationMin: 90 },
        bookings: [booking('2026-11-23T10:00:00-03:00', '2026-11-23T10:30:00-03:00')],
      },
      ['10:30'],
    ],
    [
      'a cancelled booking frees its time',
      { bookings: [booking('2026-11-23T09:00:00-03:00', '2026-11-23T12:00:00-03:00', { status: 'cancelled' })] },
      ['09:00', '09:30', '10:00', '10:30', '11:00'],
    ],
    [
      'the booking being moved does not block itself',
      {
        bookings: [booking('2026-11-23T09:00:00-03:00', '2026-11-23T12:00:00-03:00', { id: 'mine' })],
        movingBookingId: 'mine',
      },
      ['09:00', '09:30', '10:00', '10:30', '11:00'],
    ],
    [
      'the grid starts at the opening time',
      { openIntervals: [{ start: at('2026-11-23T09:15:00-03:00'), end: at('2026-11-23T11:00:00-03:00') }] },
      ['09:15', '09:45'],
    ],
    [
      'intervals that touch are one stretch of open time',
      {
        openIntervals: [
          { start: at('2026-11-23T09:00:00-03:00'), end: at('2026-11-23T10:00:00-03:00') },
          { start: at('2026-11-23T10:00:00-03:00'), end: at('2026-11-23T11:00:00-03:00') },
        ],
      },
      ['09:00', '09:30', '10:00'],
    ],
    [
      'a lunch break splits the day: a service never runs into it',
      {
        openIntervals: [
          { start: at('2026-11-23T09:00:00-03:00'), end: at('2026-11-23T10:30:00-03:00') },
          { start: at('2026-11-23T13:00:00-03:00'), end: at('2026-11-23T14:00:00-03:00') },
        ],
      },
      ['09:00', '09:30', '13:00'],
    ],
  ] satisfies Array<[string, Partial<FreeSlotsInput>, string[]]>)('%s', (_name, overrides, expected) => {
    expect(times(freeSlots(input(overrides)))).toEqual(expected);
  });

  describe('capacity 2', () => {
    const settings = { ...DEFAULT_AGENDA_SETTINGS, capacity: 2 };
    it('allows a second customer until two bookings overlap at one instant', () => {
      const bookings = [
        booking('2026-11-23T09:00:00-03:00', '2026-11-23T10:00:00-03:00', { id: 'a' }),
        booking('2026-11-23T09:30:00-03:00', '2026-11-23T10:30:00-03:00', { id: 'b' }),
      ];
      expect(times(freeSlots(input({ settings, bookings })))).toEqual(['10:00', '10:30', '11:00']);
    });

    it('counts back-to-back bookings as one at a time', () => {
      const bookings = [
        booking('2026-11-23T09:00:00-03:00', '2026-11-23T09:30:00-03:00', { id: 'a' }),
        booking('2026-11-23T09:30:00-03:00', '2026-11-23T10:00:00-03:00', { id: 'b' }),
      ];
      expect(times(freeSlots(input({ settings, bookings })))).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    });
  });

  it('stops at the last day the customer may book, counted on the local calendar', () => {
    const now = at('2026-11-01T10:00:00-03:00');
    const openIntervals = ['2026-11-30', '2026-12-01', '2026-12-02'].map((day) => ({
      start: at(`${day}T09:00:00-03:00`),
      end: at(`${day}T10:00:00-03:00`),
    }));
    const days = freeDays(input({ now, openIntervals }));
    expect(days.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-01']);
  });

  it('skips a holiday, whose open interval is simply absent', () => {
    const openIntervals = ['2026-11-19', '2026-11-23'].map((day) => ({
      start: at(`${day}T09:00:00-03:00`),
      end: at(`${day}T10:00:00-03:00`),
    }));
    const days = freeDays(input({ now: at('2026-11-18T10:00:00-03:00'), openIntervals }));
    expect(days).toEqual([
      { date: '2026-11-19', slots: [at('2026-11-19T09:00:00-03:00')] },
      { date: '2026-11-23', slots: [at('2026-11-23T09:00:00-03:00')] },
    ]);
  });
});

describe('free slots across DST', () => {
  it('São Paulo 2018-11-04: midnight did not exist, a night opening steps over it', () => {
    // Open Saturday 22:00 (-03:00) to Sunday 02:00 (-02:00): three real hours.
    const openIntervals = [{ start: at('2018-11-03T22:00:00-03:00'), end: at('2018-11-04T02:00:00-02:00') }];
    const days = freeDays(input({ openIntervals, now: at('2018-11-01T10:00:00-03:00') }));
    expect(days.map((day) => [day.date, times(day.slots)])).toEqual([
      ['2018-11-03', ['22:00', '22:30', '23:00', '23:30']],
      ['2018-11-04', ['01:00']],
    ]);
    expect(startOfDay('2018-11-04', SP)).toBe(at('2018-11-04T01:00:00-02:00'));
  });

  it('São Paulo 2018-11-05: the first morning in summer time shows the shop clock', () => {
    const openIntervals = [{ start: at('2018-11-05T09:00:00-02:00'), end: at('2018-11-05T10:00:00-02:00') }];
    const days = freeDays(input({ openIntervals, now: at('2018-11-01T10:00:00-03:00') }));
    expect(days.map((day) => [day.date, times(day.slots)])).toEqual([['2018-11-05', ['09:00']]]);
  });

  it('New York 2026-03-08: slots step in real minutes, so 2 AM never appears', () => {
    const openIntervals = [
      { start: at('2026-03-08T00:00:00-05:00'), end: at('2026-03-08T06:00:00-04:00') },
      { start: at('2026-03-09T09:00:00-04:00'), end: at('2026-03-09T10:00:00-04:00') },
    ];
    const settings = { ...DEFAULT_AGENDA_SETTINGS, slotStepMin: 60 };
    const days = freeDays(input({ openIntervals, settings, now: at('2026-03-01T10:00:00-05:00'), timeZone: NY }));
    expect(days.map((day) => [day.date, times(day.slots, NY)])).toEqual([
      ['2026-03-08', ['00:00', '01:00', '03:00', '04:00', '05:00']],
      ['2026-03-09', ['09:00']],
    ]);
    expect(startOfDay('2026-03-08', NY)).toBe(at('2026-03-08T00:00:00-05:00'));
    expect(startOfDay('2026-11-01', NY)).toBe(at('2026-11-01T00:00:00-04:00'));
  });
});

describe('the booking horizon', () => {
  // It used to start at now plus notice, which put today's slots off the grid (14:17, 14:47…).
  it('runs from the start of the day of now plus notice to the end of the last bookable local day', () => {
    const now = at('2026-11-01T10:00:00-03:00');
    expect(bookingHorizon(now, SP, DEFAULT_AGENDA_SETTINGS)).toEqual({
      start: at('2026-11-01T00:00:00-03:00'),
      end: at('2026-12-02T00:00:00-03:00'),
    });
    const lateEvening = at('2026-11-01T23:00:00-03:00');
    expect(bookingHorizon(lateEvening, SP, DEFAULT_AGENDA_SETTINGS).start).toBe(at('2026-11-02T00:00:00-03:00'));
  });
});
