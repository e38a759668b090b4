/** What the staff agenda receives: each booking with who, what, and what can still be done to remind them. */
import { z } from 'zod';
import { agendaSettingsSchema, bookingSchema, serviceSchema } from './booking-schemas';

export const reminderPlanSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('confirmed'), at: z.number().nullable() }),
  z.object({ state: z.literal('reminder-sent'), at: z.number() }),
  z.object({ state: z.literal('can-remind-until'), until: z.number(), remindAt: z.number().nullable() }),
  z.object({ state: z.literal('cannot-remind-window-closed') }),
]);

export const agendaEntrySchema = z.object({
  booking: bookingSchema,
  customerName: z.string(),
  phone: z.string(),
  /** The service's name, or null when the service was deleted since. */
  serviceName: z.string().nullable(),
  /** Null for bookings that need no reminder (past, cancelled, done, no-show). */
  reminder: reminderPlanSchema.nullable(),
  /** Until when staff may write to this customer; null when the window is closed. */
  windowOpenUntil: z.number().nullable(),
});
export type AgendaEntry = z.infer<typeof agendaEntrySchema>;

export const agendaSchema = z.object({
  services: z.array(serviceSchema),
  settings: agendaSettingsSchema,
  entries: z.array(agendaEntrySchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

/** Staff changes to a booking; `notify` sends the customer a message (only while their window is open). */
export const bookingChangeResultSchema = z.object({ booking: bookingSchema, told: z.boolean() });
