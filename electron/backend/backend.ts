/**
 * One backend over one store and one gateway: command handlers, and WhatsApp events turned into
 * history, chat-list rows and pushed events.
 */
import { JanelaError } from '../../shared/contract';
import { settingsSchema, type ChatId, type ChatMessage, type Notice } from '../../shared/domain';
import { chatListHead } from './chats/chat-list-head';
import { markDeleted, recordGatewayMessage } from './chats/record-message';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import type { GatewayMessage, WhatsAppGateway } from './gateways/gateway';
import {
  applyProfileUpdate,
  customFieldNames,
  deleteLabel,
  saveLabel,
  toChatSummary,
  toCustomerProfile,
} from './profiles/profiles';
import {
  deleteQuickReply,
  exportQuickReplies,
  importQuickReplies,
  reorderQuickReplies,
  saveQuickReply,
} from './quick-replies/quick-replies';
import { createMediaService } from './media/media-service';
import type { MediaStore } from './media/media-store';
import { embedAttachments, storeImportedAttachments } from './quick-replies/quick-reply-attachments';
import type { Handlers } from './router';
import { Outbox } from './sending/outbox';
import type { JanelaStore, StoredMessage } from './store/store-types';

/** A burst of messages becomes one list update instead of one per message. */
const CHAT_PUSH_DELAY_MS = 30;
/** "Delete media older than N days" runs at start and then once a day. */
const MEDIA_PRUNE_INTERVAL_MS = 24 * 3600 * 1000;
/**
 * Chats in a snapshot taken while the store still reads contacts in the background: more than a
 * screen holds, so the list can be scrolled at once; `chatsLoaded` brings the rest.
 */
export const snapshotHeadSize = 100;

export interface BackendOptions {
  store: JanelaStore;
  gateway: WhatsAppGateway;
  clock: Clock;
  hub: EventHub;
  notices: NoticeBoard;
  log: (line: string) => void;
  /** Handlers that belong to the session above one backend (switching to the demo). */
  startDemo: () => Promise<void>;
  /** The media folder of this store. */
  media: MediaStore;
  /** The desktop shell's "open with the default application"; absent in the browser host. */
  openWithSystem?: (file: string) => Promise<void>;
}

export interface NoticeBoard {
  list(): Notice[];
  dismiss(id: string): void;
}

