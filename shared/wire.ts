/** Frames of the browser host's WebSocket (`/ws`): the same commands and events as Electron IPC. */
import { z } from 'zod';
import type { CommandResult } from './janela-error';

export const WS_PATH = '/ws';

export const clientFrameSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  name: z.string(),
  input: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export type ServerFrame =
  { type: 'result'; id: number; result: CommandResult<unknown> } | { type: 'event'; name: string; payload: unknown };

/** Electron IPC channel names, one per command plus one for all pushed events. */
export const IPC_INVOKE_PREFIX = 'janela:invoke:';
export const IPC_EVENT_CHANNEL = 'janela:event';
