/**
 * The booking chat as a pure state machine: service → day → slot → confirm, each a numbered list.
 * The backend feeds it one customer message at a time, per chat, in order, and applies the effect
 * before the next message is handled; that serialisation is what makes "two customers, one last
 * slot" give the slot to exactly one of them (see claim-slot.ts).
 *
 * Call it before the automatic-reply menu: while a booking is under way every message belongs to it,
 * and with no flow under way it still claims "cancelar", "remarcar" and the "1" that confirms a
 * booking on the day before. It returns null when the message is none of its business.
 */
import type { Language } from '../domain';
import { windowExpiresAt } from '../chats/window-rules';
import type { Booking, Service } from './booking-schemas';
import { bookingTexts, formatDuration, serviceLabel } from './booking-texts';
import type { BookingFlowState } from './booking-flow-state';
import { nextFreeSlotsAfter } from './claim-slot';
import { parseDayInput } from './date-input';
import { foldText } from './fold-text';
import { isFlowTimedOut } from './flow-timeout';
import { groupSlotsByDay } from './free-slots';
import { formatNumberedList, pageOf, parseYesNo } from './numbered-list';
import { formatBrl } from '../orders/money';
import { addDaysToKey, dayKeyOf } from '../time/shop-time';
import { formatShopDay, formatShopDayTime, formatShopTime } from '../time/shop-time-text';
import { parseNumberedChoice } from '../text/numbered-choice';

const MINUTE_MS = 60_000;

export interface BookingFlowContext {
  /** Every service, inactive ones too: a booking being moved or cancelled may use one. */
  services: readonly Service[];
  /** The free slots right now (freeSlots with the business hours and the bookings as stored). */
  freeSlotsFor: (service: Service, movingBookingId: string | null) => readonly number[];
  /** This customer's next booking that still holds time, if any. */
  nextBooking: Booking | null;
  lastInboundAt: number;
  now: number;
  timeZone: string;
  language: Language;
  timeoutMin?: number;
}

export type BookingEffect =
  | { kind: 'create-booking'; serviceId: string; start: number; end: number }
  | { kind: 'move-booking'; id: string; start: number; end: number }
  | { kind: 'cancel-booking'; id: string }
  | { kind: 'confirm-booking'; id: string };

export interface BookingFlowResult {
  state: BookingFlowState | null;
  messages: string[];
  effect: BookingEffect | null;
  /** The flow is over and the customer should see the bot's menu again. */
  backToMenu: boolean;
  /** The message answered no question of this step: the options went out again. */
  notUnderstood?: boolean;
}

interface SlotFilter {
  date: string | null;
  after: number | null;
}

function finish(messages: string[], backToMenu: boolean, effect: BookingEffect | null = null): BookingFlowResult {
  return { state: null, messages, effect, backToMenu };
}

function when(start: number, ctx: BookingFlowContext): string {
  return formatShopDayTime(start, ctx.timeZone, ctx.language);
}

function serviceStep(ctx: BookingFlowContext, page: number): BookingFlowResult {
  const t = bookingTexts(ctx.language);
  const active = ctx.services.filter((service) => service.active);
  const only = active[0];
  if (!only) return finish([t.noServices], true);
  if (active.length === 1) return dayStep(ctx, only, null, 0);
  const shown = pageOf(active, page);
  const list = formatNumberedList(shown.items.map(serviceLabel), shown.hasMore, ctx.language);
  return {
    state: {
      step: 'service',
      choices: shown.items.map((service) => service.id),
      page: shown.page,
      hasMore: shown.hasMore,
      updatedAt: ctx.now,
    },
    messages: [`${t.chooseService}\n${list}`],
    effect: null,
    backToMenu: false,
  };
}

function dayStep(
  ctx: BookingFlowContext,
  service: Service,
  movingBookingId: string | null,
  page: number,
  lead?: string,
): BookingFlowResult {
  const t = bookingTexts(ctx.language);
  const days = groupSlotsByDay(ctx.freeSlotsFor(service, movingBookingId), ctx.timeZone);
  if (days.length === 0) return finish([t.noFreeDays(service.name)], true);
  const shown = pageOf(days, page);
  const labels = shown.items.map((day) => formatShopDay(day.date, ctx.language));
  return {
    state: {
      step: 'day',
      serviceId: service.id,
      movingBookingId,
      choices: shown.items.map((day) => day.date),
      page: shown.page,
      hasMore: shown.hasMore,
      updatedAt: ctx.now,
    },
    messages: [`${lead ?? t.chooseDay(service.name)}\n${formatNumberedList(labels, shown.hasMore, ctx.language)}`],
    effect: null,
    backToMenu: false,
  };
}

