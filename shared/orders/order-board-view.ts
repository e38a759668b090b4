/** What the staff order board receives: orders with their customer and whether they can be told now. */
import { z } from 'zod';
import { orderSchema, orderSettingsSchema, productSchema } from './order-schemas';

export const orderBoardEntrySchema = z.object({
  order: orderSchema,
  customerName: z.string(),
  phone: z.string(),
  /** Until when the customer can be told about a change; null when their window is closed. */
  windowOpenUntil: z.number().nullable(),
});
export type OrderBoardEntry = z.infer<typeof orderBoardEntrySchema>;

export const dailyTotalsSchema = z.object({
  date: z.string(),
  count: z.number().int(),
  totalCents: z.number().int(),
  deliveryCount: z.number().int(),
  pickupCount: z.number().int(),
  cancelledCount: z.number().int(),
});

export const orderBoardSchema = z.object({
  /** Orders placed that day, and older ones not yet done or cancelled. */
  entries: z.array(orderBoardEntrySchema),
  totals: dailyTotalsSchema,
});
export type OrderBoard = z.infer<typeof orderBoardSchema>;

/** The message sent for each status an order moves to ("new" has none: the chat confirmed it). */
export const statusTemplatesSchema = z.object({
  accepted: z.string().trim().min(1).max(1000),
  ready: z.string().trim().min(1).max(1000),
  'out-for-delivery': z.string().trim().min(1).max(1000),
  'ready-for-pickup': z.string().trim().min(1).max(1000),
  done: z.string().trim().min(1).max(1000),
  cancelled: z.string().trim().min(1).max(1000),
});

export const catalogueSchema = z.object({
  products: z.array(productSchema),
  settings: orderSettingsSchema,
  templates: statusTemplatesSchema,
});
export type Catalogue = z.infer<typeof catalogueSchema>;
