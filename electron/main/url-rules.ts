/**
 * The Electron shell's trust decisions as pure functions (no electron import), so they are unit
 * tested with hostile input: is this sender/URL our app? may this URL open outside? may we navigate?
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page: the same file for a packaged app, the same origin for the
 * development server. Query and hash may differ; nothing else may.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const candidate = parse(url);
  const app = parse(appUrl);
  if (!candidate || !app || candidate.username || candidate.password) return false;
  if (app.protocol === 'file:')
    return candidate.protocol === 'file:' && candidate.host === app.host && candidate.pathname === app.pathname;
  return (app.protocol === 'http:' || app.protocol === 'https:') && candidate.origin === app.origin;
}

/** Only web pages go to the system browser: never file:, javascript:, custom schemes or URLs with credentials. */
export function mayOpenExternally(url: string): boolean {
  const candidate = parse(url);
  if (!candidate) return false;
  if (candidate.protocol !== 'http:' && candidate.protocol !== 'https:') return false;
  if (candidate.username || candidate.password) return false;
  return candidate.hostname.length > 0;
}

/** The window never leaves the app's page; links open outside through mayOpenExternally. */
export function mayNavigate(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** IPC is answered only for frames showing the app's own page. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl, appUrl);
}
