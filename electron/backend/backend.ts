/**
 * One backend over one store and one gateway: command handlers, and WhatsApp events turned into
 * history, chat-list rows and pushed events.
 */
import { JanelaError, type EventPayload } from '../../shared/contract';
import {
  settingsSchema,
  type ChatId,
  type ChatMessage,
  type ChatSummary,
  type Language,
  type Notice,
} from '../../shared/domain';
import { chatListHead } from './chats/chat-list-head';
import { recordGatewayMessage } from './chats/record-message';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import type { GatewayMessage, WhatsAppGateway } from './gateways/gateway';
import { checkBrowser as checkBrowserPath, type BrowserCheck } from './gateways/whatsapp-web/browser-check';
import {
  applyProfileUpdate,
  customFieldNames,
  deleteLabel,
  saveLabel,
  toMarkedChatSummary,
  toCustomerProfile,
} from './profiles/profiles';
import {
  deleteQuickReply,
  exportQuickReplies,
  importQuickReplies,
  reorderQuickReplies,
  saveQuickReply,
} from './quick-replies/quick-replies';
import type { Handlers } from './router';
import { Outbox } from './sending/outbox';
import { searchMessages } from './chats/message-search';
import type { JanelaStore, StoredContact, StoredMessage } from './store/store-types';

/** A burst of messages becomes one list update instead of one per message. */
const CHAT_PUSH_DELAY_MS = 30;
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
  /** Handlers that belong to the session above one backend (switching to the demo and back). */
  startDemo: () => Promise<void>;
  exitDemo: () => Promise<void>;
  /** `--lang`: the language of this launch, shown instead of the saved one and never saved. */
  launchLanguage?: Language;
  /** Whether a browser path from the settings can drive WhatsApp Web; tests pass a fake. */
  checkBrowser?: (file: string) => Promise<BrowserCheck>;
}

export interface NoticeBoard {
  list(): Notice[];
  dismiss(id: string): void;
}

