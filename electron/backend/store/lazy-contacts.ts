/**
 * The contacts of janela.json, read on demand. Building 10,000 contact objects when the store
 * opens costs more than the chat list may wait: on a machine where touching fresh memory is slow
 * it is most of 100 ms. So rows stay in the file; a contact is read and parsed the first time it
 * is needed, and the others in small slices in the background (`loadAll`), once the rows have
 * been read whole and their checksum checked. Until then the record behaves as a plain
 * Record<string, StoredContact>; the chat list orders itself from the window times in the file's
 * head (`timesTable`), without reading a contact.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { indexedTimes, type RowSource, type RowsHead } from './rows-layout';
import type { StoredContact } from './store-types';

/** Every contact's window times, three per contact: lastInboundAt, lastOutboundAt, lastMessage.at. */
export interface ContactTimesTable {
  chatIds: readonly string[];
  /** NaN for none. */
  times: Float64Array;
}

/** Parses one row; null when it is not a valid contact stored under that key. */
export type RowDecoder = (text: string, key: string) => StoredContact | null;

export interface LazyContactsHooks {
  decodeRow: RowDecoder;
  /** A row read on its own was not a contact: it is left out. */
  onUnreadable: () => void;
  /**
   * The rows part failed its checksum when read whole: the contacts to use instead (the last
   * good copy's), or null to keep the rows that still read as contacts.
   */
  onDamaged: () => Promise<Record<string, StoredContact> | null>;
}

const rowsPerSlice = 100;
const controllers = new WeakMap<object, LazyContacts>();

export class LazyContacts {
  /** The contacts read so far, and every contact assigned since opening. */
  readonly loaded: Record<string, StoredContact> = {};
  /** Rows not read yet, by key: the row's index. */
  private readonly pending = new Map<string, number>();
  /** Keys assigned or removed since opening: what the file says about them no longer counts. */
  private readonly changed = new Set<string>();
  /** Behaves as the whole record; what update() and the services see until `loadAll` finishes. */
  readonly record: Record<string, StoredContact>;
  /** The rows failed their checksum: the file must be rewritten. */
  damaged = false;

  constructor(
    private readonly head: RowsHead,
    private readonly source: RowSource,
    private readonly hooks: LazyContactsHooks,
  ) {
    head.keys.forEach((key, index) => this.pending.set(key, index));
    const { pending, changed } = this;
    this.record = new Proxy(this.loaded, {
      get: (target, key, receiver) =>
        typeof key === 'string' && pending.has(key) ? this.take(key) : Reflect.get(target, key, receiver),
      has: (target, key) => (typeof key === 'string' && pending.has(key)) || Reflect.has(target, key),
      set: (target, key, value) => {
        if (typeof key === 'string') {
          pending.delete(key);
          changed.add(key);
        }
        return Reflect.set(target, key, value);
      },
      deleteProperty: (target, key) => {
        if (typeof key === 'string') {
          pending.delete(key);
          changed.add(key);
        }
        return Reflect.deleteProperty(target, key);
      },
      ownKeys: (target) => [...Reflect.ownKeys(target), ...pending.keys()],
      getOwnPropertyDescriptor: (target, key) => {
        if (typeof key === 'string' && pending.has(key)) this.take(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
    controllers.set(this.record, this);
  }

  get fullyLoaded(): boolean {
    return this.pending.size === 0;
  }

  /**
   * Every contact's times. The file's table as it is while no contact changed; else a copy with
   * the changed contacts' own times.
   */
  timesTable(): ContactTimesTable {
    if (this.changed.size === 0) return { chatIds: this.head.keys, times: this.head.times };
    const chatIds: string[] = [];
    const times: number[] = [];
    const { keys, times: fileTimes } = this.head;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index] as string;
      if (this.changed.has(key)) continue;
      chatIds.push(key);
      times.push(fileTimes[index * 3] ?? NaN, fileTimes[index * 3 + 1] ?? NaN, fileTimes[index * 3 + 2] ?? NaN);
    }
    for (const key of this.changed) {
      const contact = this.loaded[key];
      if (!contact) continue;
      chatIds.push(key);
      times.push(...indexedTimes(contact));
    }
    return { chatIds, times: new Float64Array(times) };
  }

  /** Reads the remaining rows, a slice per event-loop turn; stops early when `stopped` says so. */
  async loadAll(stopped: () => boolean): Promise<void> {
    const intact = await this.source.verify(stopped);
    if (stopped()) return;
    if (!intact) {
      this.damaged = true;
      const replacement = await this.hooks.onDamaged();
      if (replacement) this.replaceUnchanged(replacement);
    }
    while (this.pending.size > 0 && !stopped()) {
      let count = 0;
      for (const key of this.pending.keys()) {
        this.take(key);
        if (++count === rowsPerSlice) break;
      }
      await nextTurn();
    }
  }

  /** Drops every contact the file gave, and takes these instead; changes since opening stay. */
  private replaceUnchanged(contacts: Record<string, StoredContact>): void {
    this.pending.clear();
    for (const key of Object.keys(this.loaded)) if (!this.changed.has(key)) Reflect.deleteProperty(this.loaded, key);
    for (const [key, contact] of Object.entries(contacts)) if (!this.changed.has(key)) this.loaded[key] = contact;
  }

  private take(key: string): StoredContact | undefined {
    const index = this.pending.get(key);
    if (index === undefined) return this.loaded[key];
    this.pending.delete(key);
    const contact = this.hooks.decodeRow(this.source.row(this.head.starts, index), key);
    if (!contact) {
      this.hooks.onUnreadable();
      return undefined;
    }
    this.loaded[key] = contact;
    return contact;
  }
}

/** The controller behind a record made by LazyContacts, or null for a plain record. */
export function lazyContactsOf(record: object): LazyContacts | null {
  return controllers.get(record) ?? null;
}
