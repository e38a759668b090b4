/**
 * The end-to-end test hook (issue 5): only under `--test-control` may the environment point the
 * browser somewhere else (`JANELA_WA_BROWSER_ARGS`, e.g. host-resolver rules to a stand-in
 * WhatsApp Web), turn off the web-version cache (`JANELA_WA_WEB_CACHE=none`), or shorten the
 * reconnection timings (`JANELA_WA_RETRY_MS`, `JANELA_WA_WATCHDOG_MS`, `JANELA_WA_GRACE_MS`) so
 * an end-to-end test sees a fresh connection in seconds instead of minutes.
 */
export interface TestHookOptions {
  extraBrowserArgs: string[];
  webVersionCache: 'local' | 'none';
  /** First backoff delay before a fresh Client (the maximum stays the app's). */
  retry?: { baseMs: number; maxMs: number };
  /** How often the watchdog asks WhatsApp Web for its state. */
  watchdogMs?: number;
  /** How long a TIMEOUT/OPENING may last before a fresh Client. */
  transientGraceMs?: number;
}

const MAX_RETRY_MS = 5 * 60_000;

/** A whole number of milliseconds, 1 ms to 10 minutes; anything else is ignored. */
function milliseconds(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return value >= 1 && value <= 600_000 ? value : undefined;
}

/**
 * Splits on whitespace, honouring quotes; a word that does not start with `-` continues the
 * switch before it, because Chromium values such as
 * `--host-resolver-rules=MAP web.whatsapp.com 127.0.0.1:8443` contain spaces.
 */
export function splitBrowserArgs(raw: string): string[] {
  const words = raw.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const args: string[] = [];
  for (const word of words) {
    const unquoted = /^(["']).*\1$/.test(word) ? word.slice(1, -1) : word;
    const previous = args.at(-1);
    if (previous !== undefined && !unquoted.startsWith('-') && unquoted === word) {
      args[args.length - 1] = `${previous} ${word}`;
    } else if (unquoted !== '') {
      args.push(unquoted);
    }
  }
  return args;
}

export function testHookOptions(
  env: Readonly<Record<string, string | undefined>>,
  testControl: boolean,
): TestHookOptions {
  if (!testControl) return { extraBrowserArgs: [], webVersionCache: 'local' };
  const retryMs = milliseconds(env.JANELA_WA_RETRY_MS);
  const watchdogMs = milliseconds(env.JANELA_WA_WATCHDOG_MS);
  const transientGraceMs = milliseconds(env.JANELA_WA_GRACE_MS);
  return {
    extraBrowserArgs: splitBrowserArgs(env.JANELA_WA_BROWSER_ARGS ?? ''),
    webVersionCache: env.JANELA_WA_WEB_CACHE?.trim() === 'none' ? 'none' : 'local',
    ...(retryMs === undefined ? {} : { retry: { baseMs: retryMs, maxMs: Math.max(retryMs, MAX_RETRY_MS) } }),
    ...(watchdogMs === undefined ? {} : { watchdogMs }),
    ...(transientGraceMs === undefined ? {} : { transientGraceMs }),
  };
}
