import { errorCodeOf } from '../janela-error';

/** The message key for any error thrown through the bridge, whichever transport carried it. */
export function errorMessageKey(error: unknown): `error.${ReturnType<typeof errorCodeOf>}` {
  return `error.${errorCodeOf(error)}`;
}
