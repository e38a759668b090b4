/**
 * The browser host: the same backend serving the same renderer over HTTP and a WebSocket on
 * 127.0.0.1, so the app can be used and tested in any browser. Every request passes the guard.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_DEPTH, MAX_WS_FRAME_BYTES } from '../../shared/limits';
import { WS_PATH, type ServerFrame } from '../../shared/wire';
import { clientFrameSchema } from '../../shared/wire-schema';
import type { AppSession } from '../backend/app-session';
import { nestingDepth } from './frame-checks';
import { rateLimitedLog } from './rate-limited-log';
import { checkRequest, SECRET_PARAM, SESSION_COOKIE, secretMatches, type Refusal } from './request-guard';
import { createSocketOutbox, defaultOutboxLimits, type SocketOutboxLimits } from './socket-outbox';
import { readStaticFile } from './static-files';
import { handleTestControl } from './test-control';
import { MEDIA_PATH_PREFIX, mediaAnswer } from '../backend/media/media-response';

/** The only request bodies the host reads are test control's, which may carry an attachment as base64. */
export const MAX_TEST_BODY_BYTES = 30_000_000;
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface BrowserHostOptions {
  session: AppSession;
  rendererDir: string;
  port: number;
  testControl: boolean;
  log: (line: string) => void;
  /** How far a client may fall behind before its events coalesce, then before it is cut. */
  outboxLimits?: SocketOutboxLimits;
}

export interface BrowserHost {
  /** The address to open; carries the per-launch secret unless test control is on. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const REFUSAL_TEXT: Record<Refusal, string> = {
  'bad-host': 'Refused: this Janela answers only on its own loopback address.',
  'bad-origin': 'Refused: requests must come from Janela’s own page.',
  'no-session': 'This Janela is private. Open the address printed by “npm run serve” (it carries a one-time secret).',
};

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
    ...headers,
  });
  response.end(body);
}

/** The body, or null when it is over the limit (the caller answers 413 and closes the connection). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop collecting, but leave the socket open long enough to say why.
      request.off('data', onData);
      request.resume();
      resolve(null);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { session, testControl, log } = options;
  const secret = testControl ? null : randomBytes(24).toString('base64url');
  let port = options.port;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.name : 'unknown'}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = URL.parse(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url) return send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    const guarded = { host: request.headers.host, origin: request.headers.origin, cookie: request.headers.cookie };
    // The printed URL carries the secret once; it becomes a cookie and leaves the address bar.
    if (secret !== null && request.method === 'GET' && secretMatches(url.searchParams.get(SECRET_PARAM), secret)) {
      const refusal = checkRequest({ ...guarded, cookie: `${SESSION_COOKIE}=${secret}` }, port, secret);
      if (refusal) return send(response, 403, 'text/plain; charset=utf-8', REFUSAL_TEXT[refusal]);
      return send(response, 302, 'text/plain; charset=utf-8', '', {
        location: '/',
        'set-cookie': `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const refusal = checkRequest(guarded, port, secret);
    if (refusal)
      return send(response, refusal === 'no-session' ? 401 : 403, 'text/plain; charset=utf-8', REFUSAL_TEXT[refusal]);

    if (testControl && url.pathname.startsWith('/test/')) {
      const body = request.method === 'POST' ? await readBody(request, MAX_TEST_BODY_BYTES) : '';
      if (body === null)
        return send(
          response,
          413,
          'application/json',
          JSON.stringify({ error: `body over ${MAX_TEST_BODY_BYTES} bytes` }),
          {
            connection: 'close',
          },
        );
      const result = handleTestControl(session, request.method ?? 'GET', url.pathname, body);
      if (result) return send(response, result.status, 'application/json', JSON.stringify(result.body));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    // Behind the same guard as the app: loopback, our own origin, and the session cookie.
    if (url.pathname.startsWith(MEDIA_PATH_PREFIX)) {
      const answer = await mediaAnswer(session.mediaStore(), url.pathname, url.searchParams);
      response.writeHead(answer.status, {
        ...answer.headers,
        'Referrer-Policy': 'no-referrer',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
      response.end(request.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (file.kind === 'bad-path') return send(response, 400, 'text/plain; charset=utf-8', 'Bad request');
    if (file.kind === 'outside') return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    if (file.kind === 'not-built')
      return send(
        response,
        404,
        'text/plain; charset=utf-8',
        'The app is not built: run “npm run serve”, which builds it first.',
      );
    send(response, 200, file.type, file.body);
  }

  // Whatever a client sends, it costs the host one line a minute at most, and never the process.
  const protocolLog = rateLimitedLog(log, { perWindow: 5, windowMs: 60_000, now: () => session.clock.now() });
  // One frame per turn of the event loop, as Electron delivers IPC messages: a command's answer is
  // then written before the next command runs. With several frames handled in one turn (a busy host
  // reads them in one chunk), an event pushed by a later command overtook an earlier command's
  // answer, and the page kept the stale answer (automatic replies shown as off after turning them on).
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WS_FRAME_BYTES,
    allowSynchronousEvents: false,
  });
  server.on('upgrade', (request, socket, head) => {
    // Node hands the raw socket over without its error listener: a reset here must not end the process.
    socket.on('error', (error) => protocolLog(`upgrade socket error: ${error.name}`));
    const path = URL.parse(request.url ?? '/', 'http://127.0.0.1')?.pathname;
    const refusal = checkRequest(
      { host: request.headers.host, origin: request.headers.origin, cookie: request.headers.cookie },
      port,
      secret,
    );
    // A WebSocket must come from a browser page of ours: Origin is required here, not optional.
    if (path !== WS_PATH || refusal || request.headers.origin === undefined) {
      log(`refused websocket: ${path !== WS_PATH ? 'bad-path' : (refusal ?? 'no-origin')}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket): void {
    const outbox = createSocketOutbox(
      ws,
      (reason) => log(`closed a websocket: ${reason}`),
      options.outboxLimits ?? defaultOutboxLimits,
    );
    const write = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) outbox.sendResult(JSON.stringify(frame));
    };
    const unsubscribe = session.hub.subscribe((name, payload) => {
      if (ws.readyState === ws.OPEN) outbox.pushEvent(name, payload);
    });
    ws.on('close', () => {
      unsubscribe();
      outbox.close();
    });
    // A frame that breaks the protocol (too large, bad UTF-8, unmasked, reserved bits, bad opcode or
    // close code…) ends that connection only; the client reconnects if it is ours.
    ws.on('error', (error) => {
      protocolLog(`closed a websocket after a protocol error: ${error.message}`);
      ws.terminate();
    });
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : String(data);
      if (nestingDepth(text, MAX_FRAME_DEPTH) > MAX_FRAME_DEPTH) {
        protocolLog('dropped a websocket frame nested too deeply');
        return;
      }
      let frame;
      try {
        frame = clientFrameSchema.parse(JSON.parse(text));
      } catch {
        protocolLog('dropped a malformed websocket frame');
        return;
      }
      const { id, name, input } = frame;
      void session
        .dispatch(name, input, { trusted: true, description: 'browser-host websocket' })
        .then((result) => write({ type: 'result', id, result }))
        .catch((error: unknown) => log(`websocket command failed: ${error instanceof Error ? error.name : 'unknown'}`));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/${secret ? `?${SECRET_PARAM}=${secret}` : ''}`;

  return {
    url,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
