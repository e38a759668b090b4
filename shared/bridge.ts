/**
 * `window.janela`: one intent-level API object built the same way over both transports,
 * so the renderer cannot tell the desktop app from the browser host.
 */
import type { CommandInput, CommandOutput, EventPayload } from './contract';
import { commandNames, eventNames, type CommandName, type EventName } from './contract-names';
import { JanelaError, type CommandResult } from './janela-error';

export interface Transport {
  invoke(name: CommandName, input: unknown): Promise<CommandResult<unknown>>;
  /** Returns the unsubscribe function. */
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

type CommandFunctions = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<CommandOutput<K>>;
};
type EventFunctions = {
  [K in EventName as `on${Capitalize<K>}`]: (listener: (payload: EventPayload<K>) => void) => () => void;
};
export type JanelaApi = CommandFunctions & EventFunctions;

/** `window.janelaShell`, set by the desktop app's preload; the browser host has none (media under /media/). */
export interface JanelaShell {
  mediaBase: string;
  canOpenFiles: boolean;
}

function listenerName(event: EventName): `on${Capitalize<EventName>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<EventName>}`;
}

export function createJanelaApi(transport: Transport): JanelaApi {
  const api: Record<string, unknown> = {};
  for (const name of commandNames) {
    api[name] = async (input: unknown) => {
      const result = await transport.invoke(name, input ?? {});
      if (!result.ok) throw new JanelaError(result.error.code, result.error.message, result.error.params);
      return result.value;
    };
  }
  for (const event of eventNames) {
    api[listenerName(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api as JanelaApi;
}
