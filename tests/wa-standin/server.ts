/**
 * The stand-in's HTTPS server: answers as https://web.whatsapp.com/ (the browser is pointed here
 * with --host-resolver-rules), carries the page ↔ server WebSocket at /standin/ws and exposes the
 * control API over HTTP at /standin/control/<method> for drivers outside this process.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { selfSignedCertificate } from './certificate';
import { pageMessageSchema } from './protocol';
import type { ServerMessage } from './protocol';
import type { StandInControl } from './control-types';
import type { Me } from './history';
import { StandInWorld } from './world';

export interface StandInOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** The shop's own account. */
  me?: Me;
  /** How often a shown QR rotates by itself; 0 = only on control.rotateQr(). Default 20 000. */
  qrRotateMs?: number;
  /** Messages per chat loaded in memory when the page starts; older ones come through
   * loadEarlierMsgs (fetchMessages with a limit). Default 3. */
  historyInMemory?: number;
  /** Messages per loadEarlierMsgs call. Default 10. */
  historyPageSize?: number;
  /** Acks given to each accepted send. Default up to 3 (read), 100 ms apart. */
  autoAck?: { upTo: 0 | 1 | 2 | 3; stepMs: number };
  /** What the page reports as `window.Debug.VERSION`. */
  version?: string;
}

export interface StandIn {
  port: number;
  /** The server's own address (the browser reaches it as https://web.whatsapp.com/). */
  url: string;
  /** Browser arguments that put the stand-in behind https://web.whatsapp.com/. Use them with
   * `webVersionCache: { type: 'none' }` (in the app: JANELA_WA_BROWSER_ARGS, JANELA_WA_WEB_CACHE=none). */
  browserArgs: string[];
  /** The app's test hook (only honoured with --test-control): JANELA_WA_BROWSER_ARGS and
   * JANELA_WA_WEB_CACHE=none, ready to merge into the app's environment. */
  env: { JANELA_WA_BROWSER_ARGS: string; JANELA_WA_WEB_CACHE: 'none' };
  control: StandInControl;
  close(): Promise<void>;
}

export const DEFAULT_ME: Me = { number: '5511900000000', pushname: 'Loja Teste' };
export const DEFAULT_VERSION = '2.3000.1017054665';

/** The control methods reachable over HTTP at /standin/control/<method>. */

const pageScript = readFileSync(new URL('./page/wa-page.js', import.meta.url), 'utf8');

export const CONTROL_METHODS = new Set<string>([
  'waitForQr',
  'qrCodes',
  'rotateQr',
  'scan',
  'pairingCodes',
  'seedChats',
  'inbound',
  'sendFromPhone',
  'readOnPhone',
  'call',
  'react',
  'chat',
  'received',
  'mediaFile',
  'revoke',
  'failNextSend',
  'dropConnectionDuringNextSend',
  'setAutoAck',
  'ack',
  'setState',
  'logoutFromPhone',
  'reload',
  'pages',
  'waitForPage',
  'isLinked',
  'requestedModules',
  'unknownModules',
  'reset',
] satisfies (keyof StandInControl)[]);

function pageHtml(options: StandInOptions): string {
  const boot = {
    version: options.version ?? DEFAULT_VERSION,
    qrRotateMs: options.qrRotateMs ?? 20_000,
    historyInMemory: options.historyInMemory ?? 3,
    historyPageSize: options.historyPageSize ?? 10,
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>WhatsApp (stand-in)</title>
<script>window.__STANDIN_BOOT__ = ${JSON.stringify(boot)};</script>
<script>${pageScript}</script>
</head><body><main>WhatsApp Web stand-in for tests</main></body></html>`;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

async function handleControl(
  world: StandInWorld,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? null));
  };
  if (!CONTROL_METHODS.has(method)) {
    reply(404, { error: `no control method ${method}` });
    return;
  }
  try {
    const body = request.method === 'POST' ? await readJson(request) : {};
    const args = body && typeof body === 'object' && 'args' in body && Array.isArray(body.args) ? body.args : [];
    const fn = (world as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    const result = await fn?.apply(world, args);
    reply(200, { result: result ?? null });
  } catch (error) {
    reply(500, { error: error instanceof Error ? error.message : String(error) });
  }
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const world = new StandInWorld(options.me ?? DEFAULT_ME, options.autoAck ?? { upTo: 3, stepMs: 100 });
  const html = pageHtml(options);
  const { key, cert } = await selfSignedCertificate();

  const server = createServer({ key, cert }, (request, response) => {
    const url = new URL(request.url ?? '/', 'https://web.whatsapp.com');
    if (url.pathname.startsWith('/standin/control/')) {
      void handleControl(world, url.pathname.slice('/standin/control/'.length), request, response);
      return;
    }
    if (url.pathname === '/standin/media') {
      // What WhatsApp's media servers would hand a linked device for a message's directPath.
      const bytes = world.mediaBytes(url.searchParams.get('path') ?? '');
      response.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' });
      response.end(bytes ?? '');
      return;
    }
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not part of the stand-in');
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'https://web.whatsapp.com').pathname !== '/standin/ws') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => connectPage(world, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const browserArgs = [`--host-resolver-rules=MAP web.whatsapp.com 127.0.0.1:${port}`, '--ignore-certificate-errors'];
  return {
    port,
    url: `https://127.0.0.1:${port}/`,
    browserArgs,
    env: { JANELA_WA_BROWSER_ARGS: browserArgs.join(' '), JANELA_WA_WEB_CACHE: 'none' },
    control: world,
    async close() {
      world.stopTimers();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function connectPage(world: StandInWorld, ws: WebSocket): void {
  let pageId: string | undefined;
  const onMessage = world.attachPage({
    send(message: ServerMessage) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    },
  });
  ws.on('message', (data) => {
    const parsed = pageMessageSchema.safeParse(JSON.parse(String(data)));
    if (!parsed.success) {
      console.warn('[stand-in] unexpected page message', parsed.error.message);
      return;
    }
    if (parsed.data.type === 'hello') pageId = parsed.data.pageId;
    onMessage(parsed.data);
  });
  ws.on('close', () => world.detachPage(pageId));
}
