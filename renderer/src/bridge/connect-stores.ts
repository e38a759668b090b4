/**
 * The one place backend events enter the renderer: each event updates its store, and nothing
 * else subscribes to the bridge. Also runs the 1 s clock tick that drives countdowns.
 */
import type { JanelaApi } from '../../../shared/bridge';
import type { Snapshot } from '../../../shared/contract';
import type { ChatSummary, ConnectionState } from '../../../shared/domain';
import { useAutomations } from '../features/automations/automations-store';
import { useChats } from '../features/chats/chats-store';
import { fillChatList } from '../features/chats/fill-chat-list';
import { useClock } from '../app/clock-store';
import { useConnection } from '../features/connect/connection-store';
import { useConversation } from '../features/conversation/conversation-store';
import { useProfiles } from '../features/profiles/profiles-store';
import { useNotices } from '../features/notices/notices-store';
import { useQuickReplies } from '../features/quick-replies/quick-replies-store';
import { selectClosingSoonMs, useSettings } from '../features/settings/settings-store';
import { useUi } from '../app/ui-store';
import { useNotifications, type Shell } from '../features/notifications/notifications-store';
import { playChime } from '../features/notifications/chime';
import { openChatFromNotification } from '../features/notifications/open-chat';
import { pageNotificationApi, showWebNotifications } from '../features/notifications/web-notifications';
import notificationIcon from '../../../resources/icons/128x128.png';
import { useAgenda } from '../features/bookings/agenda-store';
import { useOrders } from '../features/orders/orders-store';
import { setApi } from './api';
import type { LinkState } from './websocket-transport';

/** WhatsApp is waiting for the phone to link (again). */
function needsLinking(state: ConnectionState): boolean {
  return state === 'qr' || state === 'pairing-code';
}

export interface BackendLink {
  onReconnect(listener: () => void): () => void;
  onLinkState(listener: (state: LinkState) => void): () => void;
}

export interface ConnectStoresOptions {
  /** Present for the browser host's socket; Electron IPC cannot drop. */
  link?: BackendLink;
  /** Monotonic local time; `performance.now` in the app. */
  localNow?: () => number;
  /** Whether the person can see the window (new messages in the open chat count as read then). */
  isVisible?: () => boolean;
  tickMs?: number;
  /** How long chat-list changes gather before one re-sort. */
  chatsBatchMs?: number;
  /** Who shows notifications: the Electron main process, or this page (browser host). */
  shell?: Shell;
  /** Runs work when the page has time: `requestIdleCallback` in the app. */
  whenIdle?: (run: () => void) => void;
}

const closingSoonMs = () => selectClosingSoonMs(useSettings.getState());
const now = () => useClock.getState().now;

function applySnapshot(snapshot: Snapshot, localNow: number): void {
  useClock.getState().sync(snapshot.now, localNow);
  useSettings.getState().set(snapshot.settings);
  useSettings.getState().setLaunchLanguage(snapshot.launchLanguage ?? null);
  useConnection.getState().set(snapshot.connection, snapshot.gatewayKind, snapshot.linked);
  useChats.getState().replaceAll(snapshot.chats, snapshot.now, closingSoonMs(), snapshot.chatsComplete);
  useProfiles.getState().setLabels(snapshot.labels);
  useQuickReplies.getState().set(snapshot.quickReplies);
  useNotices.getState().set(snapshot.notices);
  if (snapshot.attention) useNotifications.getState().setStatus(snapshot.attention);
}

/** An agenda or board on screen fetches again; a failed fetch waits for the next change. */
function refreshQuietly(refresh: () => Promise<void>): void {
  refresh().catch(() => undefined);
}

/** Re-sorts the list when a window changed state since the last sort. */
function reorderIfDue(): void {
  const chats = useChats.getState();
  if (chats.nextChangeAt !== null && now() >= chats.nextChangeAt) chats.reorder(now(), closingSoonMs());
}

