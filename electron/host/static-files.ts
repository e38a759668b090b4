/** Serves the built renderer; any path that is not a file gets index.html (one-page app). */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type StaticFile =
  | { kind: 'file'; body: Buffer; type: string }
  /** Malformed percent-encoding or a NUL byte: the request itself is wrong. */
  | { kind: 'bad-path' }
  /** The path points outside the renderer build (traversal): there is nothing there for anyone. */
  | { kind: 'outside' }
  /** Not even index.html exists: the renderer was never built. */
  | { kind: 'not-built' };

function decodePath(urlPath: string): string | null {
  try {
    const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const decoded = decodePath(urlPath);
  if (decoded === null) return { kind: 'bad-path' };
  const candidate = normalize(join(root, decoded));
  // Never serve outside the renderer build, whatever the path says.
  if (candidate !== root && !candidate.startsWith(root + sep)) return { kind: 'outside' };
  for (const path of [candidate, join(root, 'index.html')]) {
    try {
      const body = await readFile(path);
      return { kind: 'file', body, type: TYPES[extname(path)] ?? 'application/octet-stream' };
    } catch {
      // Not a file (a directory, or a client-side route): fall through to index.html.
    }
  }
  return { kind: 'not-built' };
}
