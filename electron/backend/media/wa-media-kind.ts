/**
 * A whatsapp-web.js Message → its attachment (MediaInfo), or null when it carries none (text,
 * calls, reactions, system messages). Pure; uses the library's own field names.
 */
import type { MediaContact, MediaInfo, MediaKind, MediaLocation } from '../../../shared/media/media-kind';
import { sanitizeFilename } from './safe-filename';
import { parseVCard } from './vcard';

/** The part of whatsapp-web.js's `Message` (and its raw `_data` model) that describes media. */
export interface MediaMessageLike {
  /** One of the library's `MessageTypes` values. */
  type: string;
  /** The caption when `hasMedia`; otherwise the raw body (a thumbnail for media, the text of a vCard). */
  body: string;
  /** True when WhatsApp has a `directPath` for the bytes. */
  hasMedia?: boolean;
  isGif?: boolean;
  /** Seconds; WhatsApp Web sends a string or a number. */
  duration?: string | number;
  location?: { latitude: unknown; longitude: unknown; name?: string; address?: string; url?: string };
  vCards?: string[];
  _data?: {
    isViewOnce?: boolean;
    mimetype?: string;
    filename?: string;
    size?: number;
    duration?: string | number;
    width?: number;
    height?: number;
    caption?: string;
  } | null;
}

const fileKinds: Readonly<Record<string, MediaKind>> = {
  image: 'image',
  video: 'video',
  // A round "video note".
  ptv: 'video',
  audio: 'audio',
  ptt: 'voice',
  document: 'document',
  sticker: 'sticker',
};

// `album` is not listed: it only groups photos and videos that arrive as messages of their own.
const otherKinds: Readonly<Record<string, MediaKind>> = {
  location: 'location',
  vcard: 'contact',
  multi_vcard: 'contact',
  revoked: 'deleted',
  unknown: 'unsupported',
  oversized: 'unsupported',
};

const MAX_CONTACTS = 257;

export function mediaInfoFromMessage(message: MediaMessageLike): MediaInfo | null {
  const data = message._data ?? {};
  const fileKind = fileKinds[message.type];
  if (fileKind !== undefined) {
    // A linked device never gets view-once media: the phone alone can open it.
    if (data.isViewOnce) return { kind: 'view-once', download: 'not-downloaded', ...typeOf(data.mimetype) };
    return fileMedia(fileKind, message, data);
  }
  if (data.isViewOnce) return { kind: 'view-once', download: 'not-downloaded' };
  const kind = otherKinds[message.type];
  if (kind === undefined) return null;
  if (kind === 'location') return withLocation(message.location);
  if (kind === 'contact') return { kind, download: 'not-downloaded', contact: contactsOf(message.vCards) };
  return { kind, download: 'not-downloaded' };
}

function fileMedia(
  kind: MediaKind,
  message: MediaMessageLike,
  data: NonNullable<MediaMessageLike['_data']>,
): MediaInfo {
  const filename =
    typeof data.filename === 'string' && data.filename.trim() ? sanitizeFilename(data.filename) : undefined;
  // Without a directPath `body` holds the thumbnail, never the caption.
  const rawCaption = message.hasMedia ? message.body : typeof data.caption === 'string' ? data.caption : '';
  const caption = rawCaption.trim() !== '' && rawCaption !== data.filename ? rawCaption : undefined;
  const durationSec = seconds(data.duration ?? message.duration);
  return {
    kind,
    download: 'not-downloaded',
    ...typeOf(data.mimetype),
    ...(filename !== undefined ? { filename } : {}),
    ...(count(data.size) !== undefined ? { size: count(data.size) } : {}),
    ...((kind === 'voice' || kind === 'audio' || kind === 'video') && durationSec !== undefined ? { durationSec } : {}),
    ...(count(data.width) ? { width: count(data.width) } : {}),
    ...(count(data.height) ? { height: count(data.height) } : {}),
    ...(caption !== undefined ? { caption } : {}),
    ...(kind === 'video' && message.isGif ? { gif: true } : {}),
  };
}

function typeOf(mimetype: unknown): { mimetype?: string } {
  return typeof mimetype === 'string' && mimetype.trim() !== '' && mimetype.length <= 255
    ? { mimetype: mimetype.trim() }
    : {};
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function seconds(value: unknown): number | undefined {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
}

/** The customer's own link is kept only when it is a web address; the app opens it through its URL rules. */
function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function withLocation(location: MediaMessageLike['location']): MediaInfo {
  const latitude = Number(location?.latitude);
  const longitude = Number(location?.longitude);
  const valid =
    location !== undefined &&
    location.latitude !== null &&
    location.longitude !== null &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  if (!valid) return { kind: 'location', download: 'not-downloaded' };
  const name = text(location.name, 1000);
  const address = text(location.address, 1000);
  const url = webUrl(location.url);
  const point: MediaLocation = {
    latitude,
    longitude,
    ...(name !== undefined ? { name } : {}),
    ...(address !== undefined ? { address } : {}),
    ...(url !== undefined ? { url } : {}),
  };
  return { kind: 'location', download: 'not-downloaded', location: point };
}

function contactsOf(vCards: readonly unknown[] | undefined): MediaContact[] {
  return (vCards ?? [])
    .slice(0, MAX_CONTACTS)
    .flatMap((card) => (typeof card === 'string' ? [parseVCard(card)] : []))
    .filter((contact) => contact.name !== '' || contact.phone !== undefined);
}
