/**
 * The part of whatsapp-web.js the gateway uses, as structural types: the real `Client` and its
 * `Message`/`Chat`/`Contact`/`Reaction`/`Call` objects satisfy them, and so do the unit tests'
 * fakes. Keeping the surface this small is what makes a library upgrade easy to check.
 */

/** `{ _serialized }` as the library serialises WhatsApp ids; some fields are already strings. */
export type WidLike = string | { _serialized: string };

export interface MessageIdLike {
  _serialized: string;
  fromMe: boolean;
  remote?: WidLike;
  id?: string;
}

export interface MessageLike {
  id: MessageIdLike;
  from?: string;
  to?: string;
  fromMe: boolean;
  type: string;
  body: string;
  /** Seconds (WhatsApp's unit). */
  timestamp?: number;
  ack?: number;
  hasMedia?: boolean;
  isStatus?: boolean;
  isGif?: boolean;
  /** Seconds, for voice notes, audio and video. */
  duration?: string | number;
  location?: { latitude: unknown; longitude: unknown; name?: string; address?: string; url?: string };
  vCards?: string[];
  /** The raw model: notifyName, isNotification, and what WhatsApp knows of an attachment. */
  _data?: {
    notifyName?: string;
    isNotification?: boolean;
    isVideoCall?: boolean;
    isViewOnce?: boolean;
    mimetype?: string;
    filename?: string;
    size?: number;
    duration?: string | number;
    width?: number;
    height?: number;
    caption?: string;
  } | null;
  /** whatsapp-web.js `Message.downloadMedia()`: the attachment's bytes as a `MessageMedia`. */
  downloadMedia?(): Promise<{ data: string; mimetype?: string | null; filename?: string | null } | undefined | null>;
}

/** What `sendMessage` takes besides text: whatsapp-web.js's `MessageMedia`, built by the client factory. */
export interface MessageMediaLike {
  mimetype: string;
  data: string;
  filename?: string | null;
}

export interface ContactLike {
  /** Name saved in the shop's phone. */
  name?: string | null;
  /** Name the customer gave themselves. */
  pushname?: string | null;
  verifiedName?: string | null;
}

export interface FetchMessagesOptions {
  limit: number;
  fromMe?: boolean;
}

export interface ChatLike {
  id: { _serialized: string };
  isGroup?: boolean;
  /** Last activity, seconds. */
  timestamp?: number;
  fetchMessages(options: FetchMessagesOptions): Promise<MessageLike[]>;
}

export interface ReactionLike {
  id: MessageIdLike;
  /** The emoji; empty when a reaction is taken back. */
  reaction: string;
  /** Seconds, possibly fractional. */
  timestamp?: number;
  senderId?: string;
  msgId?: MessageIdLike;
}

export interface CallLike {
  id: string;
  /** The caller (peerJid): the page hands over a Wid, serialised as an object. */
  from?: WidLike;
  timestamp?: number;
  /** true for the shop's own outgoing calls. */
  fromMe?: boolean;
  isGroup?: boolean;
  isVideo?: boolean;
}

export interface BrowserLike {
  on(event: 'disconnected', listener: () => void): unknown;
  off?(event: 'disconnected', listener: () => void): unknown;
  process?(): {
    pid?: number;
    exitCode: number | null;
    signalCode: NodeJS.Signals | null;
    kill(signal?: NodeJS.Signals): boolean;
  } | null;
}

export interface ClientLike {
  on<A extends unknown[]>(event: string, listener: (...args: A) => void): unknown;
  removeAllListeners(event?: string): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  logout(): Promise<void>;
  getState(): Promise<string | null>;
  getChats(): Promise<ChatLike[]>;
  getChatById(chatId: string): Promise<ChatLike | undefined>;
  getContactById(contactId: string): Promise<ContactLike>;
  sendMessage(
    chatId: string,
    content: string | MessageMediaLike,
    options?: { caption?: string; sendMediaAsDocument?: boolean },
  ): Promise<MessageLike | undefined | null>;
  getMessageById?(messageId: string): Promise<MessageLike | null | undefined>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  /** Puppeteer's browser once launched (real client only). */
  pupBrowser?: BrowserLike | null;
}
