/**
 * whatsapp-web.js's own structure classes, and raw data shaped like what the library receives from
 * the page (`WWebJS.getMessageModel`, `getChatModel`, `getContactModel`, the call and reaction
 * payloads), so tests exercise the library's real parsing.
 */
import { createRequire } from 'node:module';
import type {
  CallLike,
  ChatLike,
  ContactLike,
  MessageLike,
  ReactionLike,
} from '../../../../../../electron/backend/gateways/whatsapp-web/client-like';

const require = createRequire(import.meta.url);

type Structure<T> = new (client: unknown, data: object) => T;
interface Structures {
  Message: Structure<MessageLike & { rawData: RawMessage }>;
  Call: Structure<CallLike>;
  Reaction: Structure<ReactionLike>;
}
interface Factory<T> {
  create(client: unknown, data: object): T;
}

export const structures = require('whatsapp-web.js/src/structures') as Structures;
export const ChatFactory = require('whatsapp-web.js/src/factories/ChatFactory') as Factory<
  ChatLike & { unreadCount: number }
>;
export const ContactFactory = require('whatsapp-web.js/src/factories/ContactFactory') as Factory<ContactLike>;

export const SHOP = '5511900000000@c.us';

export interface RawWid {
  server: string;
  user: string;
  _serialized: string;
}

export interface RawMessage {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  type: string;
  body?: string;
  caption?: string;
  directPath?: string;
  t: number;
  from: RawWid;
  to: RawWid;
  author?: RawWid;
  ack: number;
  notifyName?: string;
  isNewMsg: boolean;
  isNotification?: boolean;
  isStatusV3?: boolean;
  isVideoCall?: boolean;
}

export function wid(serialized: string): RawWid {
  const [user = '', server = ''] = serialized.split('@');
  return { server, user, _serialized: serialized };
}

let sequence = 0;

export interface RawMessageInput {
  chat: string;
  fromMe?: boolean;
  type?: string;
  body?: string;
  caption?: string;
  /** Seconds, as WhatsApp sends them. */
  t: number;
  ack?: number;
  notifyName?: string;
  author?: string;
  id?: string;
  media?: boolean;
  isNotification?: boolean;
  isStatusV3?: boolean;
}

export function rawMessage(input: RawMessageInput): RawMessage {
  const fromMe = input.fromMe ?? false;
  const id = input.id ?? `3EB0${(++sequence).toString(16).toUpperCase().padStart(16, '0')}`;
  const groupSender = input.author !== undefined;
  return {
    id: {
      fromMe,
      remote: input.chat,
      id,
      _serialized: `${fromMe}_${input.chat}_${id}${groupSender && !fromMe ? `_${input.author}` : ''}`,
    },
    type: input.type ?? 'chat',
    ...(input.media ? { caption: input.caption, directPath: '/v/t62.7118-24/abc' } : { body: input.body ?? '' }),
    t: input.t,
    from: wid(fromMe ? SHOP : input.chat),
    to: wid(fromMe ? input.chat : SHOP),
    ...(input.author ? { author: wid(input.author) } : {}),
    ack: input.ack ?? (fromMe ? 1 : 0),
    ...(input.notifyName ? { notifyName: input.notifyName } : {}),
    isNewMsg: true,
    ...(input.isNotification ? { isNotification: true } : {}),
    ...(input.isStatusV3 ? { isStatusV3: true } : {}),
  };
}

export interface RawChat {
  id: RawWid;
  formattedTitle: string;
  isGroup: boolean;
  unreadCount: number;
  t: number;
  archive: boolean;
  isMuted: boolean;
}

export function rawChat(id: string, t: number, unreadCount = 0): RawChat {
  return {
    id: wid(id),
    formattedTitle: id.split('@')[0] ?? id,
    isGroup: id.endsWith('@g.us'),
    unreadCount,
    t,
    archive: false,
    isMuted: false,
  };
}

export interface RawContact {
  id: RawWid;
  name?: string;
  pushname?: string;
  isUser: boolean;
  isGroup: boolean;
  isMyContact: boolean;
  isBusiness: boolean;
}

export function rawContact(id: string, names: { name?: string; pushname?: string }): RawContact {
  return {
    id: wid(id),
    ...names,
    isUser: true,
    isGroup: false,
    isMyContact: names.name !== undefined,
    isBusiness: false,
  };
}

/** The payload Client.js builds in `onReaction` from WhatsApp Web's reaction rows. */
export function rawReaction(input: {
  chat: string;
  sender: string;
  emoji: string;
  t: number;
  fromMe?: boolean;
  parentId: string;
}) {
  const fromMe = input.fromMe ?? false;
  const msgKey = {
    fromMe,
    remote: wid(input.chat),
    id: `R${++sequence}`,
    _serialized: `${fromMe}_${input.chat}_R${sequence}`,
  };
  return {
    id: msgKey,
    msgKey,
    parentMsgKey: {
      fromMe: true,
      remote: wid(input.chat),
      id: input.parentId,
      _serialized: `true_${input.chat}_${input.parentId}`,
    },
    reactionText: input.emoji,
    orphan: 0,
    read: false,
    senderUserJid: input.sender,
    // Client.js divides WhatsApp Web's reactionTimestamp (ms) by 1000.
    timestamp: input.t,
    ack: 0,
  };
}

/** The object Client.js passes to `onIncomingCall` (no offerTime there). */
export function rawCall(input: {
  peer: string;
  id?: string;
  outgoing?: boolean;
  isGroup?: boolean;
  isVideo?: boolean;
}) {
  return {
    id: input.id ?? `CALL${++sequence}`,
    peerJid: input.peer,
    isVideo: input.isVideo ?? false,
    isGroup: input.isGroup ?? false,
    canHandleLocally: false,
    outgoing: input.outgoing ?? false,
    webClientShouldHandle: false,
    participants: [],
  };
}