function slotStep(
  ctx: BookingFlowContext,
  service: Service,
  movingBookingId: string | null,
  filter: SlotFilter,
  page: number,
  lead?: string,
): BookingFlowResult {
  const t = bookingTexts(ctx.language);
  const all = ctx.freeSlotsFor(service, movingBookingId);
  const slots =
    filter.date !== null
      ? all.filter((slot) => dayKeyOf(slot, ctx.timeZone) === filter.date)
      : nextFreeSlotsAfter(all, filter.after ?? ctx.now, all.length);
  if (slots.length === 0) {
    const noneLead = filter.date !== null ? t.noSlotsOnDay(formatShopDay(filter.date, ctx.language)) : undefined;
    return dayStep(ctx, service, movingBookingId, 0, noneLead);
  }
  const shown = pageOf(slots, page);
  const labels = shown.items.map((slot) =>
    filter.date !== null ? formatShopTime(slot, ctx.timeZone, ctx.language) : when(slot, ctx),
  );
  const heading =
    lead ?? t.chooseSlot(formatShopDay(filter.date ?? dayKeyOf(slots[0] ?? ctx.now, ctx.timeZone), ctx.language));
  return {
    state: {
      step: 'slot',
      serviceId: service.id,
      movingBookingId,
      ...filter,
      choices: shown.items,
      page: shown.page,
      hasMore: shown.hasMore,
      updatedAt: ctx.now,
    },
    messages: [`${heading}\n${formatNumberedList(labels, shown.hasMore, ctx.language)}`],
    effect: null,
    backToMenu: false,
  };
}

function confirmStep(
  ctx: BookingFlowContext,
  service: Service,
  movingBookingId: string | null,
  start: number,
): BookingFlowResult {
  const t = bookingTexts(ctx.language);
  const price = service.priceCents === null ? null : formatBrl(service.priceCents);
  const summary = t.summary(service.name, when(start, ctx), formatDuration(service.durationMin), price);
  return {
    state: { step: 'confirm', serviceId: service.id, movingBookingId, start, updatedAt: ctx.now },
    messages: [`${summary}\n\n${t.confirmOptions}`],
    effect: null,
    backToMenu: false,
  };
}

function conflict(ctx: BookingFlowContext, service: Service, movingBookingId: string | null, taken: number) {
  return slotStep(ctx, service, movingBookingId, { date: null, after: taken }, 0, bookingTexts(ctx.language).slotTaken);
}

function book(ctx: BookingFlowContext, service: Service, movingBookingId: string | null, start: number) {
  if (!ctx.freeSlotsFor(service, movingBookingId).includes(start))
    return conflict(ctx, service, movingBookingId, start);
  const t = bookingTexts(ctx.language);
  const end = start + service.durationMin * MINUTE_MS;
  const lines = [movingBookingId ? t.moved(service.name, when(start, ctx)) : t.booked(service.name, when(start, ctx))];
  // The shop cannot write first once the window has closed, so the customer is asked to write instead.
  if (start > windowExpiresAt(ctx.lastInboundAt)) lines.push(t.confirmOnTheDayBefore);
  lines.push(t.howToChange);
  const effect: BookingEffect = movingBookingId
    ? { kind: 'move-booking', id: movingBookingId, start, end }
    : { kind: 'create-booking', serviceId: service.id, start, end };
  return finish([lines.join('\n')], false, effect);
}

