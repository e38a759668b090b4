/**
 * The booking chat as the bot engine sees it (ChatFlow): the pure flow of shared/bookings, its
 * per-chat state kept in the store's `bookingFlows`, and its effects written through the agenda,
 * one message at a time. A write that finds its time taken (another customer got there first) is
 * not an error: the customer is offered the next free times instead.
 */
import type { ChatFlow, ChatFlowContext, ChatFlowReply } from '../automations/chat-flow';
import type { BookingFlowState } from '../../../shared/bookings/booking-flow-state';
import {
  bookingFlowStep,
  startBookingFlow,
  type BookingEffect,
  type BookingFlowContext,
  type BookingFlowResult,
} from '../../../shared/bookings/booking-flow';
import type { ChatId } from '../../../shared/domain';
import type { JanelaStore } from '../store/store-types';
import { claimBooking, freeSlotsNow, moveBooking, nextBookingOf, setBookingStatus, type AgendaDeps } from './agenda';
import type { OpeningHoursSource } from './opening-hours';
import { staffBookingTexts } from './staff-texts';

export interface BookingChatFlowDeps {
  store: JanelaStore;
  openingHours: OpeningHoursSource;
  /** Bookings changed: the agenda on screen should refresh. */
  onBookingsChanged?: () => void;
  /** Minutes of silence after which a step goes back to the menu. */
  timeoutMin?: number;
}

export function createBookingChatFlow(deps: BookingChatFlowDeps): ChatFlow {
  const { store } = deps;
  const agenda: AgendaDeps = { store, openingHours: deps.openingHours };

  function flowContext(context: ChatFlowContext): BookingFlowContext {
    return {
      services: store.data.services,
      freeSlotsFor: (service, movingBookingId) => freeSlotsNow(agenda, service, movingBookingId, context.now),
      nextBooking: nextBookingOf(store, context.chatId, context.now),
      lastInboundAt: context.lastInboundAt,
      now: context.now,
      timeZone: context.timeZone,
      language: context.language,
      ...(deps.timeoutMin !== undefined ? { timeoutMin: deps.timeoutMin } : {}),
    };
  }

  function saveState(chatId: ChatId, state: BookingFlowState | null): void {
    if (state === null && !(chatId in store.data.bookingFlows)) return;
    store.update((data) => {
      const flows = Object.fromEntries(Object.entries(data.bookingFlows).filter(([id]) => id !== chatId));
      if (state !== null) flows[chatId] = state;
      data.bookingFlows = flows;
    });
  }

  /** Writes the effect; false when the time was taken since the customer saw it. */
  function apply(effect: BookingEffect, context: ChatFlowContext): boolean {
    const { chatId, now } = context;
    if (effect.kind === 'create-booking') {
      return claimBooking(store, { chatId, serviceId: effect.serviceId, start: effect.start, end: effect.end, now }).ok;
    }
    if (effect.kind === 'move-booking') return moveBooking(store, { ...effect, now }).ok;
    // Cancelling or confirming one's own booking cannot conflict with anyone.
    setBookingStatus(store, effect.id, effect.kind === 'cancel-booking' ? 'cancelled' : 'confirmed', now);
    return true;
  }

  function settle(result: BookingFlowResult, state: BookingFlowState | null, context: ChatFlowContext): ChatFlowReply {
    let settled = result;
    if (result.effect) {
      if (apply(result.effect, context)) deps.onBookingsChanged?.();
      // The time went between the customer's "1" and the write: the same step, run again against
      // the agenda as it is now, offers the next free times.
      else settled = bookingFlowStep(state, context.text, flowContext(context)) ?? { ...result, effect: null };
    }
    saveState(context.chatId, settled.state);
    const texts = [...settled.messages];
    // The customer's "1" the day before: the practical details go with the confirmation.
    const address = store.data.settings.shop.address.trim();
    if (settled.effect?.kind === 'confirm-booking' && address) {
      texts.push(staffBookingTexts(context.language).whereToFind(address));
    }
    return { texts, backToMenu: settled.backToMenu, notUnderstood: settled.notUnderstood === true };
  }

  return {
    name: 'booking',
    continue(context) {
      const state = store.data.bookingFlows[context.chatId] ?? null;
      // While an order is under way, "cancelar" or "1" belong to it, not to the customer's booking.
      if (state === null && context.chatId in store.data.orderFlows) return null;
      const result = bookingFlowStep(state, context.text, flowContext(context));
      if (result === null) return null;
      return settle(result, state, context);
    },
    start(context) {
      return settle(startBookingFlow(flowContext(context)), null, context);
    },
  };
}
