/**
 * Ending the app cleanly however the end comes: the person quits, Windows signs out or shuts
 * down (query-session-end, session-end), macOS or Linux shuts down (power monitor). The store is
 * flushed and closed and WhatsApp's browser closed once; every later request waits for that close.
 * The Electron shell only wires its events here.
 */
import { closeForExit } from './shutdown';

export interface Closable {
  /** Everything changed so far on disk. */
  flush(): Promise<void>;
  /** Store and WhatsApp closed. */
  close(): Promise<void>;
}

export interface AppShutdownOptions {
  exit: (code: number) => void;
  log: (line: string) => void;
  /** A close that hangs (a browser that will not answer) must not keep the machine from shutting down. */
  timeoutMs?: number;
}

export interface AppShutdown {
  /** The system asks whether the session may end: save now, in case what follows is cut short. */
  saveNow(): Promise<void>;
  /** Closes once, then exits; later calls get the same promise. */
  closeAndExit(): Promise<void>;
  readonly closing: boolean;
}

const defaultTimeoutMs = 20_000;

export function createAppShutdown(session: Closable, options: AppShutdownOptions): AppShutdown {
  let closing: Promise<void> | null = null;
  const name = (error: unknown) => (error instanceof Error ? error.name : 'unknown');
  return {
    get closing() {
      return closing !== null;
    },
    saveNow() {
      return (
        closing ?? session.flush().catch((error: unknown) => options.log(`save before session end: ${name(error)}`))
      );
    },
    closeAndExit() {
      closing ??= new Promise<number>((resolve) => {
        const timer = setTimeout(() => {
          options.log('closing took too long; exiting');
          resolve(1);
        }, options.timeoutMs ?? defaultTimeoutMs);
        // A close that cannot save says so in the log and ends the process non-zero.
        void closeForExit(session, options.log).then((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      }).then((code) => options.exit(code));
      return closing;
    },
  };
}
