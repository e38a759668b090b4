/** The catalogue, order settings and orders: schemas first, types inferred. Money is integer cents. */
import { z } from 'zod';
import { chatIdSchema } from '../domain';

const cents = z.number().int().nonnegative();

export const productSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  priceCents: cents,
  description: z.string().max(500).optional(),
  category: z.string().trim().max(40).optional(),
  available: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

/** Every field has a default, so an older store without one of them still reads. */
export const orderSettingsSchema = z
  .object({
    delivery: z.boolean().default(false),
    pickup: z.boolean().default(true),
    deliveryFeeCents: cents.default(0),
    /** Checked against the items' subtotal, before the delivery fee. */
    minimumOrderCents: cents.default(0),
  })
  .refine((settings) => settings.delivery || settings.pickup, {
    message: 'offer delivery, pickup or both',
    path: ['pickup'],
  });
export type OrderSettings = z.infer<typeof orderSettingsSchema>;
export const DEFAULT_ORDER_SETTINGS: OrderSettings = orderSettingsSchema.parse({});

export const fulfilmentSchema = z.enum(['delivery', 'pickup']);
export type Fulfilment = z.infer<typeof fulfilmentSchema>;

export const orderStatusSchema = z.enum([
  'new',
  'accepted',
  'ready',
  'out-for-delivery',
  'ready-for-pickup',
  'done',
  'cancelled',
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** A line keeps the name and price the customer agreed to, whatever the catalogue says later. */
export const orderItemSchema = z.object({
  productId: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  unitPriceCents: cents,
  quantity: z.number().int().min(1).max(99),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSchema = z
  .object({
    id: z.string().min(1).max(64),
    chatId: chatIdSchema,
    items: z.array(orderItemSchema).min(1),
    fulfilment: fulfilmentSchema,
    address: z.string().max(300).nullable(),
    note: z.string().max(500),
    subtotalCents: cents,
    deliveryFeeCents: cents,
    totalCents: cents,
    status: orderStatusSchema,
    createdAt: z.number().int(),
    statusChangedAt: z.number().int(),
  })
  .refine((order) => order.totalCents === order.subtotalCents + order.deliveryFeeCents, {
    message: 'the total is the subtotal plus the delivery fee',
    path: ['totalCents'],
  });
export type Order = z.infer<typeof orderSchema>;
/** An order as the chat produces it; the backend gives it its id. */
export type NewOrder = Omit<Order, 'id'>;
