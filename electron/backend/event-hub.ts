/** Backend → renderer pushes, typed by the contract; each transport subscribes once. */
import type { EventName, EventPayload } from '../../shared/contract';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
