/**
 * Raw WebSocket frames no browser would send, for the attacks on the browser host: each breaks
 * the protocol in one way. Client frames are masked (RFC 6455), here with a zero mask.
 */
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { MAX_WS_FRAME_BYTES } from '../../../../shared/limits';
import type { ClientFrame } from '../../../../shared/wire';

const zeroMask = [0, 0, 0, 0];

/** A binary frame's 14-byte header announcing `length` bytes (64-bit length form), and no payload. */
function lengthHeader(length: number): Buffer {
  const header = Buffer.alloc(10);
  header[0] = 0x82;
  header[1] = 0xff;
  header.writeBigUInt64BE(BigInt(length), 2);
  return Buffer.concat([header, Buffer.from(zeroMask)]);
}

/** A masked client frame; up to 64 kB of payload (the 16-bit length form past 125 bytes). */
function masked(first: number, payload: number[] | Buffer): Buffer {
  if (payload.length > 0xffff) throw new Error('frames up to 64 kB only');
  const length =
    payload.length < 126 ? [0x80 | payload.length] : [0x80 | 126, payload.length >> 8, payload.length & 0xff];
  return Buffer.concat([Buffer.from([first, ...length, ...zeroMask]), Buffer.from(payload)]);
}

/** A well-formed text frame as a page sends it, for tests that write frames themselves. */
export function clientTextFrame(frame: ClientFrame): Buffer {
  return masked(0x81, Buffer.from(JSON.stringify(frame)));
}

export const hostileFrames: Record<string, Buffer> = {
  // A 14-byte header announcing 2^62 bytes: nothing more needs to follow.
  'oversized length in the header': Buffer.from([0x82, 0xff, 0x40, 0, 0, 0, 0, 0, 0, 0, ...zeroMask]),
  // One byte over the host's limit: a length any parser can represent.
  'a length over the limit': lengthHeader(MAX_WS_FRAME_BYTES + 1),
  'invalid UTF-8 in a text frame': masked(0x81, [0xff, 0xfe, 0xfd]),
  'an unmasked frame': Buffer.from([0x81, 0x02, 0x68, 0x69]),
  'reserved bits set': masked(0xf1, [0x68, 0x69]),
  'a reserved opcode': masked(0x83, [0x68, 0x69]),
  'a fragmented control frame': masked(0x09, []),
  'close code 999': masked(0x88, [0x03, 0xe7]),
};

/** Opens a WebSocket by hand on `port` and resolves with the raw socket once upgraded. */
export function rawWebSocket(port: number, headers: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const lines = [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    let reply = '';
    const onData = (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (!reply.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (reply.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`no upgrade: ${reply.split('\r\n')[0] ?? ''}`));
    };
    socket.on('data', onData);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

/** Resolves when the host has closed the socket (or after `ms`, with false). */
export function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed || socket.readableEnded) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.resume();
  });
}
