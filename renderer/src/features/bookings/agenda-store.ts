/**
 * The agenda on screen: which day or week is shown, and the bookings of that range as the backend
 * last sent them. `bookingsChanged` makes it fetch the same range again.
 */
import { create } from 'zustand';
import type { Agenda } from '../../../../shared/bookings/agenda-view';
import type { BookingStatus, Service, AgendaSettings } from '../../../../shared/bookings/booking-schemas';
import type { ChatId } from '../../../../shared/domain';
import { api } from '../../bridge/api';
import { addDaysToKey, type DayKey, startOfDay, weekdayOfKey } from '../../../../shared/time/shop-time';

export type AgendaMode = 'day' | 'week';

/** The Monday of the week holding `date`: Brazilian calendars start the week on Sunday, shops on Monday. */
export function weekStart(date: DayKey): DayKey {
  return addDaysToKey(date, -((weekdayOfKey(date) + 6) % 7));
}

export function rangeOf(mode: AgendaMode, date: DayKey, timeZone: string): { from: number; to: number } {
  const first = mode === 'day' ? date : weekStart(date);
  const days = mode === 'day' ? 1 : 7;
  return { from: startOfDay(first, timeZone), to: startOfDay(addDaysToKey(first, days), timeZone) };
}

interface AgendaState {
  mode: AgendaMode;
  /** The day shown (or a day of the week shown); null until the screen first opens: today. */
  date: DayKey | null;
  timeZone: string;
  agenda: Agenda | null;
  /** A fetch in flight, so a late answer for an older range is dropped. */
  request: number;
  show(mode: AgendaMode, date: DayKey, timeZone: string): Promise<void>;
  refresh(): Promise<void>;
  createBooking(input: {
    chatId: ChatId;
    serviceId: string;
    start: number;
    note?: string;
    notify: boolean;
  }): Promise<boolean>;
  moveBooking(id: string, start: number, notify: boolean): Promise<boolean>;
  setStatus(id: string, status: BookingStatus, notify: boolean): Promise<boolean>;
  saveService(service: Service): Promise<void>;
  deleteService(id: string): Promise<void>;
  updateSettings(patch: Partial<AgendaSettings>): Promise<void>;
}

export const useAgenda = create<AgendaState>()((set, get) => ({
  mode: 'day',
  date: null,
  timeZone: 'UTC',
  agenda: null,
  request: 0,
  show: async (mode, date, timeZone) => {
    set({ mode, date, timeZone });
    await get().refresh();
  },
  refresh: async () => {
    const { mode, date, timeZone } = get();
    if (date === null) return;
    const request = get().request + 1;
    set({ request });
    const agenda = await api().getAgenda(rangeOf(mode, date, timeZone));
    if (get().request === request) set({ agenda });
  },
  createBooking: async (input) => {
    const result = await api().createBooking(input);
    await get().refresh();
    return result.told;
  },
  moveBooking: async (id, start, notify) => {
    const result = await api().moveBooking({ id, start, notify });
    await get().refresh();
    return result.told;
  },
  setStatus: async (id, status, notify) => {
    const result = await api().setBookingStatus({ id, status, notify });
    await get().refresh();
    return result.told;
  },
  saveService: async (service) => {
    await api().saveService(service);
    await get().refresh();
  },
  deleteService: async (id) => {
    await api().deleteService({ id });
    await get().refresh();
  },
  updateSettings: async (patch) => {
    await api().updateAgendaSettings(patch);
    await get().refresh();
  },
}));
