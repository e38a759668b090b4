import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJanelaApi, type Transport } from '../../../../../shared/bridge';
import type { CommandName, EventName, Snapshot } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import type { ChatMessage, ChatSummary } from '../../../../../shared/domain';
import { connectStores, type BackendLink } from '../../../../../renderer/src/bridge/connect-stores';
import { useChats } from '../../../../../renderer/src/features/chats/chats-store';
import { useClock } from '../../../../../renderer/src/app/clock-store';
import { useConnection } from '../../../../../renderer/src/features/connect/connection-store';
import { useConversation } from '../../../../../renderer/src/features/conversation/conversation-store';
import { useNotices } from '../../../../../renderer/src/features/notices/notices-store';
import { useSettings } from '../../../../../renderer/src/features/settings/settings-store';
import { useNotifications } from '../../../../../renderer/src/features/notifications/notifications-store';
import { useUi } from '../../../../../renderer/src/app/ui-store';

const HOUR = 3_600_000;
const start = Date.UTC(2025, 5, 10, 12);

function chat(name: string, phone: string, lastInboundAt: number | null): ChatSummary {
  return {
    chatId: `${phone}@c.us`,
    phone,
    name,
    firstName: name,
    lastInboundAt,
    lastOutboundAt: null,
    lastMessage: null,
    unreadCount: 0,
    labels: [],
  };
}

const ana = chat('Ana', '5511911111111', start - 23 * HOUR);
const bia = chat('Bia', '5511922222222', start - 1 * HOUR);

function message(id: string, chatId: string, at: number, direction: 'in' | 'out' = 'in'): ChatMessage {
  return { id, chatId, direction, kind: 'text', text: id, at };
}

type ChatsPage = { chats: ChatSummary[]; next: string | null };

function fakeBackend(snapshot: Snapshot, pages: Record<string, ChatsPage | Promise<ChatsPage>> = {}) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: [CommandName, unknown][] = [];
  const history = new Map<string, ChatMessage[]>();
  const handlers: Partial<Record<CommandName, (input: never) => unknown>> = {
    getSnapshot: () => snapshot,
    getConversation: (input: { chatId: string }) => ({ messages: history.get(input.chatId) ?? [], hasMore: false }),
    markRead: () => null,
    getChats: (input: { after: string | null }) => pages[input.after ?? 'first'],
  };
  const transport: Transport = {
    async invoke(name, input) {
      calls.push([name, input]);
      const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
      return { ok: true, value: handler ? handler(input) : null };
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  };
  return {
    api: createJanelaApi(transport),
    calls,
    history,
    setSnapshot(next: Snapshot) {
      snapshot = next;
    },
    emit(name: EventName, payload: unknown) {
      listeners.get(name)?.forEach((listener) => listener(payload));
    },
  };
}

function snapshotWith(chats: ChatSummary[], extra: Partial<Snapshot> = {}): Snapshot {
  return {
    now: start,
    gatewayKind: 'simulated',
    connection: { state: 'connected', since: start },
    linked: false,
    settings: defaultSettings('America/Sao_Paulo', 'en'),
    chats,
    chatsComplete: true,
    labels: [],
    quickReplies: [],
    notices: [],
    ...extra,
  };
}

let localNow = 0;
let disconnect: () => void = () => undefined;
const names = () => useChats.getState().ordered.map((c) => c.name);

beforeEach(() => {
  vi.useFakeTimers();
  localNow = 0;
  useConversation.getState().close();
});
afterEach(() => {
  disconnect();
  vi.useRealTimers();
});

async function connect(backend: ReturnType<typeof fakeBackend>, link?: BackendLink) {
  disconnect = connectStores(backend.api, { localNow: () => localNow, link });
  await vi.advanceTimersByTimeAsync(0);
}

