/**
 * The command-line flags of both shells, read with Node's `util.parseArgs`: the desktop app
 * (`npm start -- …`) and the browser host (`npm run serve -- …`, which adds `--port`). `--flag value`
 * and `--flag=value` both work; a flag that is unknown, lacks its value or has a bad one is a
 * UsageError, which a shell's start-up turns into the message, its usage line and exit code 2.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { languageSchema, type Language } from '../../../shared/domain';
import type { GatewayMode } from '../app-session';

/** `app`: the Electron desktop app; `host`: the browser host. */
export type Shell = 'app' | 'host';

export interface LaunchOptions {
  dataDir: string | null;
  mode: GatewayMode;
  testControl: boolean;
  language: Language | undefined;
}

export interface HostLaunchOptions extends LaunchOptions {
  port: number;
}

type OptionsFor<S extends Shell> = S extends 'host' ? HostLaunchOptions : LaunchOptions;

export const DEFAULT_PORT = 4780;
/** The exit code for a command line the shell cannot read (as sysexits' EX_USAGE family and most CLIs use). */
export const EXIT_USAGE = 2;

const appFlags = {
  'data-dir': { type: 'string' },
  simulated: { type: 'boolean' },
  demo: { type: 'boolean' },
  'test-control': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean' },
} as const;
const hostFlags = { ...appFlags, port: { type: 'string' } } as const;

const usageLines: Record<Shell, string> = {
  app: 'usage: npm start -- [--data-dir DIR] [--simulated | --demo] [--test-control] [--lang en|pt-BR]',
  host: 'usage: npm run serve -- [--data-dir DIR] [--port N] [--simulated | --demo] [--test-control] [--lang en|pt-BR]',
};

export function usage(shell: Shell): string {
  return usageLines[shell];
}

export class UsageError extends Error {
  constructor(
    problem: string,
    readonly shell: Shell = 'host',
  ) {
    super(`${problem}\n${usage(shell)}`);
    this.name = 'UsageError';
  }
}

/** `--help` was asked for: not an error, but the shell prints its usage and starts nothing. */
class HelpRequested extends Error {
  constructor(readonly shell: Shell) {
    super(usage(shell));
    this.name = 'HelpRequested';
  }
}

/**
 * Reads a shell's flags. The desktop app's command line also carries Electron's and Chromium's own
 * switches and the app path, so there only Janela's flags are read and everything else is left alone;
 * the browser host refuses anything it does not know.
 */
export function parseLaunchOptions<S extends Shell>(shell: S, argv: readonly string[], cwd: string): OptionsFor<S> {
  const flags: Record<string, { type: 'string' | 'boolean' }> = shell === 'host' ? hostFlags : appFlags;
  const fail = (problem: string): never => {
    throw new UsageError(problem, shell);
  };
  const { tokens } = parseArgs({
    args: [...argv],
    options: flags,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (shell === 'app') continue;
      return fail(`unexpected argument ${token.value}`);
    }
    const flag = flags[token.name];
    if (!flag || !token.rawName.startsWith('--')) {
      if (shell === 'app') continue;
      return fail(`unknown option ${token.rawName}`);
    }
    if (flag.type === 'boolean') {
      if (token.value !== undefined) return fail(`${token.rawName} takes no value`);
      values.set(token.name, true);
    } else {
      // Without `=`, parseArgs takes the next word even when it is another flag.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
        return fail(`${token.rawName} needs a value`);
      values.set(token.name, token.value);
    }
  }
  if (values.has('help')) throw new HelpRequested(shell);
  const text = (name: string): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };

  const dir = text('data-dir');
  if (values.has('simulated') && values.has('demo')) fail('choose either --simulated or --demo, not both');
  const mode: GatewayMode = values.has('demo') ? 'demo' : values.has('simulated') ? 'simulated' : 'real';
  const lang = text('lang');
  const language = lang === undefined ? undefined : languageSchema.safeParse(lang);
  if (language && !language.success) fail('--lang takes en or pt-BR');
  const options: LaunchOptions = {
    dataDir: dir === undefined ? null : isAbsolute(dir) ? dir : resolve(cwd, dir),
    mode,
    testControl: values.has('test-control'),
    language: language?.data,
  };
  if (shell === 'app') return options as OptionsFor<S>;

  const portText = text('port');
  const port = portText === undefined ? DEFAULT_PORT : /^\d+$/.test(portText) ? Number(portText) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail('--port takes a number from 0 to 65535 (0 picks a free port)');
  return { ...options, port } as OptionsFor<S>;
}

/**
 * A shell's start-up: the options, or the problem and the usage line on stderr and exit code 2
 * (`--help`: the usage line on stdout, exit 0). Never an uncaught exception.
 */
export function launchOptionsOrExit<S extends Shell>(
  shell: S,
  argv: readonly string[],
  cwd: string,
  io: { out: (text: string) => void; err: (text: string) => void; exit: (code: number) => never } = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
  },
): OptionsFor<S> {
  try {
    return parseLaunchOptions(shell, argv, cwd);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.out(`${error.message}\n`);
      return io.exit(0);
    }
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return io.exit(EXIT_USAGE);
    }
    throw error;
  }
}
