/**
 * What the browser host sends one client, bounded. A client that stops reading (a frozen tab, a
 * script that never reads) must not make the host buffer without end: while its socket is behind,
 * pushed events are coalesced (the newest state of each thing wins), and a socket still behind
 * past a hard limit is cut. The renderer reconnects and takes a fresh snapshot, so nothing is lost
 * for a client that comes back.
 */
import type { EventName } from '../../shared/contract';

export interface OutboxSocket {
  /** Bytes queued by the socket and not yet handed to the network. */
  readonly bufferedAmount: number;
  send(data: string): void;
  /** Cuts the connection at once (no closing handshake: the socket is not reading). */
  terminate(): void;
}

export interface SocketOutboxLimits {
  /** Above this many buffered bytes, events wait and coalesce instead of being sent. */
  coalesceAboveBytes: number;
  /** A socket holding more than this many bytes when more is due, or this many waiting events, is cut. */
  closeAboveBytes: number;
  maxWaitingEvents: number;
  /** How often a backed-up socket is looked at again. */
  recheckMs: number;
}

export const defaultOutboxLimits: SocketOutboxLimits = {
  coalesceAboveBytes: 512 * 1024,
  closeAboveBytes: 16 * 1024 * 1024,
  maxWaitingEvents: 5_000,
  recheckMs: 100,
};

export interface SocketOutbox {
  /** A command's answer: always sent (the client asked for it), then the buffer is checked. */
  sendResult(frame: string): void;
  pushEvent(name: EventName, payload: unknown): void;
  /** Stops the recheck timer; nothing is sent afterwards. */
  close(): void;
}

interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

function chatIdOf(value: unknown): string | null {
  const chatId = (value as { chatId?: unknown } | null)?.chatId;
  return typeof chatId === 'string' ? chatId : null;
}

/**
 * Which waiting event a new one replaces: each event carries the whole state of what it names,
 * except `messageChanged` (one message) and `chatsChanged` (some chats), which are merged.
 */
function coalesceKey(name: EventName, payload: unknown): string {
  if (name === 'messageChanged') {
    const id = (payload as { message?: { id?: unknown } } | null)?.message?.id;
    return `messageChanged:${typeof id === 'string' ? id : ''}`;
  }
  return name;
}

export function createSocketOutbox(
  socket: OutboxSocket,
  onCut: (reason: string) => void,
  limits: SocketOutboxLimits = defaultOutboxLimits,
  timers: Timers = realTimers,
): SocketOutbox {
  const waiting = new Map<string, { name: EventName; payload: unknown }>();
  let timer: unknown = null;
  let closed = false;

  function cut(reason: string): void {
    if (closed) return;
    close();
    onCut(reason);
    socket.terminate();
  }

  function close(): void {
    closed = true;
    waiting.clear();
    if (timer !== null) timers.clear(timer);
    timer = null;
  }

  /** Checked before sending, so one large answer (a snapshot of many chats) never cuts a healthy client. */
  function send(frame: string): void {
    if (socket.bufferedAmount > limits.closeAboveBytes) return cut('the client is not reading');
    socket.send(frame);
  }

  function sendEvent(name: EventName, payload: unknown): void {
    send(JSON.stringify({ type: 'event', name, payload }));
  }

  function drain(): void {
    timer = null;
    if (closed) return;
    if (socket.bufferedAmount > limits.coalesceAboveBytes) {
      timer = timers.set(drain, limits.recheckMs);
      return;
    }
    const events = [...waiting.values()];
    waiting.clear();
    for (const { name, payload } of events) {
      if (closed) return;
      sendEvent(name, payload);
    }
  }

  function wait(name: EventName, payload: unknown): void {
    if (name === 'chatsChanged') {
      // Merge by chat: the newest row of each chat wins.
      const merged = new Map<string, unknown>();
      const earlier = waiting.get('chatsChanged')?.payload as { chats?: unknown[] } | undefined;
      for (const chat of [...(earlier?.chats ?? []), ...((payload as { chats?: unknown[] }).chats ?? [])])
        merged.set(chatIdOf(chat) ?? '', chat);
      payload = { chats: [...merged.values()] };
    }
    const key = coalesceKey(name, payload);
    // Re-inserted at the end, so the order of the newest states is kept.
    waiting.delete(key);
    waiting.set(key, { name, payload });
    if (waiting.size > limits.maxWaitingEvents) return cut('too many events waiting for the client');
    timer ??= timers.set(drain, limits.recheckMs);
  }

  return {
    sendResult(frame) {
      if (!closed) send(frame);
    },
    pushEvent(name, payload) {
      if (closed) return;
      if (waiting.size === 0 && socket.bufferedAmount <= limits.coalesceAboveBytes) sendEvent(name, payload);
      else wait(name, payload);
    },
    close,
  };
}
