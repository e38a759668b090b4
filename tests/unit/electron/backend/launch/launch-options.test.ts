import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORT,
  EXIT_USAGE,
  launchOptionsOrExit,
  parseLaunchOptions,
  UsageError,
  usage,
} from '../../../../../electron/backend/launch/launch-options';

const parseServeArgs = (argv: string[], cwd: string) => parseLaunchOptions('host', argv, cwd);

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

  it('takes --flag=value as well as --flag value', () => {
    expect(parseServeArgs(['--data-dir=/srv/loja', '--port=0', '--lang=pt-BR'], '/')).toEqual({
      dataDir: '/srv/loja',
      port: 0,
      mode: 'real',
      testControl: false,
      language: 'pt-BR',
    });
  });

  it('refuses a flag in place of a value, a value on a switch, and stray words', () => {
    expect(() => parseServeArgs(['--data-dir', '--demo'], '/')).toThrow(/--data-dir needs a value/);
    expect(() => parseServeArgs(['--demo=yes'], '/')).toThrow(/--demo takes no value/);
    expect(() => parseServeArgs(['--port='], '/')).toThrow(/0 to 65535/);
    expect(() => parseServeArgs(['data'], '/')).toThrow(/unexpected argument data/);
    expect(() => parseServeArgs(['-p', '1'], '/')).toThrow(/unknown option -p/);
  });

  it('puts the shell’s own usage line under the problem', () => {
    expect(() => parseServeArgs(['--frobnicate'], '/')).toThrow(usage('host'));
    expect(usage('host')).toContain('--port');
    expect(usage('app')).not.toContain('--port');
  });
});

describe('desktop app arguments', () => {
  it('reads Janela’s flags among Electron’s and Chromium’s own, in both spellings', () => {
    expect(
      parseLaunchOptions(
        'app',
        ['.', '--remote-debugging-port=0', '--no-sandbox', '--data-dir=/d', '--simulated', '--lang', 'en'],
        '/',
      ),
    ).toEqual({ dataDir: '/d', mode: 'simulated', testControl: false, language: 'en' });
  });

  it('has no --port, and still refuses a bad value of its own flags', () => {
    expect(parseLaunchOptions('app', ['--port', '80'], '/')).not.toHaveProperty('port');
    expect(() => parseLaunchOptions('app', ['--lang', 'fr'], '/')).toThrow(usage('app'));
    expect(() => parseLaunchOptions('app', ['--data-dir'], '/')).toThrow(/needs a value/);
  });
});

describe('a shell’s start-up', () => {
  const io = () => {
    const written = { out: '', err: '', code: null as number | null };
    return {
      written,
      io: {
        out: (text: string) => void (written.out += text),
        err: (text: string) => void (written.err += text),
        exit: (code: number): never => {
          written.code = code;
          throw new Error('exited');
        },
      },
    };
  };

  it('prints the problem and the usage, and exits with code 2', () => {
    const { written, io: fakeIo } = io();
    expect(() => launchOptionsOrExit('host', ['--frobnicate'], '/', fakeIo)).toThrow('exited');
    expect(written).toEqual({ out: '', err: `unknown option --frobnicate\n${usage('host')}\n`, code: EXIT_USAGE });
  });

  it('prints the usage for --help and exits with code 0', () => {
    const { written, io: fakeIo } = io();
    expect(() => launchOptionsOrExit('app', ['--help'], '/', fakeIo)).toThrow('exited');
    expect(written).toEqual({ out: `${usage('app')}\n`, err: '', code: 0 });
  });

  it('ends the browser host with exit code 2 and a message, not a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--port=80', '--frobnicate'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`unknown option --frobnicate\n${usage('host')}\n`);
    expect(run.stdout).toBe('');
  }, 30_000);
});
