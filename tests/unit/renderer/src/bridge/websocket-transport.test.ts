import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWebSocketTransport,
  wsUrlFor,
  type SocketLike,
} from '../../../../../renderer/src/bridge/websocket-transport';
import { MAX_WS_FRAME_BYTES } from '../../../../../shared/limits';

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    (this.onopen as (() => void) | null)?.();
  }
  drop() {
    this.readyState = 3;
    (this.onclose as (() => void) | null)?.();
  }
  receive(frame: unknown) {
    (this.onmessage as ((event: { data: unknown }) => void) | null)?.({ data: JSON.stringify(frame) });
  }
  frames() {
    return this.sent.map((text) => JSON.parse(text) as { id: number; name: string; input: unknown });
  }
}

function latest(): FakeSocket {
  const socket = FakeSocket.all[FakeSocket.all.length - 1];
  if (!socket) throw new Error('no socket yet');
  return socket;
}

function transport() {
  return createWebSocketTransport({ url: 'ws://127.0.0.1:1/ws', createSocket: (url) => new FakeSocket(url) });
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('wsUrlFor', () => {
  it('follows the page: ws for http, wss for https, same host and port', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:5199' }, '/ws')).toBe('ws://127.0.0.1:5199/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'example.test' }, '/ws')).toBe('wss://example.test/ws');
  });
});

describe('createWebSocketTransport', () => {
  it('holds calls made before the socket opens, then sends each once with its own id', async () => {
    const link = transport();
    const first = link.invoke('getSnapshot', {});
    const second = link.invoke('markRead', { chatId: '5511987654321@c.us' });
    expect(latest().sent).toEqual([]);
    latest().open();
    const frames = latest().frames();
    expect(frames.map((frame) => frame.name)).toEqual(['getSnapshot', 'markRead']);
    expect(new Set(frames.map((frame) => frame.id)).size).toBe(2);

    const [snapshotFrame, markReadFrame] = frames;
    latest().receive({ type: 'result', id: markReadFrame?.id, result: { ok: true, value: null } });
    latest().receive({
      type: 'result',
      id: snapshotFrame?.id,
      result: { ok: false, error: { code: 'internal', message: 'x' } },
    });
    await expect(second).resolves.toEqual({ ok: true, value: null });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'x' } });
  });

  it('delivers pushed events to subscribers until they unsubscribe, and ignores garbage', () => {
    const link = transport();
    latest().open();
    const seen: unknown[] = [];
    const unsubscribe = link.subscribe('clockChanged', (payload) => seen.push(payload));
    latest().receive({ type: 'event', name: 'clockChanged', payload: { now: 1 } });
    latest().receive({ type: 'event', name: 'chatsChanged', payload: { chats: [] } });
    (latest().onmessage as (event: { data: unknown }) => void)({ data: 'not json' });
    unsubscribe();
    latest().receive({ type: 'event', name: 'clockChanged', payload: { now: 2 } });
    expect(seen).toEqual([{ now: 1 }]);
  });

  it('fails calls in flight when the socket drops (they may or may not have run), and keeps unsent ones', async () => {
    const link = transport();
    latest().open();
    const inFlight = link.invoke('sendMessage', { chatId: '5511987654321@c.us', text: 'Oi' });
    latest().drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });

    const queued = link.invoke('getSnapshot', {});
    await vi.advanceTimersByTimeAsync(250);
    latest().open();
    const frame = latest().frames()[0];
    expect(frame?.name).toBe('getSnapshot');
    latest().receive({ type: 'result', id: frame?.id, result: { ok: true, value: 'snapshot' } });
    await expect(queued).resolves.toEqual({ ok: true, value: 'snapshot' });
  });

  it('reconnects with growing delays and announces each reconnection, not the first connection', async () => {
    const link = transport();
    const reconnections = vi.fn();
    const states: string[] = [];
    link.onReconnect(reconnections);
    link.onLinkState((state) => states.push(state));
    latest().open();
    expect(reconnections).not.toHaveBeenCalled();

    latest().drop();
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(2);
    latest().drop();
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(3);
    latest().open();
    expect(reconnections).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['open', 'reconnecting', 'reconnecting', 'open']);

    // A successful connection resets the backoff.
    latest().drop();
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all).toHaveLength(4);
  });

  it('keeps trying a host that stays away, never more than 5 s apart, and is back within 5 s of its return', async () => {
    const link = transport();
    const reconnections = vi.fn();
    link.onReconnect(reconnections);
    latest().open();
    latest().drop();
    // A restart that takes a minute: every attempt is refused.
    for (let waited = 0; waited < 60_000; waited += 5_000) {
      const attempts = FakeSocket.all.length;
      await vi.advanceTimersByTimeAsync(5_000);
      expect(FakeSocket.all.length, `attempts after ${waited + 5_000} ms`).toBeGreaterThan(attempts);
      latest().drop();
    }
    await vi.advanceTimersByTimeAsync(5_000);
    latest().open();
    expect(reconnections).toHaveBeenCalledTimes(1);
  });

  it('gives up on a call that gets no answer instead of hanging', async () => {
    const link = createWebSocketTransport({
      url: 'ws://x/ws',
      createSocket: (url) => new FakeSocket(url),
      requestTimeoutMs: 1000,
    });
    latest().open();
    const call = link.invoke('getSnapshot', {});
    await vi.advanceTimersByTimeAsync(1000);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('stops reconnecting once closed by its owner', async () => {
    const link = transport();
    latest().open();
    link.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});

describe('frames over the host’s limit', () => {
  it('fail that call with too-large instead of sending a frame the host would cut the socket for', async () => {
    const link = transport();
    latest().open();
    // 1.4 million "€": under the command's character limit, but three bytes each on the wire.
    const result = await link.invoke('importQuickReplies', { json: '€'.repeat(MAX_WS_FRAME_BYTES / 3 + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(latest().sent).toEqual([]);
    const small = link.invoke('importQuickReplies', { json: '€'.repeat(1_000) });
    expect(
      latest()
        .frames()
        .map((frame) => frame.name),
    ).toEqual(['importQuickReplies']);
    latest().receive({ type: 'result', id: latest().frames()[0]?.id, result: { ok: true, value: [] } });
    await expect(small).resolves.toEqual({ ok: true, value: [] });
  });
});