export interface Backend {
  handlers: Handlers;
  /** The connection as the renderer sees it, for `connectionChanged`. */
  connection(): EventPayload<'connectionChanged'>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The renderer never needs WhatsApp's ids: only the shared message shape crosses the boundary. */
function toChatMessage(message: StoredMessage): ChatMessage {
  const shared: ChatMessage = { ...message };
  delete (shared as Partial<StoredMessage>).waId;
  delete (shared as Partial<StoredMessage>).contactName;
  return shared;
}

export function createBackend(options: BackendOptions): Backend {
  const { store, gateway, clock, hub, log } = options;
  const checkBrowser = options.checkBrowser ?? checkBrowserPath;
  const pendingChats = new Set<ChatId>();
  let chatPushTimer: NodeJS.Timeout | null = null;

  // The first change after a quiet moment goes out at once (a customer's message reaches the list
  // without waiting); what follows within CHAT_PUSH_DELAY_MS goes out together after it.
  function flushChats(): void {
    chatPushTimer = null;
    if (pendingChats.size === 0) return;
    const chats = [...pendingChats].flatMap((id) => {
      const contact = store.data.contacts[id];
      return contact ? [summaryOf(contact)] : [];
    });
    pendingChats.clear();
    hub.emit('chatsChanged', { chats });
    chatPushTimer = setTimeout(flushChats, CHAT_PUSH_DELAY_MS);
  }

  function summaryOf(contact: StoredContact): ChatSummary {
    return toMarkedChatSummary(contact, store.data.markedUnread);
  }

  function pushChat(chatId: ChatId): void {
    pendingChats.add(chatId);
    chatPushTimer ??= setTimeout(flushChats, 0);
  }

  function pushMessage(message: StoredMessage): void {
    hub.emit('messageChanged', { message: toChatMessage(message) });
  }

  const outbox = new Outbox({
    store,
    clock,
    gateway: () => gateway,
    settings: () => store.data.settings,
    onMessage: pushMessage,
    onContact: pushChat,
    log,
  });

  function onMessage(message: GatewayMessage): void {
    if (outbox.claimOwnMessage(message)) return;
    const stored = recordGatewayMessage(store, message);
    if (!stored) return;
    pushMessage(stored);
    pushChat(message.chatId);
  }

  // Linked: WhatsApp (or the simulated one) connected here since the last unlink; never the demo.
  function connection(): EventPayload<'connectionChanged'> {
    const status = gateway.status();
    const linked = gateway.kind !== 'demo' && (status.state === 'connected' || store.data.sync.lastSyncAt !== null);
    return { status, gatewayKind: gateway.kind, linked };
  }

  const listeners = {
    status: () => {
      const { status } = connection();
      hub.emit('connectionChanged', connection());
      if (status.state === 'connected') outbox.kick();
      else outbox.markInFlightUncertain();
    },
    message: onMessage,
    ack: ({ chatId, waId, status }: { chatId: ChatId; waId: string; status: StoredMessage['status'] & string }) =>
      outbox.applyAck(chatId, waId, status),
    synced: ({ at }: { at: number }) => store.update((data) => void (data.sync.lastSyncAt = at)),
  };
  const stopClockListener = clock.onJump((now) => hub.emit('clockChanged', { now }));
  const allChats = () => Object.values(store.data.contacts).map(summaryOf);
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
        linked: connection().linked,
        settings: store.data.settings,
        launchLanguage: options.launchLanguage ?? null,
        chats: chatsComplete ? allChats() : chatListHead(store, clock.now(), snapshotHeadSize),
        chatsComplete,
        labels: store.data.labels,
        quickReplies: store.data.quickReplies,
        notices: options.notices.list(),
      };
    },
    getConversation: ({ chatId, beforeId, limit }) => {
      const page = store.readMessages(chatId, beforeId === undefined ? { limit } : { beforeId, limit });
      return { messages: page.messages.map(toChatMessage), hasMore: page.hasMore };
    },
    getProfile: ({ chatId }) => toCustomerProfile(contactOrThrow(chatId)),
    sendMessage: ({ chatId, text }) => toChatMessage(outbox.send(chatId, text)),
    searchMessages: ({ query }) => searchMessages(store, query),
    markUnread: ({ chatId }) => {
      contactOrThrow(chatId);
      if (!store.data.markedUnread[chatId]) {
        store.update((data) => void (data.markedUnread[chatId] = true));
        pushChat(chatId);
      }
      return null;
    },
    markRead: ({ chatId }) => {
      const marked = store.data.markedUnread[chatId] === true;
      if (contactOrThrow(chatId).unreadCount > 0 || marked) {
        store.update((data) => {
          const contact = data.contacts[chatId];
          // Contacts are replaced, never changed in place (the store caches their serialised rows).
          if (contact && contact.unreadCount > 0) data.contacts[chatId] = { ...contact, unreadCount: 0 };
          if (marked)
            data.markedUnread = Object.fromEntries(Object.entries(data.markedUnread).filter(([id]) => id !== chatId));
        });
        pushChat(chatId);
      }
      return null;
    },
    updateSettings: async (patch) => {
      const browserPath = patch.browserPath?.trim();
      if (browserPath && browserPath !== store.data.settings.browserPath) {
        const check = await checkBrowser(browserPath);
        if (!check.ok) throw new JanelaError('browser-not-usable', `browserPath: ${check.problem}`);
      }
      // Read after the check: the settings may have changed while the browser answered.
      const current = store.data.settings;
      const next = settingsSchema.parse({
        ...current,
        ...patch,
        ...(browserPath === undefined ? {} : { browserPath: browserPath || null }),
        shop: { ...current.shop, ...patch.shop },
      });
      store.update((data) => void (data.settings = next));
      hub.emit('settingsChanged', { settings: next });
      return next;
    },
    startDemo: async () => {
      await options.startDemo();
      return null;
    },
    exitDemo: async () => {
      await options.exitDemo();
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
      // Nothing is linked any more: the next account starts its catch-up afresh.
      store.update((data) => void (data.sync.lastSyncAt = null));
      hub.emit('connectionChanged', connection());
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
      hub.emit('chatsChanged', { chats: Object.values(contacts).map(summaryOf) });
      return labels;
    },
    saveQuickReply: (reply) => replaceQuickReplies(saveQuickReply(store.data.quickReplies, reply)),
    deleteQuickReply: ({ id }) => replaceQuickReplies(deleteQuickReply(store.data.quickReplies, id)),
    reorderQuickReplies: ({ ids }) => replaceQuickReplies(reorderQuickReplies(store.data.quickReplies, ids)),
    importQuickReplies: ({ json }) => replaceQuickReplies(importQuickReplies(store.data.quickReplies, json)),
    exportQuickReplies: () => ({ json: exportQuickReplies(store.data.quickReplies) }),
    listCustomFields: () => customFieldNames(store.data.contacts),
  };

  function replaceQuickReplies(quickReplies: typeof store.data.quickReplies) {
    store.update((data) => void (data.quickReplies = quickReplies));
    hub.emit('quickRepliesChanged', { quickReplies });
    return quickReplies;
  }

  return {
    handlers,
    connection,
    async start() {
      gateway.on('status', listeners.status);
      gateway.on('message', listeners.message);
      gateway.on('ack', listeners.ack);
      gateway.on('synced', listeners.synced);
      await gateway.start();
    },
    async close() {
      closed = true;
      stopClockListener();
      stopStoreNotices();
      outbox.close();
      gateway.off('status', listeners.status);
      gateway.off('message', listeners.message);
      gateway.off('ack', listeners.ack);
      gateway.off('synced', listeners.synced);
      await gateway
        .stop()
        .catch((error: unknown) => log(`gateway stop failed: ${error instanceof Error ? error.name : 'unknown'}`));
      if (chatPushTimer) clearTimeout(chatPushTimer);
      await store.close();
    },
  };
}
