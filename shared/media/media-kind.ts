/**
 * A message's attachment as stored with the message and shown on both sides: what it is, what is
 * known about it before download, and where its bytes are once downloaded (a content address).
 */
import { z } from 'zod';
import type { Language } from '../domain';
import { mediaMessages, type MediaMessageKey } from './media-messages';

export const mediaKinds = [
  'image',
  'audio',
  'voice',
  'video',
  'document',
  'sticker',
  'location',
  'contact',
  'deleted',
  'view-once',
  'unsupported',
] as const;
export const mediaKindSchema = z.enum(mediaKinds);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/** Kinds whose bytes WhatsApp lets a linked device download. */
export const downloadableKinds: ReadonlySet<MediaKind> = new Set([
  'image',
  'audio',
  'voice',
  'video',
  'document',
  'sticker',
]);

/**
 * ok: bytes in the media folder (sha256 set); not-downloaded: not yet, or refused for lack of space;
 * too-large: over the per-file cap; failed: WhatsApp did not hand it over (try again);
 * deleted-locally: removed by "delete media older than N days" (download again while WhatsApp has it).
 */
export const downloadStateSchema = z.enum(['ok', 'not-downloaded', 'too-large', 'failed', 'deleted-locally']);

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in lower-case hex');

export const mediaLocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().max(1000).optional(),
  address: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
});
export type MediaLocation = z.infer<typeof mediaLocationSchema>;

export const mediaContactSchema = z.object({
  name: z.string().max(500),
  /** Digits only, international form. */
  phone: z
    .string()
    .regex(/^\d{5,20}$/)
    .optional(),
});
export type MediaContact = z.infer<typeof mediaContactSchema>;

const size = z.number().int().nonnegative();

// Reading is tolerant: a kind or state from a newer version reads as unsupported / not downloaded,
// and "ok" without a content address (which would show a broken image) as not downloaded.
export const mediaInfoSchema = z
  .object({
    kind: mediaKindSchema.catch('unsupported'),
    mimetype: z.string().max(255).optional(),
    /** Sanitised display name, never a path. */
    filename: z.string().max(255).optional(),
    size: size.optional(),
    durationSec: z.number().nonnegative().optional(),
    width: size.optional(),
    height: size.optional(),
    caption: z.string().max(65_536).optional(),
    /** A video WhatsApp shows as a GIF (looping, muted). */
    gif: z.boolean().optional(),
    sha256: sha256Schema.optional(),
    download: downloadStateSchema.catch('not-downloaded'),
    location: mediaLocationSchema.optional(),
    contact: z.array(mediaContactSchema).max(257).optional(),
  })
  .transform((media) => {
    if (media.download === 'ok' && media.sha256 === undefined) return { ...media, download: 'not-downloaded' as const };
    if (media.download !== 'ok' && media.sha256 !== undefined) {
      const withoutAddress = { ...media };
      delete withoutAddress.sha256;
      return withoutAddress;
    }
    return media;
  });
export type MediaInfo = z.output<typeof mediaInfoSchema>;

/** A file the shop sends (composer, quick reply): already in the media folder, named by its sha256. */
export const outgoingAttachmentSchema = z.object({
  kind: z.enum(['image', 'video', 'audio', 'voice', 'document', 'sticker']),
  sha256: sha256Schema,
  mimetype: z.string().min(3).max(255),
  filename: z.string().min(1).max(255),
  size: size,
});
export type OutgoingAttachment = z.infer<typeof outgoingAttachmentSchema>;
export const quickReplyAttachmentSchema = outgoingAttachmentSchema;

/** The kind an attachment is sent as, from its type: pictures as photos, the rest as documents. */
export function sendKindOf(mimetype: string): OutgoingAttachment['kind'] {
  const type = mimetype.toLowerCase();
  if (['image/jpeg', 'image/png', 'image/webp', 'image/gif'].includes(type)) return 'image';
  if (type === 'video/mp4' || type === 'video/3gpp') return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'document';
}

/** Whether "download" (or "try again") makes sense for this attachment now. */
export function canDownload(media: MediaInfo): boolean {
  return downloadableKinds.has(media.kind) && media.download !== 'ok';
}

/** `42` → `0:42`, `3725` → `1:02:05`; anything not a finite non-negative number → `0:00`. */
export function formatDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

function coordinate(value: number): string {
  // toFixed never uses exponent notation (String(1e-7) would); trailing zeros are noise.
  return value.toFixed(7).replace(/\.?0+$/, '');
}

/** A Google Maps link for a point; null unless both are real coordinates. */
export function mapsUrl(latitude: number, longitude: number): string | null {
  const valid =
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  return valid ? `https://www.google.com/maps?q=${coordinate(latitude)},${coordinate(longitude)}` : null;
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function say(language: Language, key: MediaMessageKey, params: Readonly<Record<string, string>> = {}): string {
  return mediaMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The chat list's one-line preview of an attachment, like WhatsApp's. */
export function previewText(media: MediaInfo, language: Language): string {
  const caption = oneLine(media.caption);
  switch (media.kind) {
    case 'image':
      return caption ? say(language, 'media.imageCaption', { caption }) : say(language, 'media.image');
    case 'video':
      if (caption) return say(language, 'media.videoCaption', { caption });
      return say(language, media.gif ? 'media.gif' : 'media.video');
    case 'voice':
      return media.durationSec !== undefined && media.durationSec > 0
        ? say(language, 'media.voiceDuration', { duration: formatDuration(media.durationSec) })
        : say(language, 'media.voice');
    case 'audio':
      return say(language, 'media.audio');
    case 'document': {
      const filename = oneLine(media.filename);
      return filename ? say(language, 'media.documentName', { filename }) : say(language, 'media.document');
    }
    case 'sticker':
      return say(language, 'media.sticker');
    case 'location': {
      const name = oneLine(media.location?.name);
      return name ? say(language, 'media.locationName', { name }) : say(language, 'media.location');
    }
    case 'contact': {
      const contacts = media.contact ?? [];
      const name = oneLine(contacts[0]?.name) || contacts[0]?.phone || '';
      if (!name) return say(language, 'media.contact');
      if (contacts.length > 1) return say(language, 'media.contacts', { name, others: String(contacts.length - 1) });
      return say(language, 'media.contactName', { name });
    }
    case 'deleted':
      return say(language, 'media.deleted');
    case 'view-once':
      return say(language, 'media.viewOnce');
    case 'unsupported':
      return say(language, 'media.unsupported');
  }
}
