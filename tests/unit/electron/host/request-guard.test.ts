import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  cookieValue,
  isOwnHost,
  isOwnOrigin,
  SESSION_COOKIE,
} from '../../../../electron/host/request-guard';

const port = 4780;
const secret = 'a-per-launch-secret';
const cookie = `${SESSION_COOKIE}=${secret}`;

describe('browser host request guard', () => {
  it('accepts its own page with the session cookie', () => {
    expect(checkRequest({ host: '127.0.0.1:4780', origin: 'http://127.0.0.1:4780', cookie }, port, secret)).toBeNull();
    expect(
      checkRequest({ host: 'localhost:4780', origin: undefined, cookie: `other=1; ${cookie}` }, port, secret),
    ).toBeNull();
  });

  it('refuses a Host that is not its own loopback address (DNS rebinding)', () => {
    for (const host of [
      'evil.example:4780',
      '127.0.0.1:4781',
      '127.0.0.1',
      '192.168.1.5:4780',
      '127.0.0.1.evil.example:4780',
      undefined,
    ]) {
      expect(checkRequest({ host, origin: undefined, cookie }, port, secret), String(host)).toBe('bad-host');
    }
    expect(isOwnHost('LOCALHOST:4780', port)).toBe(true);
  });

  it('refuses an Origin that is not its own page', () => {
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:4781',
      'https://127.0.0.1:4780',
      'null',
      'file://',
    ]) {
      expect(checkRequest({ host: '127.0.0.1:4780', origin, cookie }, port, secret), origin).toBe('bad-origin');
    }
    expect(isOwnOrigin(undefined, port)).toBe(true);
  });

  it('requires the per-launch secret unless test control is on', () => {
    expect(checkRequest({ host: '127.0.0.1:4780', origin: undefined, cookie: undefined }, port, secret)).toBe(
      'no-session',
    );
    expect(
      checkRequest({ host: '127.0.0.1:4780', origin: undefined, cookie: `${SESSION_COOKIE}=wrong` }, port, secret),
    ).toBe('no-session');
    expect(checkRequest({ host: '127.0.0.1:4780', origin: undefined, cookie: undefined }, port, null)).toBeNull();
  });

  it('reads cookies with = in their value', () => {
    expect(cookieValue('a=1; b=x=y', 'b')).toBe('x=y');
    expect(cookieValue(undefined, 'b')).toBeUndefined();
  });
});
