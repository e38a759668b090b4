/**
 * What `getMetrics` returns: the period's figures (`figures.ts`), the previous period of the same
 * length for the change, and the missed conversations to open. The dashboard shows exactly this.
 */
import { z } from 'zod';
import { chatIdSchema } from '../domain';
import { metricsFiguresSchema } from './figures';

export const metricsPeriodInputSchema = z
  .object({
    /** Epoch ms, inclusive. */
    from: z.number().int(),
    /** Epoch ms, exclusive. */
    to: z.number().int(),
  })
  .strict()
  .refine((period) => period.to > period.from, { message: '`to` must be after `from`' });

/** The previous period's headline figures: what the cards compare against. */
export const previousFiguresSchema = metricsFiguresSchema.omit({ days: true, customerMessagesByWeekdayHour: true });
export type PreviousFigures = z.infer<typeof previousFiguresSchema>;

export const missedConversationSchema = z.object({
  chatId: chatIdSchema,
  name: z.string(),
  startedAt: z.number().int(),
  /** The customer's last message: the window closed 24 h after it. */
  lastInboundAt: z.number().int(),
});

export const metricsReportSchema = metricsFiguresSchema.extend({
  from: z.number().int(),
  to: z.number().int(),
  /** When the figures were computed: pending and missed depend on it. */
  now: z.number().int(),
  timeZone: z.string(),
  /** The period of the same length just before `from`. */
  previous: previousFiguresSchema.extend({ from: z.number().int(), to: z.number().int() }),
  /** Newest first; at most `missedListLimit`, `missed` says how many there are. */
  missedConversations: z.array(missedConversationSchema),
  /** False while the records are rebuilt from history (first start after an update, or after a recovery). */
  complete: z.boolean(),
});
export type MetricsReport = z.infer<typeof metricsReportSchema>;

export const missedListLimit = 200;

export const metricsCsvSchema = z.object({ fileName: z.string(), csv: z.string() });
