/**
 * The contract's errors without its schemas: the renderer's first stage (the bridge, the stores and
 * the texts) needs these, and importing them from contract.ts would build every schema at start.
 * contract.ts re-exports them and checks `JanelaErrorData` against its schema.
 */

/** Codes the renderer turns into messages in the person's language. */
export const errorCodes = [
  'invalid-input',
  'label-too-long',
  'forbidden',
  'not-found',
  'window-closed',
  'not-connected',
  'unfilled-placeholder',
  'never-wrote',
  'duplicate-shortcut',
  'invalid-import',
  'pairing-failed',
  'browser-not-usable',
  'too-large',
  'survey-already-sent',
  'slot-taken',
  'too-large',
  'media-unavailable',
  'not-supported',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface JanelaErrorData {
  code: ErrorCode;
  /** Technical English detail, for logs and tests; the UI shows its own text for the code. */
  message: string;
  params?: Record<string, string | number>;
}

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: JanelaErrorData };

/**
 * Thrown by backend handlers and rethrown by the bridge. The code also leads the message because
 * Electron's contextBridge copies only an error's message across worlds.
 */
export class JanelaError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'JanelaError';
  }

  toData(): JanelaErrorData {
    return this.params
      ? { code: this.code, message: this.detail, params: this.params }
      : { code: this.code, message: this.detail };
  }
}

/** Recovers the code of any error that came through the bridge, whichever world threw it. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof JanelaError) return error.code;
  const message = error instanceof Error ? error.message : String(error);
  const code = /^([a-z-]+): /.exec(message)?.[1];
  return (errorCodes as readonly string[]).includes(code ?? '') ? (code as ErrorCode) : 'internal';
}
