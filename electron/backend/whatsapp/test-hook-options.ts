/**
 * The end-to-end test hook (issue 5): only under `--test-control` may the environment point the
 * browser somewhere else (`JANELA_WA_BROWSER_ARGS`, e.g. host-resolver rules to a stand-in
 * WhatsApp Web) or turn off the web-version cache (`JANELA_WA_WEB_CACHE=none`).
 */
export interface TestHookOptions {
  extraBrowserArgs: string[];
  webVersionCache: 'local' | 'none';
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

export function testHookOptions(env: Readonly<Record<string, string | undefined>>, testControl: boolean): TestHookOptions {
  if (!testControl) return { extraBrowserArgs: [], webVersionCache: 'local' };
  return {
    extraBrowserArgs: splitBrowserArgs(env.JANELA_WA_BROWSER_ARGS ?? ''),
    webVersionCache: env.JANELA_WA_WEB_CACHE?.trim() === 'none' ? 'none' : 'local',
  };
}