function relist(state: BookingFlowState, ctx: BookingFlowContext): BookingFlowResult {
  const t = bookingTexts(ctx.language);
  let options: string;
  if (state.step === 'service') {
    const labels = state.choices.map((id) => {
      const choice = ctx.services.find((candidate) => candidate.id === id);
      return choice ? serviceLabel(choice) : '';
    });
    options = formatNumberedList(labels, state.hasMore, ctx.language);
  } else if (state.step === 'day') {
    const labels = state.choices.map((date) => formatShopDay(date, ctx.language));
    options = formatNumberedList(labels, state.hasMore, ctx.language);
  } else if (state.step === 'slot') {
    const labels = state.choices.map((slot) =>
      state.date !== null ? formatShopTime(slot, ctx.timeZone, ctx.language) : when(slot, ctx),
    );
    options = formatNumberedList(labels, state.hasMore, ctx.language);
  } else {
    options = state.step === 'confirm' ? t.confirmOptions : t.cancelOptions;
  }
  return {
    state: { ...state, updatedAt: ctx.now },
    messages: [`${t.didNotUnderstand}\n${options}`],
    effect: null,
    backToMenu: false,
    notUnderstood: true,
  };
}

const leaveWords = new Set([
  'sair',
  'menu',
  'cancelar',
  'cancela',
  'parar agendamento',
  'exit',
  'quit',
  'cancel',
  'stop booking',
]);

function serviceNamed(text: string, services: readonly Service[]): Service | undefined {
  const folded = foldText(text);
  if (folded.length < 3) return undefined;
  const matches = services.filter((service) => service.active && foldText(service.name).includes(folded));
  return matches.length === 1 ? matches[0] : undefined;
}

function onService(state: Extract<BookingFlowState, { step: 'service' }>, text: string, ctx: BookingFlowContext) {
  const choice = parseNumberedChoice(text);
  if (choice === 0 && state.hasMore) return serviceStep(ctx, state.page + 1);
  const id = choice !== null && choice >= 1 ? state.choices[choice - 1] : undefined;
  const service = ctx.services.find((candidate) => candidate.id === id) ?? serviceNamed(text, ctx.services);
  return service ? dayStep(ctx, service, null, 0) : relist(state, ctx);
}

type DatedState = Extract<BookingFlowState, { step: 'day' | 'slot' }>;

function onTypedDay(state: DatedState, service: Service, text: string, ctx: BookingFlowContext) {
  const date = parseDayInput(text, ctx.now, ctx.timeZone);
  if (date === null) return relist(state, ctx);
  return slotStep(ctx, service, state.movingBookingId, { date, after: null }, 0);
}

function onDay(
  state: Extract<BookingFlowState, { step: 'day' }>,
  service: Service,
  text: string,
  ctx: BookingFlowContext,
) {
  const choice = parseNumberedChoice(text);
  if (choice === 0 && state.hasMore) return dayStep(ctx, service, state.movingBookingId, state.page + 1);
  const date = choice !== null && choice >= 1 ? state.choices[choice - 1] : undefined;
  if (date === undefined) return onTypedDay(state, service, text, ctx);
  return slotStep(ctx, service, state.movingBookingId, { date, after: null }, 0);
}

function onSlot(
  state: Extract<BookingFlowState, { step: 'slot' }>,
  service: Service,
  text: string,
  ctx: BookingFlowContext,
) {
  const choice = parseNumberedChoice(text);
  const filter = { date: state.date, after: state.after };
  if (choice === 0 && state.hasMore) return slotStep(ctx, service, state.movingBookingId, filter, state.page + 1);
  const start = choice !== null && choice >= 1 ? state.choices[choice - 1] : undefined;
  if (start === undefined) return onTypedDay(state, service, text, ctx);
  if (!ctx.freeSlotsFor(service, state.movingBookingId).includes(start)) {
    return conflict(ctx, service, state.movingBookingId, start);
  }
  return confirmStep(ctx, service, state.movingBookingId, start);
}

function onConfirm(
  state: Extract<BookingFlowState, { step: 'confirm' }>,
  service: Service,
  text: string,
  ctx: BookingFlowContext,
) {
  const answer = parseYesNo(text);
  if (answer === 'yes') return book(ctx, service, state.movingBookingId, state.start);
  if (answer === 'no') return finish([bookingTexts(ctx.language).notBooked], true);
  return relist(state, ctx);
}

