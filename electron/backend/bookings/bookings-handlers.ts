/**
 * The staff side of bookings: services, agenda settings, the agenda for a range, and bookings made,
 * moved or changed by hand. A message to the customer goes only on request and only while their
 * window is open; asking for one after it closed changes nothing and says why.
 */
import { JanelaError } from '../../../shared/contract';
import { isWindowOpen, windowExpiresAt } from '../../../shared/chats/window-rules';
import { agendaSettingsSchema, type Booking } from '../../../shared/bookings/booking-schemas';
import type { AgendaEntry } from '../../../shared/bookings/agenda-view';
import { reminderPlan } from '../../../shared/bookings/reminder-plan';
import type { ChatId } from '../../../shared/domain';
import type { Clock } from '../clock';
import { toChatSummary } from '../profiles/profiles';
import type { Handlers } from '../router';
import { assertMaySend } from '../sending/send-guard';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import { claimBooking, moveBooking, setBookingStatus, type WriteResult } from './agenda';
import { staffBookingTexts } from './staff-texts';
import { formatShopDayTime } from '../../../shared/time/shop-time-text';

const MINUTE_MS = 60_000;
/** A range asked for by the agenda: a week and a bit; more is a mistake, not a view. */
const MAX_RANGE_MS = 62 * 24 * 60 * MINUTE_MS;

export interface BookingsHandlersDeps {
  store: JanelaStore;
  clock: Clock;
  send: (chatId: ChatId, text: string) => StoredMessage;
  onBookingsChanged: () => void;
}

type BookingHandlerNames =
  | 'getAgenda'
  | 'saveService'
  | 'deleteService'
  | 'updateAgendaSettings'
  | 'createBooking'
  | 'moveBooking'
  | 'setBookingStatus';

export function windowOpenUntil(lastInboundAt: number | null, now: number): number | null {
  return lastInboundAt !== null && isWindowOpen(lastInboundAt, now) ? windowExpiresAt(lastInboundAt) : null;
}

export function bookingsHandlers(deps: BookingsHandlersDeps): Pick<Handlers, BookingHandlerNames> {
  const { store, clock } = deps;

  function entry(booking: Booking, now: number): AgendaEntry {
    const contact = store.data.contacts[booking.chatId];
    const summary = contact ? toChatSummary(contact) : null;
    const lastInboundAt = contact?.lastInboundAt ?? null;
    return {
      booking,
      customerName: summary?.name ?? booking.chatId.split('@')[0] ?? '',
      phone: summary?.phone ?? '',
      serviceName: store.data.services.find((service) => service.id === booking.serviceId)?.name ?? null,
      reminder: reminderPlan(booking, lastInboundAt, store.data.agendaSettings, now),
      windowOpenUntil: windowOpenUntil(lastInboundAt, now),
    };
  }

  function serviceOrThrow(id: string) {
    const service = store.data.services.find((candidate) => candidate.id === id);
    if (!service) throw new JanelaError('not-found', 'no service with that id');
    return service;
  }

  /** Throws before anything changes when a message was asked for but cannot go. */
  function checkCanTell(chatId: ChatId, notify: boolean): void {
    if (notify) assertMaySend(store.data.contacts[chatId], 'check', clock.now());
  }

  function tell(booking: Booking, kind: 'created' | 'moved' | 'cancelled' | 'confirmed'): boolean {
    const { language, timeZone } = store.data.settings;
    const service = store.data.services.find((candidate) => candidate.id === booking.serviceId);
    const text = staffBookingTexts(language)[kind](
      service?.name ?? '',
      formatShopDayTime(booking.start, timeZone, language),
    );
    try {
      deps.send(booking.chatId, text);
      return true;
    } catch {
      return false;
    }
  }

  function done(result: WriteResult, notify: boolean, kind: Parameters<typeof tell>[1] | null) {
    if (!result.ok) {
      if (result.reason === 'taken') throw new JanelaError('slot-taken', 'that time is already taken');
      throw new JanelaError('not-found', 'no booking with that id');
    }
    deps.onBookingsChanged();
    const told = notify && kind !== null ? tell(result.booking, kind) : false;
    return { booking: result.booking, told };
  }

  function bookingOrThrow(id: string): Booking {
    const booking = store.data.bookings.find((candidate) => candidate.id === id);
    if (!booking) throw new JanelaError('not-found', 'no booking with that id');
    return booking;
  }

  return {
    getAgenda: ({ from, to }) => {
      if (to < from || to - from > MAX_RANGE_MS) throw new JanelaError('invalid-input', 'range too long or reversed');
      const now = clock.now();
      const entries = store.data.bookings
        .filter((booking) => booking.end > from && booking.start < to)
        .sort((a, b) => a.start - b.start)
        .map((booking) => entry(booking, now));
      return { services: store.data.services, settings: store.data.agendaSettings, entries };
    },
    saveService: (service) => {
      const exists = store.data.services.some((candidate) => candidate.id === service.id);
      const services = exists
        ? store.data.services.map((candidate) => (candidate.id === service.id ? service : candidate))
        : [...store.data.services, service];
      store.update((data) => void (data.services = services));
      deps.onBookingsChanged();
      return services;
    },
    deleteService: ({ id }) => {
      const now = clock.now();
      // A service with bookings ahead is switched off instead, so those bookings keep their name.
      const inUse = store.data.bookings.some(
        (booking) => booking.serviceId === id && booking.end > now && booking.status !== 'cancelled',
      );
      const services = inUse
        ? store.data.services.map((service) => (service.id === id ? { ...service, active: false } : service))
        : store.data.services.filter((service) => service.id !== id);
      store.update((data) => void (data.services = services));
      deps.onBookingsChanged();
      return services;
    },
    updateAgendaSettings: (patch) => {
      const settings = agendaSettingsSchema.parse({ ...store.data.agendaSettings, ...patch });
      store.update((data) => void (data.agendaSettings = settings));
      deps.onBookingsChanged();
      return settings;
    },
    createBooking: ({ chatId, serviceId, start, note, notify }) => {
      if (!store.data.contacts[chatId]) throw new JanelaError('not-found', 'no chat with that id');
      const service = serviceOrThrow(serviceId);
      checkCanTell(chatId, notify);
      const end = start + service.durationMin * MINUTE_MS;
      const now = clock.now();
      return done(
        claimBooking(store, { chatId, serviceId, start, end, now, ...(note ? { note } : {}) }),
        notify,
        'created',
      );
    },
    moveBooking: ({ id, start, notify }) => {
      const booking = bookingOrThrow(id);
      checkCanTell(booking.chatId, notify);
      const end = start + (booking.end - booking.start);
      return done(moveBooking(store, { id, start, end, now: clock.now() }), notify, 'moved');
    },
    setBookingStatus: ({ id, status, notify }) => {
      const booking = bookingOrThrow(id);
      const kind = status === 'cancelled' ? 'cancelled' : status === 'confirmed' ? 'confirmed' : null;
      checkCanTell(booking.chatId, notify && kind !== null);
      return done(setBookingStatus(store, id, status, clock.now()), notify, kind);
    },
  };
}
