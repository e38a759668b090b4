/**
 * Frames of the browser host's WebSocket (`/ws`): the same commands and events as Electron IPC.
 * Free of zod, so the renderer's first stage can import it; the backend's schema of a client frame
 * is in wire-schema.ts.
 */
import type { CommandResult } from './janela-error';

export const WS_PATH = '/ws';

export interface ClientFrame {
  type: 'invoke';
  id: number;
  name: string;
  input?: unknown;
}

export type ServerFrame =
  { type: 'result'; id: number; result: CommandResult<unknown> } | { type: 'event'; name: string; payload: unknown };

/** Electron IPC channel names, one per command plus one for all pushed events. */
export const IPC_INVOKE_PREFIX = 'janela:invoke:';
export const IPC_EVENT_CHANNEL = 'janela:event';
