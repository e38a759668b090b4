/**
 * Who may drive the browser host. It listens on loopback only, but any web page the person visits
 * could still reach it (DNS rebinding, cross-site requests), and so could other local programs:
 * the Host must be our own loopback address, a browser's Origin must be our own page, and unless
 * test control is on, the per-launch secret must come along (in the URL once, then in a cookie).
 */
import { timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'janela_session';
export const SECRET_PARAM = 'secret';

export type Refusal = 'bad-host' | 'bad-origin' | 'no-session';

export interface GuardedRequest {
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
}

export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && ownHosts(port).includes(host.toLowerCase());
}

/** Browsers always send Origin on WebSocket and cross-site requests; programs may omit it. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return ownHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function secretMatches(candidate: string | undefined | null, secret: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkRequest(request: GuardedRequest, port: number, secret: string | null): Refusal | null {
  if (!isOwnHost(request.host, port)) return 'bad-host';
  if (!isOwnOrigin(request.origin, port)) return 'bad-origin';
  if (secret !== null && !secretMatches(cookieValue(request.cookie, SESSION_COOKIE), secret)) return 'no-session';
  return null;
}
