import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseServeArgs, UsageError } from '../../../../../electron/backend/launch/launch-options';

describe('npm run serve arguments', () => {
  it('defaults to the real WhatsApp, no test control, the default port', () => {
    expect(parseServeArgs([], '/home/shop')).toEqual({
      dataDir: null,
      port: DEFAULT_PORT,
      mode: 'real',
      testControl: false,
      language: undefined,
    });
  });

  it('reads every documented flag', () => {
    expect(
      parseServeArgs(['--data-dir', 'data', '--port', '0', '--demo', '--test-control', '--lang', 'en'], '/home/shop'),
    ).toEqual({
      dataDir: '/home/shop/data',
      port: 0,
      mode: 'demo',
      testControl: true,
      language: 'en',
    });
    expect(parseServeArgs(['--simulated'], '/').mode).toBe('simulated');
  });

  it('says what is wrong with bad input', () => {
    expect(() => parseServeArgs(['--port', 'abc'], '/')).toThrow(UsageError);
    expect(() => parseServeArgs(['--port', '70000'], '/')).toThrow(/0 to 65535/);
    expect(() => parseServeArgs(['--lang', 'fr'], '/')).toThrow(/en or pt-BR/);
    expect(() => parseServeArgs(['--demo', '--simulated'], '/')).toThrow(/either/);
    expect(() => parseServeArgs(['--data-dir'], '/')).toThrow(/needs a value/);
    expect(() => parseServeArgs(['--frobnicate'], '/')).toThrow(/unknown option/);
  });
});
