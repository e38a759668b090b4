/**
 * Media messages as whatsapp-web.js builds them: raw models shaped like what
 * `WWebJS.getMessageModel` serialises from WhatsApp Web, turned into the library's own `Message`.
 */
import { createRequire } from 'node:module';
import type { MediaMessageLike } from '../../../../../electron/backend/media/wa-media-kind';

const require = createRequire(import.meta.url);

type LibraryMessage = MediaMessageLike & { rawData: object; downloadMedia(): Promise<unknown> };
const Message = require('whatsapp-web.js/src/structures/Message') as new (
  client: unknown,
  data: object,
) => LibraryMessage;
export const MessageMedia = require('whatsapp-web.js/src/structures/MessageMedia') as new (
  mimetype: string,
  data: string,
  filename?: string | null,
  filesize?: number | null,
) => { mimetype: string; data: string; filename?: string | null; filesize?: number | null };

const SHOP = '5511900000000@c.us';
export const CUSTOMER = '5511987654321@c.us';
/** WhatsApp Web's `body` for media without a caption: a base64 JPEG thumbnail. */
export const THUMBNAIL =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/';

function wid(serialized: string) {
  const [user = '', server = ''] = serialized.split('@');
  return { server, user, _serialized: serialized };
}

let sequence = 0;

/** The fields every message model has; `extra` adds the type's own. */
export function rawModel(type: string, extra: Record<string, unknown>): Record<string, unknown> {
  const id = `3EB0MEDIA${(++sequence).toString(16).toUpperCase().padStart(8, '0')}`;
  return {
    id: { fromMe: false, remote: CUSTOMER, id, _serialized: `false_${CUSTOMER}_${id}` },
    type,
    t: 1_760_000_000 + sequence,
    from: wid(CUSTOMER),
    to: wid(SHOP),
    ack: 0,
    notifyName: 'Maria',
    isNewMsg: true,
    ...extra,
  };
}

/** What a downloadable attachment carries; `directPath` is what makes `hasMedia` true. */
export function rawFile(
  type: string,
  fields: {
    mimetype: string;
    size?: number;
    caption?: string;
    filename?: string;
    duration?: string | number;
    width?: number;
    height?: number;
    isGif?: boolean;
    isViewOnce?: boolean;
    /** false: WhatsApp has no directPath (expired media, view once on a linked device). */
    downloadable?: boolean;
  },
): Record<string, unknown> {
  const { downloadable = true, ...media } = fields;
  return rawModel(type, {
    body: THUMBNAIL,
    mediaKey: 'bWVkaWFrZXk=',
    mediaKeyTimestamp: 1_760_000_000,
    filehash: 'ZmlsZWhhc2g=',
    encFilehash: 'ZW5jZmlsZWhhc2g=',
    ...(downloadable ? { directPath: '/v/t62.7118-24/30000000_1_n.enc?ccb=11-4' } : {}),
    ...media,
  });
}

export function message(raw: Record<string, unknown>): LibraryMessage {
  return new Message(undefined, raw);
}

export function vcard(name: string, waid: string, display = `+${waid}`): string {
  return `BEGIN:VCARD\nVERSION:3.0\nN:;${name};;;\nFN:${name}\nTEL;type=CELL;type=VOICE;waid=${waid}:${display}\nEND:VCARD`;
}
