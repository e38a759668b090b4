import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../../../electron/host/frame-checks';
import { rateLimitedLog } from '../../../../electron/host/rate-limited-log';
import { createSocketOutbox, type SocketOutboxLimits } from '../../../../electron/host/socket-outbox';

const limits: SocketOutboxLimits = {
  coalesceAboveBytes: 100,
  closeAboveBytes: 1000,
  maxWaitingEvents: 5,
  recheckMs: 10,
};

function fakeSocket() {
  const socket = {
    bufferedAmount: 0,
    sent: [] as { name?: string; payload?: unknown }[],
    terminated: false,
    send(data: string) {
      socket.sent.push(JSON.parse(data) as { name?: string; payload?: unknown });
    },
    terminate() {
      socket.terminated = true;
    },
  };
  return socket;
}

function manualTimers() {
  const pending: (() => void)[] = [];
  return {
    pending,
    set: (callback: () => void) => pending.push(callback),
    clear: () => pending.splice(0),
    run: () => pending.splice(0).forEach((callback) => callback()),
  };
}

const chat = (chatId: string, unreadCount: number) => ({ chatId, unreadCount });

describe('the socket outbox', () => {
  it('sends at once while the client keeps up', () => {
    const socket = fakeSocket();
    const outbox = createSocketOutbox(socket, () => undefined, limits, manualTimers());
    outbox.pushEvent('clockChanged', { now: 1 });
    outbox.pushEvent('clockChanged', { now: 2 });
    expect(socket.sent.map((frame) => frame.payload)).toEqual([{ now: 1 }, { now: 2 }]);
  });

  it('coalesces while the client is behind: the newest state of each thing, chats merged by id', () => {
    const socket = fakeSocket();
    const timers = manualTimers();
    const outbox = createSocketOutbox(socket, () => undefined, limits, timers);
    socket.bufferedAmount = 500;
    outbox.pushEvent('clockChanged', { now: 1 });
    outbox.pushEvent('chatsChanged', { chats: [chat('a', 1), chat('b', 1)] });
    outbox.pushEvent('messageChanged', { message: { id: 'm1', status: 'sent' } });
    outbox.pushEvent('messageChanged', { message: { id: 'm1', status: 'read' } });
    outbox.pushEvent('chatsChanged', { chats: [chat('a', 2)] });
    outbox.pushEvent('clockChanged', { now: 2 });
    expect(socket.sent).toEqual([]);
    timers.run();
    expect(socket.sent).toEqual([]);
    socket.bufferedAmount = 0;
    timers.run();
    expect(socket.sent.map(({ name, payload }) => [name, payload])).toEqual([
      ['messageChanged', { message: { id: 'm1', status: 'read' } }],
      ['chatsChanged', { chats: [chat('a', 2), chat('b', 1)] }],
      ['clockChanged', { now: 2 }],
    ]);
  });

  it('cuts a client with too many waiting events or too many buffered bytes, once', () => {
    const cuts: string[] = [];
    const socket = fakeSocket();
    const outbox = createSocketOutbox(socket, (reason) => cuts.push(reason), limits, manualTimers());
    socket.bufferedAmount = 500;
    for (let index = 0; index < 10; index += 1) outbox.pushEvent('messageChanged', { message: { id: `m${index}` } });
    expect(socket.terminated).toBe(true);
    expect(cuts).toHaveLength(1);

    const second = fakeSocket();
    const other = createSocketOutbox(second, (reason) => cuts.push(reason), limits, manualTimers());
    second.bufferedAmount = 5000;
    other.sendResult('{"type":"result"}');
    expect(second.terminated).toBe(true);
    expect(second.sent).toEqual([]);
  });

  it('sends one large answer to a healthy client', () => {
    const socket = fakeSocket();
    const outbox = createSocketOutbox(socket, () => undefined, limits, manualTimers());
    outbox.sendResult(JSON.stringify({ type: 'result', big: 'x'.repeat(5000) }));
    socket.bufferedAmount = 5000;
    expect(socket.terminated).toBe(false);
    expect(socket.sent).toHaveLength(1);
  });
});

describe('nestingDepth', () => {
  it('counts brackets outside strings only', () => {
    expect(nestingDepth('{"a":[1,{"b":2}]}', 10)).toBe(3);
    expect(nestingDepth('{"a":"[[[[[[\\"[[["}', 10)).toBe(1);
    expect(nestingDepth('"not json', 10)).toBe(0);
  });

  it('stops as soon as the limit is passed', () => {
    expect(nestingDepth('['.repeat(1_000_000), 16)).toBe(17);
  });
});

describe('rateLimitedLog', () => {
  it('writes a few lines a window, then how many it left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = rateLimitedLog((line) => lines.push(line), { perWindow: 2, windowMs: 1000, now: () => now });
    for (let index = 0; index < 10; index += 1) log(`bad frame ${index}`);
    expect(lines).toEqual(['bad frame 0', 'bad frame 1']);
    now = 1000;
    log('bad frame 10');
    expect(lines).toEqual(['bad frame 0', 'bad frame 1', '8 more such lines were not logged', 'bad frame 10']);
  });
});