export function connectStores(janela: JanelaApi, options: ConnectStoresOptions = {}): () => void {
  const localNow = options.localNow ?? (() => performance.now());
  const isVisible = options.isVisible ?? (() => true);
  setApi(janela);
  if (options.shell) useNotifications.getState().setShell(options.shell);

  let snapshotRequest = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const loadSnapshot = async () => {
    const request = ++snapshotRequest;
    let snapshot: Snapshot;
    try {
      snapshot = await janela.getSnapshot({});
    } catch {
      retryTimer = setTimeout(() => void loadSnapshot(), 1000);
      return;
    }
    if (request !== snapshotRequest) return;
    applySnapshot(snapshot, localNow());
    if (!snapshot.chatsComplete) void fillRest(request);
    void useAutomations
      .getState()
      .load()
      .catch(() => undefined);
    // Messages pushed while the link was down were missed: reload the open chat too.
    const openChat = useConversation.getState().chatId;
    if (openChat) void useConversation.getState().open(openChat);
  };

  // The other chats after the snapshot's head; a failed page asks for a fresh snapshot a moment later.
  const fillRest = async (request: number) => {
    const isCurrent = () => request === snapshotRequest;
    try {
      const filled = await fillChatList({
        getChats: (input) => janela.getChats(input),
        addMissing: (chats) => useChats.getState().addMissing(chats, now(), closingSoonMs()),
        isCurrent,
        whenIdle: options.whenIdle ?? ((run) => setTimeout(run, 0)),
      });
      if (filled) useChats.getState().markComplete();
    } catch {
      if (isCurrent()) retryTimer = setTimeout(() => void loadSnapshot(), 1000);
    }
  };

  // A burst of messages re-sorts 10,000 chats once per batch, not once per message.
  let pendingChats: ChatSummary[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flushChats = () => {
    flushTimer = undefined;
    const chats = pendingChats;
    pendingChats = [];
    useChats.getState().upsert(chats, now(), closingSoonMs());
  };

  const unsubscribers = [
    janela.onChatsChanged(({ chats }) => {
      pendingChats.push(...chats);
      flushTimer ??= setTimeout(flushChats, options.chatsBatchMs ?? 16);
    }),
    janela.onMessageChanged(({ message }) => {
      const conversation = useConversation.getState();
      conversation.upsert(message);
      if (message.chatId === conversation.chatId && message.direction === 'in' && isVisible()) {
        void janela.markRead({ chatId: message.chatId }).catch(() => undefined);
      }
    }),
    janela.onConnectionChanged(({ status, gatewayKind, linked }) => {
      const previousKind = useConnection.getState().gatewayKind;
      const wasAskingToLink = needsLinking(useConnection.getState().status.state);
      useConnection.getState().set(status, gatewayKind, linked);
      // The phone unlinked Janela (logout, UNPAIRED): show the QR at once, not only in the status pill.
      // (Without stored chats the connect screen is showing anyway, and gives way to them once linked.)
      if (needsLinking(status.state) && !wasAskingToLink && useChats.getState().byId.size > 0)
        useUi.getState().setView('connect');
      // Switching to the demo (or back) swaps the whole world of chats.
      if (previousKind !== null && previousKind !== gatewayKind) {
        useUi.getState().selectChat(null);
        useConversation.getState().close();
        void loadSnapshot();
      }
    }),
    janela.onClockChanged(({ now: backendNow }) => {
      useClock.getState().sync(backendNow, localNow());
      reorderIfDue();
    }),
    janela.onSettingsChanged(({ settings }) => {
      useSettings.getState().set(settings);
      useChats.getState().reorder(now(), closingSoonMs());
    }),
    janela.onLabelsChanged(({ labels }) => useProfiles.getState().setLabels(labels)),
    janela.onQuickRepliesChanged(({ quickReplies }) => useQuickReplies.getState().set(quickReplies)),
    janela.onNoticesChanged(({ notices }) => useNotices.getState().set(notices)),
    janela.onAttentionChanged(({ notifications, ...status }) => {
      useNotifications.getState().setStatus(status);
      // The desktop app shows them natively, from the main process, and plays its sound here.
      if (useNotifications.getState().shell === 'browser')
        showWebNotifications(notifications, {
          api: pageNotificationApi(),
          openChat: openChatFromNotification,
          icon: notificationIcon,
        });
      else if (notifications.some((notification) => !notification.silent)) playChime();
    }),
    janela.onOpenChat(({ chatId }) => openChatFromNotification(chatId)),
    janela.onAutomationSettingsChanged(({ settings }) => useAutomations.getState().set(settings)),
    janela.onBookingsChanged(() => refreshQuietly(useAgenda.getState().refresh)),
    janela.onOrdersChanged(() => refreshQuietly(useOrders.getState().refresh)),
  ];
  if (options.link) {
    unsubscribers.push(options.link.onReconnect(() => void loadSnapshot()));
    unsubscribers.push(options.link.onLinkState((state) => useConnection.getState().setLink(state)));
  }

  const ticker = setInterval(() => {
    useClock.getState().tick(localNow());
    reorderIfDue();
  }, options.tickMs ?? 1000);

  void loadSnapshot();

  return () => {
    clearInterval(ticker);
    clearTimeout(retryTimer);
    clearTimeout(flushTimer);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
  };
}
