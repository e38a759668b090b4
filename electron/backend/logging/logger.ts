/**
 * Technical log lines for troubleshooting: JSON lines in `<dataDir>/logs/janela.log` (the folder
 * 0700, the files 0600), rotated daily and at 5 MB with the last 7 files kept, and echoed to stderr.
 * Every line and field passes `redact.ts` first, so no phone number or message text is written
 * whatever a caller or a library error quotes.
 *
 * pino writes into rotating-file-stream in this process: pino's file transports (pino-roll and
 * friends) run in a worker thread that loads its target by file path at run time, which a bundled
 * Electron main process cannot resolve reliably; a plain stream has no such step.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Level } from 'pino';
import { createStream } from 'rotating-file-stream';
import { redactFields, redactText, type LogFields } from './redact';

export type LogLevel = Extract<Level, 'debug' | 'info' | 'warn' | 'error'>;

/** Methods are plain functions: `logger.info` can be handed to anything that takes `(line) => void`. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Writes out what is buffered and closes the file; call before the process exits. */
  close(): Promise<void>;
}

export interface LoggerOptions {
  /** The lowest level written; `JANELA_LOG_LEVEL` or `info` when not given. */
  level?: LogLevel;
  /** Where a readable copy of each line goes; stderr by default, null for none. */
  echo?: ((line: string) => void) | null;
  /** Rotate when the file passes this size (rotating-file-stream units: `5M`, `300K`). */
  maxFileSize?: string;
  /** How many rotated files are kept besides the current one. */
  keepFiles?: number;
}

const LOG_FILE = 'janela.log';
const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

function levelFrom(raw: string | undefined): LogLevel {
  return levels.find((level) => level === raw) ?? 'info';
}

/** `janela.log` now; rotated ones `janela-20261126-1.log`, numbered within their day. */
function fileName(time: number | Date | null, index?: number): string {
  if (time === null) return LOG_FILE;
  const stamp = new Date(time).toISOString().slice(0, 10).replace(/-/g, '');
  return `janela-${stamp}-${index ?? 1}.log`;
}

export function createLogger(dataDir: string, options: LoggerOptions = {}): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A folder or file left by an older version (or created under a loose umask) is tightened too.
  chmodSync(dir, 0o700);
  const file = createStream(fileName, {
    path: dir,
    size: options.maxFileSize ?? '5M',
    interval: '1d',
    maxFiles: options.keepFiles ?? 7,
    mode: 0o600,
    history: 'janela-log-history.txt',
  });
  file.on('open', (filename: string) => chmodSync(filename, 0o600));
  file.on('history', () => chmodSync(join(dir, 'janela-log-history.txt'), 0o600));
  // A full disk must not take the app down with it; stderr still has the line.
  file.on('error', () => undefined);

  const echo = options.echo === undefined ? (line: string) => process.stderr.write(`${line}\n`) : options.echo;
  const base = pino(
    {
      level: options.level ?? levelFrom(process.env.JANELA_LOG_LEVEL),
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    file,
  );

  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (!base.isLevelEnabled(level)) return;
      const line = redactText(message);
      if (fields) base[level](redactFields(fields), line);
      else base[level](line);
      // Log lines carry the wall-clock time, not the app's clock (test control moves that one).
      // eslint-disable-next-line no-restricted-syntax
      echo?.(`${new Date().toISOString()} ${level === 'info' ? '' : `${level.toUpperCase()} `}${line}`);
    };

  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    close: () =>
      new Promise<void>((resolve) => {
        base.flush();
        file.end(() => resolve());
      }),
  };
}
