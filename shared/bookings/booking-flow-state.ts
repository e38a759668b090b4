/**
 * Where a customer is in the booking chat, as stored, so a restart continues where they were. List
 * steps keep the options exactly as shown, so "3" means what the customer saw even if the agenda
 * changed since.
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);
const listFields = {
  page: z.number().int().min(0),
  hasMore: z.boolean(),
  updatedAt: z.number().int(),
};
const movingBookingId = id.nullable();

export const bookingFlowStateSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('service'), choices: z.array(id).max(9), ...listFields }),
  z.object({
    step: z.literal('day'),
    serviceId: id,
    movingBookingId,
    choices: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(9),
    ...listFields,
  }),
  z.object({
    step: z.literal('slot'),
    serviceId: id,
    movingBookingId,
    /** The slots of one local day, or (after a conflict) every slot after `after`. */
    date: z.string().nullable(),
    after: z.number().int().nullable(),
    choices: z.array(z.number().int()).max(9),
    ...listFields,
  }),
  z.object({
    step: z.literal('confirm'),
    serviceId: id,
    movingBookingId,
    start: z.number().int(),
    updatedAt: z.number().int(),
  }),
  z.object({ step: z.literal('cancel'), bookingId: id, updatedAt: z.number().int() }),
]);
export type BookingFlowState = z.infer<typeof bookingFlowStateSchema>;
