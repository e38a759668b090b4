/** One conversation in memory: its messages ordered by time, indexed by id and WhatsApp id. */
import type { ReadMessagesOptions, StoredMessage } from './store-types';

export class ChatTimeline {
  private readonly ordered: StoredMessage[] = [];
  private readonly byId = new Map<string, StoredMessage>();
  private readonly byWaId = new Map<string, StoredMessage>();

  /** `versions` in file order; the last version of an id wins, its first appearance keeps its place. */
  constructor(versions: readonly StoredMessage[]) {
    for (const version of versions) {
      const known = this.byId.get(version.id);
      const last = this.ordered[this.ordered.length - 1];
      // The usual file: unique ids in time order, so each one simply goes at the end.
      if (!known && (!last || last.at <= version.at)) {
        this.ordered.push(version);
        this.index(version);
        continue;
      }
      if (known) this.replace(known, version);
      else this.insert(version);
    }
  }

  get(id: string): StoredMessage | null {
    return this.byId.get(id) ?? null;
  }

  getByWaId(waId: string): StoredMessage | null {
    return this.byWaId.get(waId) ?? null;
  }

  /**
   * Keeps time order; messages from a catch-up may be older than the newest one. Returns whether
   * the message went last (false: it went before newer ones).
   */
  insert(message: StoredMessage): boolean {
    const index = this.firstIndexAfter(message.at);
    const last = index === this.ordered.length;
    if (last) this.ordered.push(message);
    else this.ordered.splice(index, 0, message);
    this.index(message);
    return last;
  }

  /** Every message, in time order. */
  all(): readonly StoredMessage[] {
    return this.ordered;
  }

  replace(previous: StoredMessage, next: StoredMessage): void {
    const index = this.ordered.lastIndexOf(previous);
    if (index >= 0) this.ordered[index] = next;
    if (previous.waId !== undefined && this.byWaId.get(previous.waId) === previous) this.byWaId.delete(previous.waId);
    this.index(next);
  }

  read(options: ReadMessagesOptions): { messages: StoredMessage[]; hasMore: boolean } {
    let end = options.before === undefined ? this.ordered.length : this.firstIndexAtOrAfter(options.before);
    const anchor = options.beforeId === undefined ? undefined : this.byId.get(options.beforeId);
    if (anchor) end = Math.min(end, this.ordered.lastIndexOf(anchor));
    const start = Math.max(0, end - Math.max(0, options.limit));
    return { messages: this.ordered.slice(start, end), hasMore: start > 0 };
  }

  get size(): number {
    return this.ordered.length;
  }

  private index(message: StoredMessage): void {
    this.byId.set(message.id, message);
    if (message.waId !== undefined) this.byWaId.set(message.waId, message);
  }

  private firstIndexAfter(at: number): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ordered[middle] as StoredMessage).at <= at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private firstIndexAtOrAfter(at: number): number {
    let low = 0;
    let high = this.ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ordered[middle] as StoredMessage).at < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
