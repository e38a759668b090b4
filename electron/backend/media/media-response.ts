/**
 * One media file as an HTTP-like answer, for both shells' routes (the browser host's `/media/…`,
 * the desktop app's `janela-media:` protocol): only a file of the media folder, named by a valid
 * sha256, with the served type and Content-Disposition of `contentHeaders` (SVG, HTML and anything
 * unknown only ever as a download).
 */
import { isSha256, type MediaStore } from './media-store';
import { contentHeaders } from './safe-filename';

export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** `/media/<sha256>`; `type` and `name` say how to serve it, `download=1` asks for "Save as…". */
export const MEDIA_PATH_PREFIX = '/media/';

const plain = (status: number, text: string): MediaAnswer => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: Buffer.from(text),
});

export async function mediaAnswer(media: MediaStore, pathname: string, query: URLSearchParams): Promise<MediaAnswer> {
  const sha256 = pathname.startsWith(MEDIA_PATH_PREFIX) ? pathname.slice(MEDIA_PATH_PREFIX.length) : '';
  if (!isSha256(sha256)) return plain(404, 'Not a media file.');
  const body = await media.read(sha256);
  if (body === null) return plain(404, 'This file is not on this computer (any more).');
  const headers = contentHeaders(query.get('type'), query.get('name'));
  if (query.get('download') === '1')
    headers['Content-Disposition'] = (headers['Content-Disposition'] ?? '').replace(/^inline/, 'attachment');
  return {
    status: 200,
    headers: {
      ...headers,
      'Content-Length': String(body.length),
      // Content-addressed: the bytes behind a name never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
    body,
  };
}
