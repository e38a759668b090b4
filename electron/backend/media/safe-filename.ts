/**
 * Names and types that customers choose, made safe to show, to save under and to serve. A customer
 * name never becomes a path in the media folder (files there are named by their sha256); these
 * rules are for "Save as…", downloads and the names shown beside a document.
 */

export const FALLBACK_FILENAME = 'arquivo';
const MAX_NAME_CHARS = 120;
const MAX_EXTENSION_CHARS = 16;

// C0 and C1 controls, DEL; bidi embeddings, overrides and isolates (U+202E turns "gpj.exe" around);
// zero-width characters and the BOM, which hide what a name really says.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Characters Windows refuses in names.
const windowsForbidden = /[<>:"|?*]/g;
const reservedWindowsName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Text shown as a customer wrote it, minus the characters that hide or reverse what it says. */
export function stripInvisible(text: string): string {
  return text.replace(invisible, '');
}

/** A display name for a customer's file: no path, no hidden characters, fits Windows and macOS. */
export function sanitizeFilename(name: unknown, fallback = FALLBACK_FILENAME): string {
  if (typeof name !== 'string') return fallback;
  const lastSegment = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let clean = lastSegment
    .replace(invisible, '')
    .replace(windowsForbidden, '_')
    .replace(/\s+/g, ' ')
    // Leading dots would make a hidden file (and `..` a parent folder); trailing ones Windows drops.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  clean = capLength(clean);
  if (clean === '') return fallback;
  const stem = clean.split('.')[0] ?? '';
  return reservedWindowsName.test(stem.trim()) ? `_${clean}` : clean;
}

/** Cuts by characters (never inside a surrogate pair), keeping a short extension. */
function capLength(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_NAME_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keep = extension.length > 1 && extension.length <= MAX_EXTENSION_CHARS ? extension : [];
  const stem = chars
    .slice(0, MAX_NAME_CHARS - keep.length)
    .join('')
    .replace(/[.\s]+$/, '');
  return stem + keep.join('');
}

/** Types a page may show in place: pictures, sound, video and PDF, none of which can run script. */
const inlineTypes: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'audio/opus',
  'audio/3gpp',
  'video/mp4',
  'video/webm',
  'video/3gpp',
  'video/quicktime',
  'application/pdf',
]);

export const DOWNLOAD_ONLY_TYPE = 'application/octet-stream';

export interface ServedType {
  /** The Content-Type to send: the real one for inline types, octet-stream for anything else. */
  contentType: string;
  inline: boolean;
}

/** `image/JPEG; name=x` → `image/jpeg`; null for anything that is not `type/subtype`. */
export function normalizeMimetype(mimetype: unknown): string | null {
  if (typeof mimetype !== 'string') return null;
  const essence = (mimetype.split(';')[0] ?? '').trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(essence) ? essence : null;
}

/** How a type may be served: SVG, HTML, XML, JS and anything unknown only ever as a download. */
export function safeMimetype(mimetype: unknown): ServedType {
  const essence = normalizeMimetype(mimetype);
  return essence !== null && inlineTypes.has(essence)
    ? { contentType: essence, inline: true }
    : { contentType: DOWNLOAD_ONLY_TYPE, inline: false };
}

/** RFC 5987 ext-value: UTF-8, percent-encoded beyond attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The plain `filename=` for old clients: printable ASCII only, no quote or backslash. */
function asciiFallback(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** Response headers for one media file: its served type, how it is disposed of, and no sniffing. */
export function contentHeaders(mimetype: unknown, filename: unknown): Record<string, string> {
  const served = safeMimetype(mimetype);
  const name = sanitizeFilename(filename);
  const headers: Record<string, string> = {
    'Content-Type': served.contentType,
    'Content-Disposition': `${served.inline ? 'inline' : 'attachment'}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`,
    'X-Content-Type-Options': 'nosniff',
  };
  // Belt and braces for a browser that renders a download anyway: no script, no subresources.
  if (!served.inline) headers['Content-Security-Policy'] = "default-src 'none'; sandbox";
  return headers;
}
