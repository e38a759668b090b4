/**
 * Where a customer is in the order chat, as stored, so a restart continues with the same cart. The
 * options of the list on screen are kept, so "3" means what the customer saw.
 */
import { z } from 'zod';
import { fulfilmentSchema, orderItemSchema } from './order-schemas';

export const orderFlowStepSchema = z.enum([
  'category',
  'products',
  'cart',
  'remove',
  'fulfilment',
  'address',
  'note',
  'confirm',
]);

export const orderFlowStateSchema = z.object({
  step: orderFlowStepSchema,
  cart: z.array(orderItemSchema).max(50),
  /** The category whose products are listed; null lists every available product. */
  category: z.string().nullable(),
  /** Category names or product ids of the list on screen. */
  choices: z.array(z.string()).max(9),
  page: z.number().int().min(0),
  hasMore: z.boolean(),
  fulfilment: fulfilmentSchema.nullable(),
  address: z.string().max(300).nullable(),
  note: z.string().max(500).nullable(),
  updatedAt: z.number().int(),
});
export type OrderFlowState = z.infer<typeof orderFlowStateSchema>;
