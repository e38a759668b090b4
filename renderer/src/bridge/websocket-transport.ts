/**
 * The browser host's transport: the contract's commands and events over one WebSocket (`/ws`).
 * It reconnects with backoff by itself and tells its owner, so state can be fetched again:
 * events pushed while the socket was down are lost, a fresh snapshot is not.
 */
import type { Transport } from '../../../shared/bridge';
import type { CommandName, CommandResult, EventName } from '../../../shared/contract';
import { MAX_WS_FRAME_BYTES } from '../../../shared/limits';
import type { ClientFrame, ServerFrame } from '../../../shared/wire';

/**
 * The part of the DOM WebSocket this transport uses; tests pass a fake. Handlers take `never` so
 * the DOM's own handler types fit; the transport only reads `data` of a message event.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
}

export type LinkState = 'connecting' | 'open' | 'reconnecting';

export interface WebSocketTransport extends Transport {
  /** Called after every reconnection (not the first connection). */
  onReconnect(listener: () => void): () => void;
  onLinkState(listener: (state: LinkState) => void): () => void;
  close(): void;
}

export interface WebSocketTransportOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  /** Backoff between reconnection attempts: doubles from `minDelayMs` up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A call that gets no answer in this time fails instead of hanging the UI. */
  requestTimeoutMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const OPEN = 1;

interface PendingCall {
  resolve(result: CommandResult<unknown>): void;
  timer: unknown;
  frame: string;
  /** Calls made while the socket is down wait unsent and go out once it opens. */
  sent: boolean;
}

function failure(message: string): CommandResult<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}

/** UTF-8 size of a frame; short frames skip the encoding (a character is at most three bytes). */
function frameBytes(frame: string): number {
  return frame.length * 3 <= MAX_WS_FRAME_BYTES ? frame.length : new TextEncoder().encode(frame).length;
}

export function wsUrlFor(location: { protocol: string; host: string }, path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  const linkListeners = new Set<(state: LinkState) => void>();
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let everOpened = false;
  let delay = minDelay;
  let closedByOwner = false;
  let retryTimer: unknown = null;

  const setLink = (state: LinkState) => linkListeners.forEach((listener) => listener(state));

  function handleFrame(raw: unknown) {
    if (typeof raw !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(raw) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'result') {
      const call = pending.get(frame.id);
      if (!call) return;
      pending.delete(frame.id);
      clearTimer(call.timer);
      call.resolve(frame.result);
    } else if (frame.type === 'event') {
      eventListeners.get(frame.name)?.forEach((listener) => listener(frame.payload));
    }
  }

  function connect() {
    retryTimer = null;
    const current = options.createSocket(options.url);
    socket = current;
    current.onopen = () => {
      delay = minDelay;
      const reconnected = everOpened;
      everOpened = true;
      for (const call of pending.values()) {
        if (call.sent) continue;
        call.sent = true;
        current.send(call.frame);
      }
      setLink('open');
      if (reconnected) reconnectListeners.forEach((listener) => listener());
    };
    current.onmessage = (event: { data: unknown }) => handleFrame(event.data);
    current.onerror = () => undefined;
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      // Calls in flight may or may not have run: report them failed rather than guess.
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        clearTimer(call.timer);
        call.resolve(failure('the connection to Janela was lost'));
      }
      if (closedByOwner) return;
      setLink(everOpened ? 'reconnecting' : 'connecting');
      retryTimer = setTimer(connect, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
  }

  connect();

  return {
    invoke(name: CommandName, input: unknown) {
      return new Promise<CommandResult<unknown>>((resolve) => {
        const id = nextId++;
        const frame: ClientFrame = { type: 'invoke', id, name, input };
        const text = JSON.stringify(frame);
        // The host would cut the socket for a frame over its limit: fail this call alone instead.
        if (frameBytes(text) > MAX_WS_FRAME_BYTES)
          return resolve({
            ok: false,
            error: { code: 'too-large', message: `the ${name} frame is over ${MAX_WS_FRAME_BYTES} bytes` },
          });
        const timer = setTimer(() => {
          if (pending.delete(id)) resolve(failure(`no answer to ${name} from Janela`));
        }, requestTimeout);
        const call: PendingCall = { resolve, timer, frame: text, sent: false };
        pending.set(id, call);
        if (socket && socket.readyState === OPEN) {
          call.sent = true;
          socket.send(call.frame);
        }
      });
    },
    subscribe(name: EventName, listener: (payload: unknown) => void) {
      const listeners = eventListeners.get(name) ?? new Set();
      listeners.add(listener);
      eventListeners.set(name, listeners);
      return () => listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    onLinkState(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close() {
      closedByOwner = true;
      if (retryTimer !== null) clearTimer(retryTimer);
      socket?.close();
    },
  };
}
