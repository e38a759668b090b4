/**
 * One router for both transports: validates who calls and what they send before any handler
 * runs, and turns every outcome into a CommandResult (errors never cross as exceptions).
 */
import { commands, JanelaError, type CommandName, type CommandOutput, type CommandResult } from '../../shared/contract';
import type { z } from 'zod';

export type Handlers = {
  [K in CommandName]: (input: z.output<(typeof commands)[K]['input']>) => Promise<CommandOutput<K>> | CommandOutput<K>;
};

/** What the transport established about the caller (IPC sender frame, or loopback + session). */
export interface Caller {
  trusted: boolean;
  /** Technical, for logs: never personal data. */
  description: string;
}

export type Dispatch = (name: string, input: unknown, caller: Caller) => Promise<CommandResult<unknown>>;

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

export function createRouter(handlers: () => Handlers, log: (line: string) => void): Dispatch {
  return async (name, input, caller) => {
    if (!caller.trusted) {
      log(`refused ${name} from untrusted caller ${caller.description}`);
      return { ok: false, error: { code: 'forbidden', message: 'caller is not this app' } };
    }
    if (!isCommandName(name))
      return { ok: false, error: { code: 'invalid-input', message: `unknown command ${name}` } };
    const parsed = commands[name].input.safeParse(input);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
        .join('; ');
      return { ok: false, error: { code: 'invalid-input', message: detail } };
    }
    try {
      const handler = handlers()[name] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof JanelaError) return { ok: false, error: error.toData() };
      log(`command ${name} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error'}`);
      return { ok: false, error: { code: 'internal', message: 'something went wrong; see the log' } };
    }
  };
}
