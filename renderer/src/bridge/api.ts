/**
 * The one handle on `window.janela` that stores use. Components call store actions, never this,
 * so the transport stays behind the stores (and tests can hand the stores a fake API).
 */
import type { JanelaApi } from '../../../shared/bridge';

let current: JanelaApi | null = null;

export function setApi(api: JanelaApi): void {
  current = api;
}

export function api(): JanelaApi {
  if (!current) throw new Error('The Janela bridge is not connected yet');
  return current;
}
