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

/** The desktop app's media scheme: `janela-media://file/media/<sha256>?type=…&name=…`. */
export const MEDIA_SCHEME = 'janela-media';

/** The `/media/<sha256>` path of a media URL, or null for anything else (other hosts, credentials). */
export function mediaPathOf(url: string): string | null {
  const candidate = parse(url);
  if (!candidate || candidate.protocol !== `${MEDIA_SCHEME}:` || candidate.hostname !== 'file') return null;
  if (candidate.username || candidate.password) return null;
  return /^\/media\/[0-9a-f]{64}$/.test(candidate.pathname) ? candidate.pathname : null;
}