function onCancel(state: Extract<BookingFlowState, { step: 'cancel' }>, text: string, ctx: BookingFlowContext) {
  const t = bookingTexts(ctx.language);
  const booking = ctx.nextBooking;
  if (!booking || booking.id !== state.bookingId) return finish([], true);
  const service = ctx.services.find((candidate) => candidate.id === booking.serviceId);
  const name = service?.name ?? '';
  const folded = foldText(text);
  // Here "cancelar" answers the question "Cancelar seu horário?", so it means yes.
  const answer = ['cancelar', 'cancela', 'cancel'].includes(folded) ? 'yes' : parseYesNo(text);
  if (answer === 'yes')
    return finish([t.cancelled(name, when(booking.start, ctx))], false, { kind: 'cancel-booking', id: booking.id });
  if (answer === 'no' || folded === 'manter' || folded === 'keep')
    return finish([t.kept(name, when(booking.start, ctx))], true);
  return relist(state, ctx);
}

/** Words that start a change to the customer's own booking when no flow is under way. */
function bookingCommand(text: string): 'cancel' | 'reschedule' | null {
  const folded = foldText(text);
  if (/\b(pedido|order)\b/.test(folded)) return null;
  if (/\b(remarcar|remarca|reagendar|mudar (?:o |meu )?horario|trocar (?:o |meu )?horario|reschedule)\b/.test(folded)) {
    return 'reschedule';
  }
  if (/\b(cancelar|cancela|desmarcar|desmarca|cancel)\b/.test(folded)) return 'cancel';
  return null;
}

/** From the day before the appointment until it starts, the customer's "1" confirms it. */
function awaitsConfirmation(booking: Booking, ctx: BookingFlowContext): boolean {
  if (booking.status !== 'booked' || booking.confirmedAt !== null || booking.start <= ctx.now) return false;
  return dayKeyOf(ctx.now, ctx.timeZone) >= addDaysToKey(dayKeyOf(booking.start, ctx.timeZone), -1);
}

function whenIdle(text: string, ctx: BookingFlowContext): BookingFlowResult | null {
  const booking = ctx.nextBooking;
  if (!booking || booking.status === 'cancelled' || booking.start <= ctx.now) return null;
  const service = ctx.services.find((candidate) => candidate.id === booking.serviceId);
  if (!service) return null;
  const t = bookingTexts(ctx.language);
  const command = bookingCommand(text);
  if (command === 'reschedule') return dayStep(ctx, service, booking.id, 0);
  if (command === 'cancel') {
    return {
      state: { step: 'cancel', bookingId: booking.id, updatedAt: ctx.now },
      messages: [`${t.askCancel(service.name, when(booking.start, ctx))}\n${t.cancelOptions}`],
      effect: null,
      backToMenu: false,
    };
  }
  if (parseYesNo(text) === 'yes' && awaitsConfirmation(booking, ctx)) {
    return finish([t.confirmedByCustomer(service.name, when(booking.start, ctx))], false, {
      kind: 'confirm-booking',
      id: booking.id,
    });
  }
  return null;
}

/** Starts a new booking, from the menu's "Agendar horário". */
export function startBookingFlow(ctx: BookingFlowContext): BookingFlowResult {
  return serviceStep(ctx, 0);
}

/** One customer message. Null when no flow is under way and the message is not about a booking. */
export function bookingFlowStep(
  state: BookingFlowState | null,
  text: string,
  ctx: BookingFlowContext,
): BookingFlowResult | null {
  if (state === null) return whenIdle(text, ctx);
  const t = bookingTexts(ctx.language);
  if (isFlowTimedOut(state.updatedAt, ctx.now, ctx.timeoutMin)) {
    return finish([t.timedOut], true);
  }
  if (state.step === 'cancel') return onCancel(state, text, ctx);
  if (state.step !== 'confirm' && leaveWords.has(foldText(text))) return finish([t.left], true);
  if (state.step === 'service') return onService(state, text, ctx);
  const service = ctx.services.find((candidate) => candidate.id === state.serviceId);
  // The service was deleted while the customer was choosing: start again from the list.
  if (!service) return serviceStep(ctx, 0);
  if (state.step === 'day') return onDay(state, service, text, ctx);
  if (state.step === 'slot') return onSlot(state, service, text, ctx);
  return onConfirm(state, service, text, ctx);
}
