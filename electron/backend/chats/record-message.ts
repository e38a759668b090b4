/**
 * Turns what WhatsApp reports into history and chat-list state, whichever gateway reported it.
 * What moves `lastInboundAt` is decided by `inbound-rule.ts` alone.
 */
import type { ChatId } from '../../../shared/domain';
import { nextLastInboundAt } from '../../../shared/chats/window-rules';
import type { GatewayMessage } from '../gateways/gateway';
import { renewsWindow, type InboundRuleSettings } from './inbound-rule';
import type { JanelaStore, StoredContact, StoredMessage } from '../store/store-types';

function phoneOf(chatId: ChatId): string {
  // A @lid id is an opaque WhatsApp id, not a phone number.
  return chatId.endsWith('@c.us') ? (chatId.split('@')[0] ?? '') : '';
}

export function newContact(chatId: ChatId, waName: string | null): StoredContact {
  return {
    chatId,
    phone: phoneOf(chatId),
    waName,
    nameOverride: null,
    firstNameOverride: null,
    lastInboundAt: null,
    lastOutboundAt: null,
    lastMessage: null,
    unreadCount: 0,
    customFields: {},
    labels: [],
    notes: '',
  };
}

/** Folds one message into a contact's list summary (pure, so out-of-order arrivals are testable). */
export function foldMessage(
  contact: StoredContact,
  message: Pick<StoredMessage, 'direction' | 'kind' | 'text' | 'at' | 'media'>,
  live: boolean,
  settings: InboundRuleSettings,
): StoredContact {
  const next = { ...contact };
  if (message.direction === 'in') {
    if (renewsWindow(message, settings)) next.lastInboundAt = nextLastInboundAt(contact.lastInboundAt, message.at);
    if (live) next.unreadCount = contact.unreadCount + 1;
  } else {
    next.lastOutboundAt = contact.lastOutboundAt === null ? message.at : Math.max(contact.lastOutboundAt, message.at);
  }
  if (!contact.lastMessage || message.at >= contact.lastMessage.at) {
    next.lastMessage = {
      text: message.text,
      at: message.at,
      direction: message.direction,
      ...(message.media ? { media: message.media } : {}),
    };
  }
  return next;
}

/**
 * Stores a gateway message once (de-duplicated by WhatsApp id) and updates its contact.
 * Returns the stored message, or null when it was already known.
 */
export function recordGatewayMessage(store: JanelaStore, message: GatewayMessage): StoredMessage | null {
  if (store.hasMessage(message.chatId, message.waId) || store.findMessageByWaId(message.chatId, message.waId))
    return null;
  const stored: StoredMessage = {
    id: message.waId,
    chatId: message.chatId,
    direction: message.fromMe ? 'out' : 'in',
    kind: message.kind,
    text: message.text,
    at: message.at,
    ...(message.fromMe ? { status: message.status ?? 'sent', waId: message.waId } : {}),
    // Kept so that the contact list can be rebuilt from the history files, names included.
    ...(!message.fromMe && message.contactName ? { contactName: message.contactName } : {}),
    ...(message.fromMe && message.csatSurvey ? { csatSurvey: true } : {}),
    ...(message.media ? { media: message.media } : {}),
  };
  if (!store.appendMessage(stored)) return null;
  store.update((data) => {
    const existing = data.contacts[message.chatId] ?? newContact(message.chatId, message.contactName);
    const named = message.contactName ? { ...existing, waName: message.contactName } : existing;
    data.contacts[message.chatId] = foldMessage(named, stored, !message.catchUp, data.settings);
  });
  return stored;
}

/**
 * A message deleted for everyone: its text and attachment go, as on the phone, and it shows as
 * deleted (also as the chat list's preview when it was the last message). Returns the new version.
 */
export function markDeleted(store: JanelaStore, chatId: ChatId, waId: string): StoredMessage | null {
  const message = store.getMessage(chatId, waId) ?? store.findMessageByWaId(chatId, waId);
  if (!message || message.media?.kind === 'deleted') return null;
  const media = { kind: 'deleted' as const, download: 'not-downloaded' as const };
  const updated = store.updateMessage(chatId, message.id, { kind: 'media', text: '', media });
  if (!updated) return null;
  store.update((data) => {
    const contact = data.contacts[chatId];
    const last = contact?.lastMessage;
    if (contact && last && last.at === message.at && last.direction === message.direction && last.text === message.text)
      data.contacts[chatId] = { ...contact, lastMessage: { ...last, text: '', media } };
  });
  return updated;
}
