/** `npm run serve -- [--data-dir DIR] [--port N] [--simulated | --demo] [--test-control] [--lang en]` */
import { isAbsolute, resolve } from 'node:path';
import { languageSchema, type Language } from '../../../shared/domain';
import type { GatewayMode } from '../app-session';

export interface ServeArgs {
  dataDir: string | null;
  port: number;
  mode: GatewayMode;
  testControl: boolean;
  language: Language | undefined;
}

export const SERVE_USAGE =
  'usage: npm run serve -- [--data-dir DIR] [--port N] [--simulated | --demo] [--test-control] [--lang en|pt-BR]';
export const DEFAULT_PORT = 4780;

export class UsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${SERVE_USAGE}`);
    this.name = 'UsageError';
  }
}

export function parseServeArgs(argv: readonly string[], cwd: string): ServeArgs {
  const args: ServeArgs = { dataDir: null, port: DEFAULT_PORT, mode: 'real', testControl: false, language: undefined };
  const valueOf = (index: number, flag: string): string => {
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return value;
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    switch (flag) {
      case '--data-dir': {
        const dir = valueOf(index, flag);
        args.dataDir = isAbsolute(dir) ? dir : resolve(cwd, dir);
        index += 1;
        break;
      }
      case '--port': {
        const port = Number(valueOf(index, flag));
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError('--port takes a number from 0 to 65535 (0 picks a free port)');
        args.port = port;
        index += 1;
        break;
      }
      case '--simulated':
      case '--demo': {
        const mode = flag === '--demo' ? 'demo' : 'simulated';
        if (args.mode !== 'real' && args.mode !== mode)
          throw new UsageError('choose either --simulated or --demo, not both');
        args.mode = mode;
        break;
      }
      case '--test-control':
        args.testControl = true;
        break;
      case '--lang': {
        const parsed = languageSchema.safeParse(valueOf(index, flag));
        if (!parsed.success) throw new UsageError('--lang takes en or pt-BR');
        args.language = parsed.data;
        index += 1;
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag ?? ''}`);
    }
  }
  return args;
}
