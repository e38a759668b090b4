/**
 * whatsapp-web.js objects → the backend's GatewayMessage. Pure: the message intake adds the
 * contact's name (which needs a lookup) and decides what was already emitted.
 */
import { chatIdSchema, type ChatId, type DeliveryStatus, type MessageKind } from '../../../../shared/domain';
import { toEpochMs } from './wa-timestamps';
import type { GatewayMessage } from '../gateway';
import { mediaInfoFromMessage } from '../../media/wa-media-kind';
import type { CallLike, ContactLike, MessageLike, ReactionLike, WidLike } from './client-like';

/** A GatewayMessage before the contact lookup; `pushName` is the name the message itself carried. */
export type MessageDraft = Omit<GatewayMessage, 'contactName'> & { pushName: string | null };

const mediaPlaceholders: Record<string, string> = {
  image: '[image]',
  video: '[video]',
  ptv: '[video]',
  audio: '[audio]',
  ptt: '[voice message]',
  document: '[document]',
  sticker: '[sticker]',
  album: '[album]',
  location: '[location]',
  vcard: '[contact]',
  multi_vcard: '[contacts]',
};

/**
 * Customer-made content that is not plain text or media: shown with its text (or its type) so the
 * shop sees that the customer wrote. Everything not listed anywhere (e2e_notification,
 * notification_template, gp2, revoked, protocol, ciphertext, debug…) is a system message: ignored.
 */
const otherContentTypes = new Set([
  'poll_creation',
  'scheduled_event_creation',
  'order',
  'product',
  'payment',
  'list',
  'list_response',
  'buttons_response',
  'template_button_reply',
  'interactive',
  'native_flow',
  'hsm',
  'groups_v4_invite',
]);

function widString(wid: WidLike | undefined | null): string | null {
  if (wid === undefined || wid === null) return null;
  return typeof wid === 'string' ? wid : wid._serialized;
}

/** `5511…:12@c.us` (a device of the user) → `5511…@c.us`. */
function normalizeWid(wid: string): string {
  return wid.replace(/:\d+@/, '@');
}

/** People's chats only: `…@c.us` and `…@lid`; groups, statuses, channels and broadcasts are not. */
export function asPeopleChatId(wid: string | null | undefined): ChatId | null {
  if (!wid) return null;
  const parsed = chatIdSchema.safeParse(normalizeWid(wid));
  return parsed.success ? parsed.data : null;
}

/** The chat a message belongs to: the other side for own messages, the sender otherwise. */
export function messageChatWid(message: MessageLike): string | null {
  const remote = widString(message.id.remote);
  const direct = message.fromMe ? message.to : message.from;
  return direct ?? remote;
}

/** -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played. */
export function deliveryStatusFromAck(ack: number | null | undefined): DeliveryStatus {
  if (ack === undefined || ack === null) return 'pending';
  if (ack < 0) return 'failed';
  if (ack === 0) return 'pending';
  if (ack === 1) return 'sent';
  if (ack === 2) return 'delivered';
  return 'read';
}

function atOf(timestamp: number | undefined, fallbackAt: number): number {
  return typeof timestamp === 'number' && Number.isFinite(timestamp) && timestamp > 0
    ? toEpochMs(timestamp)
    : fallbackAt;
}

function kindAndText(message: MessageLike): { kind: MessageKind; text: string } | null {
  const body = message.body ?? '';
  if (message.type === 'chat') return { kind: 'text', text: body };
  const placeholder = mediaPlaceholders[message.type];
  if (placeholder !== undefined) {
    // For media the library puts the caption in `body`; vcards and locations carry data there.
    const caption = message.hasMedia ? body.trim() : '';
    return { kind: 'media', text: caption !== '' ? caption : placeholder };
  }
  if (message.type === 'call_log')
    return { kind: 'call', text: message._data?.isVideoCall ? '[video call]' : '[call]' };
  if (message.type === 'reaction') return { kind: 'reaction', text: body };
  if (otherContentTypes.has(message.type))
    return { kind: 'text', text: body.trim() !== '' ? body : `[${message.type}]` };
  return null;
}

/** null when the message is not for the shop's inbox (group, status, system, placeholder…). */
export function translateMessage(message: MessageLike, fallbackAt: number): MessageDraft | null {
  if (message.isStatus || widString(message.id.remote) === 'status@broadcast') return null;
  if (message._data?.isNotification) return null;
  const chatId = asPeopleChatId(messageChatWid(message));
  if (chatId === null) return null;
  const content = kindAndText(message);
  if (content === null) return null;
  const fromMe = message.fromMe;
  const media = content.kind === 'media' ? mediaInfoFromMessage(message) : null;
  return {
    waId: message.id._serialized,
    chatId,
    fromMe,
    kind: content.kind,
    text: content.text,
    at: atOf(message.timestamp, fallbackAt),
    // notifyName on an own message is the shop's own name, not the customer's.
    pushName: fromMe ? null : nonEmpty(message._data?.notifyName),
    ...(fromMe ? { status: deliveryStatusFromAck(message.ack) } : {}),
    ...(media ? { media } : {}),
  };
}

/** A customer's reaction (not the shop's own, not a removal) in a people's chat. */
export function translateReaction(reaction: ReactionLike, fallbackAt: number): MessageDraft | null {
  if (reaction.id.fromMe || reaction.reaction === '') return null;
  const chatId = asPeopleChatId(widString(reaction.id.remote) ?? reaction.senderId);
  if (chatId === null) return null;
  return {
    waId: reaction.id._serialized,
    chatId,
    fromMe: false,
    kind: 'reaction',
    text: reaction.reaction,
    at: atOf(reaction.timestamp, fallbackAt),
    pushName: null,
  };
}

/** An incoming one-to-one call: customer contact under Meta's rule. */
export function translateCall(call: CallLike, fallbackAt: number): MessageDraft | null {
  if (call.fromMe || call.isGroup) return null;
  const chatId = asPeopleChatId(widString(call.from));
  if (chatId === null) return null;
  return {
    waId: `call_${call.id}`,
    chatId,
    fromMe: false,
    kind: 'call',
    text: call.isVideo ? '[video call]' : '[call]',
    at: atOf(call.timestamp, fallbackAt),
    pushName: null,
  };
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Saved name, then the name the customer chose, then none (the backend shows the number). */
export function contactDisplayName(contact: ContactLike | null, pushName: string | null): string | null {
  return nonEmpty(contact?.name) ?? nonEmpty(contact?.pushname) ?? pushName ?? nonEmpty(contact?.verifiedName);
}
