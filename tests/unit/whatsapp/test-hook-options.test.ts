import { describe, expect, it } from 'vitest';
import { splitBrowserArgs, testHookOptions } from '../../../electron/backend/whatsapp/test-hook-options';

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
    expect(testHookOptions({ JANELA_WA_WEB_CACHE: 'off' }, true)).toEqual({ extraBrowserArgs: [], webVersionCache: 'local' });
  });
});

describe('splitBrowserArgs', () => {
  it('splits on whitespace and honours quotes', () => {
    expect(splitBrowserArgs(' --a  --b=1\t"--c=x y" ')).toEqual(['--a', '--b=1', '--c=x y']);
    expect(splitBrowserArgs('')).toEqual([]);
  });
});