export interface Backend {
  handlers: Handlers;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The renderer never needs WhatsApp's ids: only the shared message shape crosses the boundary. */
function toChatMessage(message: StoredMessage): ChatMessage {
  const shared: ChatMessage = { ...message };
  delete (shared as Partial<StoredMessage>).waId;
  return shared;
}

export function createBackend(options: BackendOptions): Backend {
  const { store, gateway, clock, hub, log } = options;
  const pendingChats = new Set<ChatId>();
  let chatPushTimer: NodeJS.Timeout | null = null;

  function pushChat(chatId: ChatId): void {
    pendingChats.add(chatId);
    chatPushTimer ??= setTimeout(() => {
      chatPushTimer = null;
      const chats = [...pendingChats].flatMap((id) => {
        const contact = store.data.contacts[id];
        return contact ? [toChatSummary(contact)] : [];
      });
      pendingChats.clear();
      hub.emit('chatsChanged', { chats });
    }, CHAT_PUSH_DELAY_MS);
  }

  function pushMessage(message: StoredMessage): void {
    hub.emit('messageChanged', { message: mediaService.present(toChatMessage(message)) });
  }

  const mediaService = createMediaService({
    store,
    media: options.media,
    gateway: () => gateway,
    onMessage: pushMessage,
    keptFiles: () =>
      new Set([
        ...store.data.quickReplies.flatMap((reply) => (reply.attachment ? [reply.attachment.sha256] : [])),
        ...store.data.outbox.flatMap((entry) => (entry.media ? [entry.media.sha256] : [])),
      ]),
    ...(options.openWithSystem ? { openWithSystem: options.openWithSystem } : {}),
    log,
  });
  let pruneTimer: NodeJS.Timeout | null = null;
  const pruneMedia = () =>
    void mediaService
      .prune(store.data.settings)
      .catch((error: unknown) => log(`media prune failed: ${error instanceof Error ? error.name : 'unknown'}`));

  const outbox = new Outbox({
    store,
    clock,
    gateway: () => gateway,
    settings: () => store.data.settings,
    onMessage: pushMessage,
    onContact: pushChat,
    log,
    readMedia: (sha256) => options.media.read(sha256),
  });

  function onMessage(message: GatewayMessage): void {
    if (outbox.claimOwnMessage(message)) return;
    const stored = recordGatewayMessage(store, message);
    if (!stored) return;
    pushMessage(stored);
    pushChat(message.chatId);
    mediaService.afterArrival(stored, !message.catchUp);
  }

  const listeners = {
    status: () => {
      const status = gateway.status();
      hub.emit('connectionChanged', { status, gatewayKind: gateway.kind });
      if (status.state === 'connected') outbox.kick();
      else outbox.markInFlightUncertain();
    },
    message: onMessage,
    ack: ({ chatId, waId, status }: { chatId: ChatId; waId: string; status: StoredMessage['status'] & string }) =>
      outbox.applyAck(chatId, waId, status),
    synced: ({ at }: { at: number }) => store.update((data) => void (data.sync.lastSyncAt = at)),
    revoked: ({ chatId, waId }: { chatId: ChatId; waId: string }) => {
      const deleted = markDeleted(store, chatId, waId);
      if (!deleted) return;
      pushMessage(deleted);
      pushChat(chatId);
    },
  };
  const stopClockListener = clock.onJump((now) => hub.emit('clockChanged', { now }));
  const allChats = () => Object.values(store.data.contacts).map(toChatSummary);
  // A snapshot sent before every contact was read holds the head of the list only.
  let partialSnapshotSent = false;
  let closed = false;
  void store.contactsLoaded().then(() => {
    if (partialSnapshotSent && !closed) hub.emit('chatsLoaded', { chats: allChats() });
  });
  const stopStoreNotices = store.onNotice(() => hub.emit('noticesChanged', { notices: options.notices.list() }));

  function contactOrThrow(chatId: ChatId) {
    const contact = store.data.contacts[chatId];
    if (!contact) throw new JanelaError('not-found', 'no chat with that id');
    return contact;
  }

  const handlers: Handlers = {
    getSnapshot: () => {
      const chatsComplete = store.allContactsLoaded;
      partialSnapshotSent ||= !chatsComplete;
      return {
        now: clock.now(),
        gatewayKind: gateway.kind,
        connection: gateway.status(),
        settings: store.data.settings,
        chats: chatsComplete ? allChats() : chatListHead(store, clock.now(), snapshotHeadSize),
        chatsComplete,
        labels: store.data.labels,
        quickReplies: store.data.quickReplies,
        notices: options.notices.list(),
      };
    },
    getConversation: ({ chatId, beforeId, limit }) => {
      const page = store.readMessages(chatId, beforeId === undefined ? { limit } : { beforeId, limit });
      return {
        messages: page.messages.map((message) => mediaService.present(toChatMessage(message))),
        hasMore: page.hasMore,
      };
    },
    getProfile: ({ chatId }) => toCustomerProfile(contactOrThrow(chatId)),
    sendMessage: ({ chatId, text }) => toChatMessage(outbox.send(chatId, text)),
    markRead: ({ chatId }) => {
      if (contactOrThrow(chatId).unreadCount > 0) {
        store.update((data) => {
          const contact = data.contacts[chatId];
          // Contacts are replaced, never changed in place (the store caches their serialised rows).
          if (contact) data.contacts[chatId] = { ...contact, unreadCount: 0 };
        });
        pushChat(chatId);
      }
      return null;
    },
    updateSettings: (patch) => {
      const current = store.data.settings;
      const next = settingsSchema.parse({ ...current, ...patch, shop: { ...current.shop, ...patch.shop } });
      store.update((data) => void (data.settings = next));
      hub.emit('settingsChanged', { settings: next });
      mediaService.applySettings(next);
      if (next.mediaDeleteAfterDays !== current.mediaDeleteAfterDays) pruneMedia();
      return next;
    },
    startDemo: async () => {
      await options.startDemo();
      return null;
    },
    requestPairingCode: async ({ phone }) => {
      try {
        return { code: await gateway.requestPairingCode(phone) };
      } catch (error) {
        log(`pairing code failed: ${error instanceof Error ? error.name : 'unknown'}`);
        throw new JanelaError('pairing-failed', 'WhatsApp did not give a pairing code; try the QR code or again later');
      }
    },
    reconnect: async () => {
      await gateway.reconnect();
      return null;
    },
    unlink: async () => {
      await gateway.unlink();
      return null;
    },
    dismissNotice: ({ id }) => {
      options.notices.dismiss(id);
      hub.emit('noticesChanged', { notices: options.notices.list() });
      return null;
    },
    updateProfile: ({ chatId, ...patch }) => {
      const updated = applyProfileUpdate(contactOrThrow(chatId), patch, store.data.labels);
      store.update((data) => void (data.contacts[chatId] = updated));
      pushChat(chatId);
      return toCustomerProfile(updated);
    },
    saveLabel: (label) => {
      const labels = saveLabel(store.data.labels, label);
      store.update((data) => void (data.labels = labels));
      hub.emit('labelsChanged', { labels });
      return labels;
    },
    deleteLabel: ({ id }) => {
      const { labels, contacts } = deleteLabel(store.data.labels, store.data.contacts, id);
      store.update((data) => {
        data.labels = labels;
        data.contacts = contacts;
      });
      hub.emit('labelsChanged', { labels });
      hub.emit('chatsChanged', { chats: Object.values(contacts).map(toChatSummary) });
      return labels;
    },
    saveQuickReply: (reply) => {
      if (reply.attachment) mediaService.assertStored(reply.attachment);
      return replaceQuickReplies(saveQuickReply(store.data.quickReplies, reply));
    },
    deleteQuickReply: ({ id }) => replaceQuickReplies(deleteQuickReply(store.data.quickReplies, id)),
    reorderQuickReplies: ({ ids }) => replaceQuickReplies(reorderQuickReplies(store.data.quickReplies, ids)),
    importQuickReplies: async ({ json }) =>
      replaceQuickReplies(
        importQuickReplies(store.data.quickReplies, await storeImportedAttachments(json, options.media)),
      ),
    exportQuickReplies: async () => ({
      json: await embedAttachments(exportQuickReplies(store.data.quickReplies), options.media),
    }),
    listCustomFields: () => customFieldNames(store.data.contacts),
    uploadMedia: (file) => mediaService.upload(file),
    sendMedia: ({ chatId, caption, attachment }) => {
      mediaService.assertStored(attachment);
      return toChatMessage(outbox.send(chatId, caption, attachment));
    },
    downloadMedia: async ({ chatId, messageId }) =>
      mediaService.present(toChatMessage(await mediaService.download(chatId, messageId))),
    openMedia: async (file) => {
      await mediaService.open(file);
      return null;
    },
    getMediaUsage: () => mediaService.usage(),
  };

  function replaceQuickReplies(quickReplies: typeof store.data.quickReplies) {
    store.update((data) => void (data.quickReplies = quickReplies));
    hub.emit('quickRepliesChanged', { quickReplies });
    return quickReplies;
  }

  return {
    handlers,
    async start() {
      gateway.on('status', listeners.status);
      gateway.on('message', listeners.message);
      gateway.on('ack', listeners.ack);
      gateway.on('synced', listeners.synced);
      gateway.on('revoked', listeners.revoked);
      mediaService.applySettings(store.data.settings);
      pruneMedia();
      pruneTimer = setInterval(pruneMedia, MEDIA_PRUNE_INTERVAL_MS);
      await gateway.start();
    },
    async close() {
      closed = true;
      if (pruneTimer) clearInterval(pruneTimer);
      stopClockListener();
      stopStoreNotices();
      outbox.close();
      gateway.off('status', listeners.status);
      gateway.off('message', listeners.message);
      gateway.off('ack', listeners.ack);
      gateway.off('synced', listeners.synced);
      gateway.off('revoked', listeners.revoked);
      await gateway
        .stop()
        .catch((error: unknown) => log(`gateway stop failed: ${error instanceof Error ? error.name : 'unknown'}`));
      if (chatPushTimer) clearTimeout(chatPushTimer);
      await store.close();
    },
  };
}
