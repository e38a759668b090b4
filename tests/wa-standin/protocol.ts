/**
 * What the stand-in page and its server say to each other over the WebSocket at /standin/ws,
 * and the shapes of the history the server keeps (it plays the phone and WhatsApp's servers).
 */
import { z } from 'zod';

export const WA_STATES = [
  'CONFLICT',
  'CONNECTED',
  'DEPRECATED_VERSION',
  'OPENING',
  'PAIRING',
  'PROXYBLOCK',
  'SMB_TOS_BLOCK',
  'TIMEOUT',
  'TOS_BLOCK',
  'UNLAUNCHED',
  'UNPAIRED',
  'UNPAIRED_IDLE',
] as const;
export type WaState = (typeof WA_STATES)[number];

/** A message as WhatsApp's servers keep it; `t` in seconds, as WhatsApp Web has it. */
export interface StoredMessage {
  id: string;
  chatId: string;
  fromMe: boolean;
  /** Who wrote it, for group and status messages. */
  author?: string;
  body: string;
  t: number;
  ack: number;
  type: string;
  notifyName?: string;
  /** An attachment's description; its bytes are kept by the server under `directPath`. */
  media?: StoredMedia;
  location?: { latitude: number; longitude: number; name?: string; address?: string };
}

export interface StoredMedia {
  directPath: string;
  mimetype: string;
  /** Base64 sha256 of the bytes, as WhatsApp Web's `filehash`. */
  filehash: string;
  size: number;
  filename?: string;
  caption?: string;
  /** Seconds, for voice notes, audio and video. */
  duration?: number;
}

export interface StoredChat {
  id: string;
  name?: string;
  t: number;
  unreadCount: number;
  participants?: string[];
  messages: StoredMessage[];
}

export interface StoredContact {
  id: string;
  /** The name saved in the phone's address book. */
  name?: string;
  /** The name the person set for themselves. */
  pushname?: string;
}

export interface Snapshot {
  me: { id: string; lid: string; pushname: string };
  chats: StoredChat[];
  contacts: StoredContact[];
}

const waState = z.enum(WA_STATES);

export const pageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), pageId: z.string(), deviceId: z.string().nullable(), url: z.string() }),
  z.object({ type: z.literal('modules'), names: z.array(z.string()) }),
  z.object({ type: z.literal('state'), state: waState, hasSynced: z.boolean() }),
  z.object({ type: z.literal('qr'), ref: z.string() }),
  z.object({ type: z.literal('listening') }),
  z.object({ type: z.literal('injected') }),
  z.object({
    type: z.literal('send'),
    key: z.string(),
    id: z.string(),
    to: z.string(),
    body: z.string().nullable().optional(),
    t: z.number(),
    msgType: z.string(),
    media: z
      .object({
        directPath: z.string(),
        mimetype: z.string(),
        filename: z.string().nullable().optional(),
        caption: z.string().nullable().optional(),
        filehash: z.string(),
      })
      .optional(),
  }),
  z.object({ type: z.literal('upload'), directPath: z.string(), mimetype: z.string(), data: z.string() }),
  z.object({ type: z.literal('seen'), chatId: z.string() }),
  z.object({ type: z.literal('logout') }),
  z.object({ type: z.literal('pairing-code'), code: z.string(), phoneNumber: z.string() }),
  z.object({ type: z.literal('recovered') }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

export type SendOutcome = 'ok' | 'reject' | 'hang';

export type ServerMessage =
  | { type: 'init'; linked: boolean; snapshot?: Snapshot }
  | { type: 'scan'; deviceId: string; snapshot: Snapshot }
  | { type: 'rotate-qr' }
  | {
      type: 'inbound';
      stored: StoredMessage;
      chat: Omit<StoredChat, 'messages'>;
      contact?: StoredContact;
    }
  | { type: 'ack'; key: string; ack: number }
  | { type: 'revoke'; key: string }
  | { type: 'send-result'; key: string; outcome: SendOutcome; reason?: string }
  | { type: 'read-on-phone'; chatId: string }
  | { type: 'call'; call: IncomingCall }
  | {
      type: 'reaction';
      reaction: { id: string; chatId: string; from: string; parentKey: string; text: string; t: number };
    }
  | { type: 'state'; state: WaState; unlink: boolean; recoverAfterMs?: number }
  | { type: 'logout-from-phone' }
  | { type: 'reload' };

export interface IncomingCall {
  id: string;
  peerJid: string;
  offerTime: number;
  isVideo: boolean;
  isGroup: boolean;
  outgoing: boolean;
  canHandleLocally: boolean;
  webClientShouldHandle: boolean;
  participants: string[];
}
