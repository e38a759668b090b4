/** Attacks on the browser host: none of them may take it down or make it hold memory for long. */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_FRAME_DEPTH } from '../../../../shared/limits';
import { MAX_TEST_BODY_BYTES } from '../../../../electron/host/browser-host';
import { closedWithin, hostileFrames, rawWebSocket } from './hostile-frames';
import { httpCall, startHost } from './host-fixture';

/** The host still serves pages and commands. */
async function stillServes(port: number): Promise<void> {
  expect((await httpCall(port, '/', { host: `127.0.0.1:${port}` })).status).toBe(200);
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { origin: `http://127.0.0.1:${port}` } });
  const answer = await new Promise<{ type: string; id: number; result: { ok: boolean } }>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('closed before answering')));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; id: number; result: { ok: boolean } };
      if (frame.type === 'result') resolve(frame);
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'invoke', id: 7, name: 'getSnapshot', input: {} })));
  });
  socket.close();
  expect(answer).toMatchObject({ id: 7, result: { ok: true } });
}

describe('hostile WebSocket frames', () => {
  for (const [attack, bytes] of Object.entries(hostileFrames)) {
    it(`${attack}: closes that socket only, logs it, and the host still serves`, async () => {
      const lines: string[] = [];
      const { port } = await startHost(true, { log: (line) => lines.push(line) });
      const socket = await rawWebSocket(port);
      socket.write(bytes);
      expect(await closedWithin(socket, 5_000)).toBe(true);
      await stillServes(port);
      expect(lines.filter((line) => line.includes('protocol error'))).toHaveLength(1);
    });
  }

  it('a reset in the middle of a refused upgrade does not end the process', async () => {
    const { port } = await startHost(true);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        `GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
      );
      socket.resetAndDestroy();
    }
    await stillServes(port);
  });

  it('an unparsable request target is a bad request, on HTTP and on an upgrade', async () => {
    const { port } = await startHost(true);
    const reply = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('error', () => resolve(text));
        socket.on('close', () => resolve(text));
        socket.write(request);
      });
    const host = `Host: 127.0.0.1:${port}\r\n`;
    expect(await reply(`GET http://[::1 HTTP/1.1\r\n${host}Connection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    const upgrade = `GET http://[::1 HTTP/1.1\r\n${host}Origin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    expect(await reply(upgrade)).toMatch(/^HTTP\/1\.1 (400|403)/);
    await stillServes(port);
  });

  it('a frame nested deeper than the contract can be is dropped before it is parsed', async () => {
    const lines: string[] = [];
    const { port } = await startHost(true, { log: (line) => lines.push(line) });
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { origin: `http://127.0.0.1:${port}` } });
    await new Promise((resolve) => socket.on('open', resolve));
    const depth = 1_000_000;
    const started = performance.now();
    socket.send(`{"type":"invoke","id":1,"name":"getSnapshot","input":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    socket.send(JSON.stringify({ type: 'invoke', id: 2, name: 'getSnapshot', input: {} }));
    const ids = await new Promise<number[]>((resolve) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; id: number };
        if (frame.type === 'result') resolve([frame.id]);
      });
    });
    expect(ids).toEqual([2]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines).toContain('dropped a websocket frame nested too deeply');
    socket.close();
    expect(MAX_FRAME_DEPTH).toBeLessThan(100);
  });

  it('malformed frames are logged a few times a minute, not once each', async () => {
    const lines: string[] = [];
    const { port } = await startHost(true, { log: (line) => lines.push(line) });
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { origin: `http://127.0.0.1:${port}` } });
    await new Promise((resolve) => socket.on('open', resolve));
    for (let index = 0; index < 200; index += 1) socket.send('not json');
    socket.send(JSON.stringify({ type: 'invoke', id: 1, name: 'getSnapshot', input: {} }));
    await new Promise((resolve) => socket.on('message', resolve));
    socket.close();
    expect(lines.filter((line) => line.includes('malformed')).length).toBeLessThanOrEqual(5);
  });
});

describe('a client that stops reading', () => {
  it('has its events coalesced, then is cut, and the host keeps serving', async () => {
    const lines: string[] = [];
    const { port, session } = await startHost(true, {
      log: (line) => lines.push(line),
      outboxLimits: {
        coalesceAboveBytes: 64 * 1024,
        closeAboveBytes: 1024 * 1024,
        maxWaitingEvents: 50,
        recheckMs: 20,
      },
    });
    const socket = await rawWebSocket(port);
    socket.pause(); // never reads again
    const gateway = session.simulatedGateway();
    if (!gateway) throw new Error('simulated');
    const text = 'x'.repeat(4000);
    for (let index = 0; index < 1_500; index += 1)
      gateway.receive({ phone: `55119${String(index).padStart(8, '0')}`, name: null, text });
    await expect.poll(() => lines.some((line) => line.startsWith('closed a websocket:'))).toBe(true);
    socket.destroy();
    await stillServes(port);
  });
});

describe('HTTP edge cases', () => {
  it('a test-control body over the limit is answered 413, not a reset', async () => {
    const { port } = await startHost(true);
    const body = JSON.stringify({ phone: '5511987654321', text: 'x'.repeat(MAX_TEST_BODY_BYTES + 10) });
    const reply = await httpCall(
      port,
      '/test/inbound',
      { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      'POST',
      body,
    );
    expect(reply.status).toBe(413);
  });

  it('a malformed percent-encoding is a bad request, not an internal error', async () => {
    const { port } = await startHost(true);
    const reply = await httpCall(port, '/%E0%A4%A', { host: `127.0.0.1:${port}` });
    expect(reply.status).toBe(400);
  });

  it('a traversal attempt is not found, without saying the app is not built', async () => {
    const { port } = await startHost(true);
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2f..%2fetc%2fhosts']) {
      const reply = await httpCall(port, path, { host: `127.0.0.1:${port}` });
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toMatch(/not built/);
    }
  });
});
