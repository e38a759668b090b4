import { describe, expect, it } from 'vitest';
import { decideTestHooks } from '../../../../../electron/backend/launch/test-hooks-policy';
import { testHookOptions } from '../../../../../electron/backend/gateways/whatsapp-web/test-hook-options';

const hostileEnv = {
  JANELA_WA_BROWSER_ARGS: '--host-resolver-rules=MAP web.whatsapp.com 203.0.113.9:443',
  JANELA_WA_RETRY_MS: '1',
  ELECTRON_RENDERER_URL: 'https://evil.example/',
  PATH: '/usr/bin',
};

describe('the test hooks policy', () => {
  it('a packaged app ignores --test-control, JANELA_WA_* and the dev server URL, and says what it ignored', () => {
    const decision = decideTestHooks({ build: 'packaged', testControl: true, env: hostileEnv });
    expect(decision).toEqual({
      testControl: false,
      devRendererUrl: null,
      ignored: ['--test-control', 'ELECTRON_RENDERER_URL', 'JANELA_WA_BROWSER_ARGS', 'JANELA_WA_RETRY_MS'],
    });
    // The variables count only under test control, so they change nothing either.
    expect(testHookOptions(hostileEnv, decision.testControl)).toEqual({
      extraBrowserArgs: [],
      webVersionCache: 'local',
    });
  });

  it('a packaged app without hooks asked for says nothing', () => {
    expect(decideTestHooks({ build: 'packaged', testControl: false, env: { PATH: '/usr/bin' } })).toEqual({
      testControl: false,
      devRendererUrl: null,
      ignored: [],
    });
  });

  it('development and test builds honour them as asked', () => {
    expect(decideTestHooks({ build: 'development', testControl: true, env: hostileEnv })).toEqual({
      testControl: true,
      devRendererUrl: 'https://evil.example/',
      ignored: [],
    });
    expect(decideTestHooks({ build: 'development', testControl: false, env: { PATH: '/usr/bin' } })).toEqual({
      testControl: false,
      devRendererUrl: null,
      ignored: [],
    });
  });
});
