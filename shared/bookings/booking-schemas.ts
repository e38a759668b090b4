/** Services, agenda settings and bookings: schemas first, types inferred from them. */
import { z } from 'zod';
import { chatIdSchema } from '../domain';

const MINUTES_PER_DAY = 24 * 60;

export const serviceSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  durationMin: z.number().int().min(5).max(MINUTES_PER_DAY),
  /** Null when the shop prefers not to quote a price in the chat. */
  priceCents: z.number().int().nonnegative().nullable(),
  active: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

/** Every field has a default, so an older store without one of them still reads. */
export const agendaSettingsSchema = z.object({
  /** Counted in the shop's calendar days: 30 means "up to the same date next month, roughly". */
  maxDaysAhead: z.number().int().min(0).max(365).default(30),
  minNoticeMin: z
    .number()
    .int()
    .min(0)
    .max(30 * MINUTES_PER_DAY)
    .default(120),
  slotStepMin: z.number().int().min(5).max(MINUTES_PER_DAY).default(30),
  /** How many customers the shop serves at the same instant (chairs, rooms, staff). */
  capacity: z.number().int().min(1).max(50).default(1),
  reminderBeforeMin: z
    .number()
    .int()
    .min(0)
    .max(7 * MINUTES_PER_DAY)
    .default(MINUTES_PER_DAY),
});
export type AgendaSettings = z.infer<typeof agendaSettingsSchema>;
export const DEFAULT_AGENDA_SETTINGS: AgendaSettings = agendaSettingsSchema.parse({});

export const bookingStatusSchema = z.enum(['booked', 'confirmed', 'cancelled', 'no-show', 'done']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const bookingSchema = z
  .object({
    id: z.string().min(1).max(64),
    chatId: chatIdSchema,
    serviceId: z.string().min(1).max(64),
    /** Epoch ms. The end is stored, so changing a service's duration later does not move bookings. */
    start: z.number().int(),
    end: z.number().int(),
    status: bookingStatusSchema,
    createdAt: z.number().int(),
    confirmedAt: z.number().int().nullable(),
    reminderSentAt: z.number().int().nullable(),
    note: z.string().max(500).optional(),
  })
  .refine((booking) => booking.end > booking.start, { message: 'a booking ends after it starts', path: ['end'] });
export type Booking = z.infer<typeof bookingSchema>;

/** A cancelled booking frees its time; every other status holds it (done and no-show are in the past). */
export function holdsTime(booking: Pick<Booking, 'status'>): boolean {
  return booking.status !== 'cancelled';
}
