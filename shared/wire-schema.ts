/** The browser host checks every frame a client sends against this before reading it. */
import { z } from 'zod';
import type { ClientFrame } from './wire';

export const clientFrameSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  input: z.unknown(),
}) satisfies z.ZodType<ClientFrame>;
