/**
 * A booking or an order the customer left half-way is answered "timed out" on their next message;
 * one left for a day is simply dropped, so the store does not keep every abandoned cart forever.
 */
import type { JanelaStore } from '../store/store-types';

export const STALE_FLOW_MS = 24 * 60 * 60_000;

function fresh<T extends { updatedAt: number }>(flows: Record<string, T>, now: number): Record<string, T> | null {
  const kept = Object.entries(flows).filter(([, state]) => now - state.updatedAt < STALE_FLOW_MS);
  return kept.length === Object.keys(flows).length ? null : Object.fromEntries(kept);
}

/** Returns how many flows were dropped. */
export function dropStaleFlows(store: JanelaStore, now: number): number {
  const bookingFlows = fresh(store.data.bookingFlows, now);
  const orderFlows = fresh(store.data.orderFlows, now);
  if (!bookingFlows && !orderFlows) return 0;
  const before = Object.keys(store.data.bookingFlows).length + Object.keys(store.data.orderFlows).length;
  store.update((data) => {
    if (bookingFlows) data.bookingFlows = bookingFlows;
    if (orderFlows) data.orderFlows = orderFlows;
  });
  return before - Object.keys(store.data.bookingFlows).length - Object.keys(store.data.orderFlows).length;
}