describe('connectStores', () => {
  it('fills every store from the snapshot', async () => {
    const notice = { id: 'n1', kind: 'store-recovered' as const, at: start, detail: 'janela.json' };
    const backend = fakeBackend(snapshotWith([bia, ana], { notices: [notice] }));
    await connect(backend);
    expect(useClock.getState().now).toBe(start);
    expect(useSettings.getState().settings?.language).toBe('en');
    expect(useConnection.getState().status.state).toBe('connected');
    expect(names()).toEqual(['Ana', 'Bia']);
    expect(useNotices.getState().notices).toEqual([notice]);
  });

  it('moves the clock with local time between backend updates, and jumps with clockChanged', async () => {
    const backend = fakeBackend(snapshotWith([]));
    await connect(backend);
    localNow = 2500;
    await vi.advanceTimersByTimeAsync(1000);
    expect(useClock.getState().now).toBe(start + 2500);
    backend.emit('clockChanged', { now: start + 5 * HOUR });
    expect(useClock.getState().now).toBe(start + 5 * HOUR);
  });

  it('re-sorts the list when a window closes, on the tick or on a clock jump', async () => {
    const later = chat('Caio', '5511933333333', start - 2 * HOUR);
    const backend = fakeBackend(snapshotWith([ana, later]));
    await connect(backend);
    expect(names()).toEqual(['Ana', 'Caio']);
    // Ana's window closes in one hour: she drops below Caio, whose window is still open.
    backend.emit('clockChanged', { now: start + HOUR });
    expect(names()).toEqual(['Caio', 'Ana']);
  });

  it('upserts changed chats in one batch and keeps the urgency order', async () => {
    const backend = fakeBackend(snapshotWith([ana, bia]));
    await connect(backend);
    const newcomer = chat('Duda', '5511944444444', start - 23.5 * HOUR);
    backend.emit('chatsChanged', { chats: [newcomer] });
    backend.emit('chatsChanged', { chats: [{ ...ana, lastOutboundAt: start }] });
    expect(names()).toEqual(['Ana', 'Bia']);
    await vi.advanceTimersByTimeAsync(50);
    // Duda is unanswered and closes first; Ana was answered, so she goes after the unanswered Bia.
    expect(names()).toEqual(['Duda', 'Bia', 'Ana']);
    expect(useChats.getState().byId.size).toBe(3);
  });

  it('shows the top of the list at once, then brings in every other chat page by page', async () => {
    const caio = chat('Caio', '5511933333333', start - 2 * HOUR);
    let sendFirstPage: (page: ChatsPage) => void = () => undefined;
    const backend = fakeBackend(snapshotWith([ana], { chatsComplete: false }), {
      first: new Promise<ChatsPage>((resolve) => (sendFirstPage = resolve)),
      [bia.chatId]: { chats: [caio], next: null },
    });
    await connect(backend);
    expect(names()).toEqual(['Ana']);
    expect(useChats.getState().complete).toBe(false);
    // Ana replied to while the first page was on its way: the page's older row does not undo that.
    backend.emit('chatsChanged', { chats: [{ ...ana, lastOutboundAt: start }] });
    await vi.advanceTimersByTimeAsync(50);
    sendFirstPage({ chats: [ana, bia], next: bia.chatId });
    await vi.advanceTimersByTimeAsync(50);
    expect(names()).toEqual(['Caio', 'Bia', 'Ana']);
    expect(useChats.getState().byId.get(ana.chatId)?.lastOutboundAt).toBe(start);
    expect(useChats.getState().complete).toBe(true);
    expect(backend.calls.filter(([name]) => name === 'getChats').map(([, input]) => input)).toEqual([
      { after: null, limit: 500 },
      { after: bia.chatId, limit: 500 },
    ]);
  });

  it('stops filling a list a newer snapshot replaced', async () => {
    let sendFirstPage: (page: ChatsPage) => void = () => undefined;
    const backend = fakeBackend(snapshotWith([ana], { chatsComplete: false }), {
      first: new Promise<ChatsPage>((resolve) => (sendFirstPage = resolve)),
    });
    let reconnect: () => void = () => undefined;
    const link = {
      onReconnect: (listener: () => void) => ((reconnect = listener), () => undefined),
      onLinkState: () => () => undefined,
    };
    await connect(backend, link);
    backend.setSnapshot(snapshotWith([bia]));
    reconnect();
    await vi.advanceTimersByTimeAsync(0);
    sendFirstPage({ chats: [ana, bia], next: null });
    await vi.advanceTimersByTimeAsync(50);
    expect(names()).toEqual(['Bia']);
  });

  it('puts live messages into the open conversation only, and marks inbound ones read', async () => {
    const backend = fakeBackend(snapshotWith([ana, bia]));
    backend.history.set(ana.chatId, [message('a1', ana.chatId, start - 23 * HOUR)]);
    await connect(backend);
    await useConversation.getState().open(ana.chatId);
    expect(useConversation.getState().messages.map((m) => m.id)).toEqual(['a1']);
    expect(backend.calls.filter(([name]) => name === 'markRead')).toHaveLength(1);

    backend.emit('messageChanged', { message: message('b1', bia.chatId, start) });
    backend.emit('messageChanged', { message: message('a2', ana.chatId, start) });
    backend.emit('messageChanged', { message: { ...message('a3', ana.chatId, start + 1, 'out'), status: 'pending' } });
    backend.emit('messageChanged', { message: { ...message('a3', ana.chatId, start + 1, 'out'), status: 'read' } });
    const messages = useConversation.getState().messages;
    expect(messages.map((m) => m.id)).toEqual(['a1', 'a2', 'a3']);
    expect(messages[2]?.status).toBe('read');
    expect(backend.calls.filter(([name]) => name === 'markRead')).toHaveLength(2);
  });

  it('fetches a fresh snapshot after the link reconnects, and when the gateway kind changes', async () => {
    let reconnect: () => void = () => undefined;
    const link = {
      onReconnect: (listener: () => void) => ((reconnect = listener), () => undefined),
      onLinkState: () => () => undefined,
    };
    const backend = fakeBackend(snapshotWith([ana]));
    await connect(backend, link);
    backend.setSnapshot(snapshotWith([ana, bia]));
    reconnect();
    await vi.advanceTimersByTimeAsync(0);
    expect(names()).toEqual(['Ana', 'Bia']);

    backend.setSnapshot(snapshotWith([bia], { gatewayKind: 'demo' }));
    backend.emit('connectionChanged', {
      status: { state: 'connected', since: start },
      gatewayKind: 'demo',
      linked: false,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(names()).toEqual(['Bia']);
  });
});

describe('connectStores and notifications', () => {
  const shown: { title: string; options: unknown }[] = [];
  class FakeNotification {
    static permission = 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string, options: unknown) {
      shown.push({ title, options });
    }
    close() {}
  }
  const maria = {
    kind: 'message' as const,
    chatId: bia.chatId,
    title: 'Bia',
    body: 'Oi!',
    silent: false,
  };

  beforeEach(() => {
    shown.length = 0;
    vi.stubGlobal('Notification', FakeNotification);
    vi.stubGlobal('window', { focus: () => undefined });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the unread total and the pause from the snapshot, then from attentionChanged', async () => {
    const backend = fakeBackend(snapshotWith([ana, bia], { attention: { unreadTotal: 2, pausedUntil: null } }));
    disconnect = connectStores(backend.api, { localNow: () => localNow, shell: 'browser' });
    await vi.advanceTimersByTimeAsync(0);
    expect(useNotifications.getState()).toMatchObject({ shell: 'browser', unreadTotal: 2, pausedUntil: null });
    backend.emit('attentionChanged', { unreadTotal: 3, pausedUntil: start + HOUR, notifications: [] });
    expect(useNotifications.getState()).toMatchObject({ unreadTotal: 3, pausedUntil: start + HOUR });
  });

  it('shows notifications through the browser in the browser host, never in the desktop app', async () => {
    const backend = fakeBackend(snapshotWith([ana, bia]));
    disconnect = connectStores(backend.api, { localNow: () => localNow, shell: 'browser' });
    await vi.advanceTimersByTimeAsync(0);
    backend.emit('attentionChanged', { unreadTotal: 1, pausedUntil: null, notifications: [maria] });
    expect(shown.map((notification) => notification.title)).toEqual(['Bia']);
    disconnect();

    disconnect = connectStores(backend.api, { localNow: () => localNow, shell: 'electron' });
    await vi.advanceTimersByTimeAsync(0);
    backend.emit('attentionChanged', { unreadTotal: 1, pausedUntil: null, notifications: [maria] });
    expect(shown).toHaveLength(1);
  });

  it('opens the chat the desktop shell asks for (a notification was clicked)', async () => {
    const backend = fakeBackend(snapshotWith([ana, bia]));
    disconnect = connectStores(backend.api, { localNow: () => localNow, shell: 'electron' });
    await vi.advanceTimersByTimeAsync(0);
    useUi.getState().setSettingsOpen(true);
    backend.emit('openChat', { chatId: bia.chatId });
    expect(useUi.getState()).toMatchObject({ selectedChatId: bia.chatId, settingsOpen: false, view: 'chats' });
  });
});
