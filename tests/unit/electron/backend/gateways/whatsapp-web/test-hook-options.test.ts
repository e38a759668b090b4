import { describe, expect, it } from 'vitest';
import {
  splitBrowserArgs,
  testHookOptions,
} from '../../../../../../electron/backend/gateways/whatsapp-web/test-hook-options';

const env = {
  JANELA_WA_BROWSER_ARGS: '--host-resolver-rules=MAP web.whatsapp.com 127.0.0.1:8443  --ignore-certificate-errors',
  JANELA_WA_WEB_CACHE: 'none',
};

describe('testHookOptions', () => {
  it('ignores the environment without --test-control', () => {
    expect(testHookOptions(env, false)).toEqual({ extraBrowserArgs: [], webVersionCache: 'local' });
  });

  it('reads browser arguments and turns the web cache off under --test-control', () => {
    expect(testHookOptions(env, true)).toEqual({
      extraBrowserArgs: ['--host-resolver-rules=MAP web.whatsapp.com 127.0.0.1:8443', '--ignore-certificate-errors'],
      webVersionCache: 'none',
    });
  });

  it('keeps the cache for any other value and no arguments when unset', () => {
    expect(testHookOptions({ JANELA_WA_WEB_CACHE: 'off' }, true)).toEqual({
      extraBrowserArgs: [],
      webVersionCache: 'local',
    });
  });

  const timings = { JANELA_WA_RETRY_MS: '500', JANELA_WA_WATCHDOG_MS: ' 1000 ', JANELA_WA_GRACE_MS: '4000' };

  it('shortens the reconnection timings under --test-control only', () => {
    expect(testHookOptions(timings, true)).toEqual({
      extraBrowserArgs: [],
      webVersionCache: 'local',
      retry: { baseMs: 500, maxMs: 300_000 },
      watchdogMs: 1000,
      transientGraceMs: 4000,
    });
    expect(testHookOptions({ ...env, ...timings }, false)).toEqual({ extraBrowserArgs: [], webVersionCache: 'local' });
  });

  it('ignores timings that are not whole milliseconds between 1 ms and 10 minutes', () => {
    const bad = { JANELA_WA_RETRY_MS: '0', JANELA_WA_WATCHDOG_MS: '1.5', JANELA_WA_GRACE_MS: '600001' };
    expect(testHookOptions(bad, true)).toEqual({ extraBrowserArgs: [], webVersionCache: 'local' });
    expect(testHookOptions({ JANELA_WA_RETRY_MS: 'soon', JANELA_WA_GRACE_MS: '-5' }, true)).toEqual({
      extraBrowserArgs: [],
      webVersionCache: 'local',
    });
  });
});

describe('splitBrowserArgs', () => {
  it('splits on whitespace and honours quotes', () => {
    expect(splitBrowserArgs(' --a  --b=1\t"--c=x y" ')).toEqual(['--a', '--b=1', '--c=x y']);
    expect(splitBrowserArgs('')).toEqual([]);
  });
});
