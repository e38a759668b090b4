/** A chat flow left silent this long goes back to the menu: the customer has likely moved on. */
export const DEFAULT_FLOW_TIMEOUT_MIN = 15;

export function isFlowTimedOut(updatedAt: number, now: number, timeoutMin = DEFAULT_FLOW_TIMEOUT_MIN): boolean {
  return now - updatedAt >= timeoutMin * 60_000;
}
