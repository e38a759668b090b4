/**
 * One backend over one store and one gateway: command handlers, and WhatsApp events turned into
 * history, chat-list rows and pushed events.
 */
import { JanelaError, type EventPayload } from '../../shared/contract';
import { settingsSchema, type ChatId, type ChatMessage, type Language, type Notice } from '../../shared/domain';
import type { ChatFlow } from './automations/chat-flow';
import { isOpenAt } from '../../shared/automations/business-hours';
import { createAutomations } from './automations/automations';
import { chatListHead } from './chats/chat-list-head';
import { chatListPage } from './chats/chat-list-pages';
import { ConversationKeeper } from './metrics/conversation-keeper';
import { MetricsFile } from './metrics/metrics-file';
import { clearDoneOnInbound, createMetricsHandlers, withDoneAt } from './metrics/metrics-handlers';
import { nodeStoreFs } from './store/store-fs';
import { markDeleted, recordGatewayMessage } from './chats/record-message';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import type { GatewayMessage, WhatsAppGateway } from './gateways/gateway';
import { checkBrowser as checkBrowserPath, type BrowserCheck } from './gateways/whatsapp-web/browser-check';
import { createAttentionService, type AttentionServiceOptions } from './notifications/attention-service';
import { appVersion, diagnosticsText, storeCounts, systemFacts, type ShellKind } from './support/diagnostics';
import { applyProfileUpdate, customFieldNames, deleteLabel, saveLabel } from './profiles/profiles';
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
import { createBookingChatFlow } from './bookings/booking-chat-flow';
import { bookingsHandlers } from './bookings/bookings-handlers';
import { storedOpeningHours } from './bookings/opening-hours';
import { startReminderJob } from './bookings/reminder-job';
import { createOrderChatFlow } from './orders/order-chat-flow';
import { ordersHandlers } from './orders/orders-handlers';
import { Outbox } from './sending/outbox';
import { searchMessages } from './chats/message-search';
import type { JanelaStore, StoredContact, StoredMessage } from './store/store-types';

/** A burst of messages becomes one list update instead of one per message. */
const CHAT_PUSH_DELAY_MS = 30;
/** "Delete media older than N days" runs at start and then once a day. */
const MEDIA_PRUNE_INTERVAL_MS = 24 * 3600 * 1000;
/**
 * Chats in a snapshot when the shop has more: more than a screen holds, so the list can be scrolled
 * at once; the renderer asks for the rest with `getChats`.
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
  /** The shell's part in "Help": which shell, the logs folder, and opening it (desktop only). */
  support?: BackendSupport;
  /** Conversations the bot leads over several messages (bookings, orders), offered in its menu. */
  flows?: readonly ChatFlow[];
  /** Business hours and per-chat state owned by other features, for the attention policy. */
  attention?: Pick<AttentionServiceOptions, 'businessHours' | 'chatExtras' | 'tickMs' | 'settleMs'>;
  /** The store's folder, for the metrics records (metrics.jsonl); without it they live in memory. */
  dataDir?: string;
  /** The media folder of this store. */
  media: MediaStore;
  /** The desktop shell's "open with the default application"; absent in the browser host. */
  openWithSystem?: (file: string) => Promise<void>;
}

export interface BackendSupport {
  shell: ShellKind;
  logsFolder: string;
  openFolder?: (path: string) => Promise<boolean>;
}

export interface NoticeBoard {
  list(): Notice[];
  dismiss(id: string): void;
}

