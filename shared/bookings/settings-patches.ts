/**
 * Patches for the agenda and order settings, as staff send them: only the fields given. The stored
 * schemas give every field a default (so older stores read), and a `.partial()` of them would fill
 * the missing fields with those defaults and reset what staff did not touch.
 */
import { z } from 'zod';
import { agendaSettingsSchema } from './booking-schemas';
import { orderSettingsSchema } from '../orders/order-schemas';

const agenda = agendaSettingsSchema.shape;
export const agendaSettingsPatchSchema = z.object({
  maxDaysAhead: agenda.maxDaysAhead.unwrap().optional(),
  minNoticeMin: agenda.minNoticeMin.unwrap().optional(),
  slotStepMin: agenda.slotStepMin.unwrap().optional(),
  capacity: agenda.capacity.unwrap().optional(),
  reminderBeforeMin: agenda.reminderBeforeMin.unwrap().optional(),
});

const orders = orderSettingsSchema.shape;
export const orderSettingsPatchSchema = z.object({
  delivery: orders.delivery.unwrap().optional(),
  pickup: orders.pickup.unwrap().optional(),
  deliveryFeeCents: orders.deliveryFeeCents.unwrap().optional(),
  minimumOrderCents: orders.minimumOrderCents.unwrap().optional(),
});
