/**
 * One attachment's download: ask WhatsApp for the bytes (whatsapp-web.js `msg.downloadMedia()`),
 * keep them in the media folder, and say what happened in the attachment's `download` state.
 * Nothing is half done: the attachment points at stored bytes only when they are stored whole.
 */
import { downloadableKinds, type MediaInfo } from '../../../shared/media/media-kind';
import type { MediaStore } from './media-store';
import { sanitizeFilename } from './safe-filename';

/** The shape of whatsapp-web.js's `MessageMedia`. */
export interface DownloadedMedia {
  /** Base64. */
  data: string;
  mimetype?: string | null;
  filename?: string | null;
  filesize?: number | null;
}

export type FetchMedia = () => Promise<DownloadedMedia | null | undefined>;

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 60_000;

export interface DownloadOptions {
  media: MediaInfo;
  fetch: FetchMedia;
  store: Pick<MediaStore, 'put' | 'has'>;
  maxBytes: number;
  timeoutMs?: number;
  /** Technical detail only: error names and states, never names, numbers or text. */
  log?: (line: string) => void;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

function withoutAddress(media: MediaInfo): MediaInfo {
  const copy = { ...media };
  delete copy.sha256;
  return copy;
}

/** Decoded size of base64 text, without decoding it. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

class DownloadTimeout extends Error {
  override readonly name = 'DownloadTimeout';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DownloadTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function downloadMedia(options: DownloadOptions): Promise<MediaInfo> {
  const { media, store, maxBytes, log = () => undefined } = options;
  if (!downloadableKinds.has(media.kind)) return media;
  if (media.download === 'ok' && media.sha256 !== undefined && store.has(media.sha256)) return media;
  const missing = withoutAddress(media);
  if (media.size !== undefined && media.size > maxBytes) return { ...missing, download: 'too-large' };
  const failed = (reason: string): MediaInfo => {
    log(`media download failed: ${reason}`);
    return { ...missing, download: 'failed' };
  };

  let downloaded: DownloadedMedia | null | undefined;
  try {
    downloaded = await withTimeout(options.fetch(), options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS);
  } catch (error) {
    return failed(error instanceof Error ? error.name : 'unknown error');
  }
  if (downloaded === null || downloaded === undefined) return failed('WhatsApp no longer has the media');
  const { data } = downloaded;
  if (typeof data !== 'string' || data.length === 0 || !base64Pattern.test(data) || data.length % 4 === 1)
    return failed('the media was not base64');
  if (decodedLength(data) > maxBytes) return { ...missing, download: 'too-large' };

  let stored: Awaited<ReturnType<MediaStore['put']>>;
  try {
    stored = await store.put(Buffer.from(data, 'base64'), { maxBytes });
  } catch (error) {
    return failed(error instanceof Error ? `${error.name} while storing` : 'unknown error while storing');
  }
  if (stored.status === 'too-large') return { ...missing, download: 'too-large' };
  if (stored.status === 'over-quota') {
    log('media not kept: the media folder is over its quota');
    return { ...missing, download: 'not-downloaded' };
  }
  const mimetype = media.mimetype ?? (typeof downloaded.mimetype === 'string' ? downloaded.mimetype : undefined);
  const filename =
    media.filename ?? (typeof downloaded.filename === 'string' ? sanitizeFilename(downloaded.filename) : undefined);
  return {
    ...missing,
    ...(mimetype !== undefined && mimetype.length <= 255 ? { mimetype } : {}),
    ...(filename !== undefined ? { filename } : {}),
    size: stored.size,
    sha256: stored.sha256,
    download: 'ok',
  };
}