export interface Backend {
  handlers: Handlers;
  /** The connection as the renderer sees it, for `connectionChanged`. */
  connection(): EventPayload<'connectionChanged'>;
  /** The booking and order chats, for the bot engine to run (issue 15). */
  chatFlows: readonly ChatFlow[];
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
  const keeper = new ConversationKeeper({
    store,
    file: options.dataDir ? new MetricsFile(nodeStoreFs, options.dataDir, () => clock.now()) : null,
    log,
  });

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
    attention.changed();
    chatPushTimer = setTimeout(flushChats, CHAT_PUSH_DELAY_MS);
  }

  function pushChat(chatId: ChatId): void {
    pendingChats.add(chatId);
    chatPushTimer ??= setTimeout(flushChats, 0);
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
    onMessage: (message) => {
      pushMessage(message);
      keeper.record(message);
    },
    onContact: pushChat,
    log,
    readMedia: (sha256) => options.media.read(sha256),
  });

  // Bookings and orders (issue 15): chat flows for the bot engine, staff commands, reminders.
  const bookingsChanged = () => hub.emit('bookingsChanged', { at: clock.now() });
  const ordersChanged = () => hub.emit('ordersChanged', { at: clock.now() });
  const openingHours = storedOpeningHours(store);
  const chatFlows = [
    createBookingChatFlow({ store, openingHours, onBookingsChanged: bookingsChanged }),
    createOrderChatFlow({ store, onOrdersChanged: ordersChanged, onAddressChanged: pushChat }),
  ];
  let reminderJob: ReturnType<typeof startReminderJob> | null = null;

  const automations = createAutomations({
    store,
    clock,
    hub,
    send: (chatId, text) => void outbox.send(chatId, text, { automatic: true }),
    onChatChanged: pushChat,
    flows: options.flows ?? chatFlows,
    log,
  });
  // A message staff send from the agenda or the order board is a person's reply: the bot steps aside.
  const staffSend = (chatId: ChatId, text: string) => {
    const sent = outbox.send(chatId, text);
    automations.onShopReply(chatId, sent.at);
    return sent;
  };
  // A chat's row: who answers it (the bot or a person, from the automations) and whether staff marked it done.
  const summaryOf = (contact: StoredContact) => {
    const summary = withDoneAt(store, automations.chatSummary(contact));
    return store.data.markedUnread[contact.chatId] ? { ...summary, markedUnread: true } : summary;
  };

  function onMessage(message: GatewayMessage): void {
    if (outbox.claimOwnMessage(message)) return;
    const previousLastInboundAt = store.data.contacts[message.chatId]?.lastInboundAt ?? null;
    const stored = recordGatewayMessage(store, message);
    if (!stored) return;
    keeper.record(stored);
    clearDoneOnInbound(store, stored);
    pushMessage(stored);
    pushChat(message.chatId);
    mediaService.afterArrival(stored, !message.catchUp);
    // Typed on the phone: a person on the shop's side took the chat. The bot's own sends are
    // claimed by the outbox above and never get here.
    if (message.fromMe) automations.onShopReply(message.chatId, message.at);
    else if (!message.catchUp) automations.onCustomerMessage(stored, previousLastInboundAt);
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
      if (status.state === 'connected') {
        outbox.kick();
        reminderJob?.runOnce();
      } else outbox.markInFlightUncertain();
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
  const attention = createAttentionService({
    store,
    clock,
    emit: (payload) => hub.emit('attentionChanged', payload),
    // What the other features know of a chat: marked done (metrics), waiting for a person (the bot).
    chatExtras: (chatId) => {
      const handedOffAt = store.data.botChats[chatId]?.handedOffAt ?? null;
      const waiting = automations.isWaitingForPerson(chatId, store.data.contacts[chatId]?.lastInboundAt ?? null);
      return { doneAt: store.data.chatsDone[chatId] ?? null, handoffWaitingSince: waiting ? handedOffAt : null };
    },
    // Quiet outside business hours needs hours: those of the automatic replies, once switched on.
    businessHours: () => {
      const automation = store.data.automations;
      if (!automation?.enabled) return undefined;
      return (at) => isOpenAt(automation.businessHours, store.data.settings.timeZone, at);
    },
    ...options.attention,
  });
  const stopClockListener = clock.onJump((now) => {
    hub.emit('clockChanged', { now });
    attention.run();
  });
  const stopStoreNotices = store.onNotice(() => hub.emit('noticesChanged', { notices: options.notices.list() }));

  function contactOrThrow(chatId: ChatId) {
    const contact = store.data.contacts[chatId];
    if (!contact) throw new JanelaError('not-found', 'no chat with that id');
    return contact;
  }

  const handlers: Handlers = {
    getSnapshot: () => {
      const chats = chatListHead(store, clock.now(), snapshotHeadSize, summaryOf, automations.isWaitingForPerson);
      return {
        now: clock.now(),
        gatewayKind: gateway.kind,
        connection: gateway.status(),
        linked: connection().linked,
        settings: store.data.settings,
        launchLanguage: options.launchLanguage ?? null,
        chats,
        // A full head may have chats after it (exactly as many as it holds costs one empty page).
        chatsComplete: chats.length < snapshotHeadSize,
        labels: store.data.labels,
        quickReplies: store.data.quickReplies,
        notices: options.notices.list(),
        attention: attention.status(),
      };
    },
    getChats: async ({ after, limit }) => {
      await store.contactsLoaded();
      return chatListPage(store.data.contacts, after, limit, summaryOf);
    },
    getConversation: ({ chatId, beforeId, limit }) => {
      const page = store.readMessages(chatId, beforeId === undefined ? { limit } : { beforeId, limit });
      return {
        messages: page.messages.map((message) => mediaService.present(toChatMessage(message))),
        hasMore: page.hasMore,
      };
    },
    getProfile: ({ chatId }) => ({
      ...automations.customerProfile(contactOrThrow(chatId)),
      deliveryAddress: store.data.deliveryAddresses[chatId] ?? null,
    }),
    sendMessage: ({ chatId, text }) => {
      const sent = toChatMessage(outbox.send(chatId, text));
      automations.onShopReply(chatId, sent.at);
      return sent;
    },
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
        notifications: { ...current.notifications, ...patch.notifications },
      });
      store.update((data) => void (data.settings = next));
      hub.emit('settingsChanged', { settings: next });
      attention.changed();
      mediaService.applySettings(next);
      if (next.mediaDeleteAfterDays !== current.mediaDeleteAfterDays) pruneMedia();
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
      return automations.customerProfile(updated);
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
    pauseNotifications: ({ minutes }) => attention.pause(minutes),
    resumeNotifications: () => attention.resume(),
    getDiagnostics: () => {
      const now = clock.now();
      const text = diagnosticsText({
        appVersion,
        shell: options.support?.shell ?? 'browser',
        ...systemFacts(),
        now,
        gatewayKind: gateway.kind,
        connection: gateway.status().state,
        language: store.data.settings.language,
        chatsComplete: store.allContactsLoaded,
        counts: { ...storeCounts(store.data, now), notices: options.notices.list().length },
        notificationsEnabled: store.data.settings.notifications.enabled,
        notificationsPaused: attention.status().pausedUntil !== null,
      });
      return { text, logsFolder: options.support?.logsFolder ?? '' };
    },
    openLogsFolder: async () => {
      const path = options.support?.logsFolder ?? '';
      const open = options.support?.openFolder;
      return { opened: open && path ? await open(path) : false, path };
    },
    ...automations.handlers,
    ...createMetricsHandlers({ store, clock, keeper, outbox, gateway: () => gateway, pushChat }),
    ...bookingsHandlers({ store, clock, send: staffSend, onBookingsChanged: bookingsChanged }),
    ...ordersHandlers({ store, clock, send: staffSend, onOrdersChanged: ordersChanged }),
    uploadMedia: (file) => mediaService.upload(file),
    sendMedia: ({ chatId, caption, attachment }) => {
      mediaService.assertStored(attachment);
      return toChatMessage(outbox.send(chatId, caption, {}, attachment));
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
    connection,
    chatFlows,
    async start() {
      reminderJob = startReminderJob({
        store,
        clock,
        send: outbox.send.bind(outbox),
        onBookingsChanged: bookingsChanged,
        log,
      });
      gateway.on('status', listeners.status);
      gateway.on('message', listeners.message);
      gateway.on('ack', listeners.ack);
      gateway.on('synced', listeners.synced);
      void attention.start();
      void keeper
        .start()
        .catch((error: unknown) => log(`metrics records failed: ${error instanceof Error ? error.name : 'unknown'}`));
      gateway.on('revoked', listeners.revoked);
      mediaService.applySettings(store.data.settings);
      pruneMedia();
      pruneTimer = setInterval(pruneMedia, MEDIA_PRUNE_INTERVAL_MS);
      await gateway.start();
    },
    async close() {
      reminderJob?.stop();
      if (pruneTimer) clearInterval(pruneTimer);
      stopClockListener();
      stopStoreNotices();
      attention.close();
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
      await keeper.close();
      await store.close();
    },
  };
}
