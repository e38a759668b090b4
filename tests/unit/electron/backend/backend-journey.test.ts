import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openMediaStore } from '../../../../electron/backend/media/media-store';
import { createBackend, snapshotHeadSize, type Backend } from '../../../../electron/backend/backend';
import type { AdjustableClock } from '../../../../electron/backend/clock';
import { createManualClock } from './manual-clock';
import { EventHub } from '../../../../electron/backend/event-hub';
import { GatewayDisconnectedError } from '../../../../electron/backend/gateways/gateway';
import { SimulatedGateway } from '../../../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../electron/backend/store/store-types';
import { defaultSettings } from '../../../../shared/settings/default-settings';
import { errorCodeOf } from '../../../../shared/contract';

const HOUR = 3_600_000;
const maria = '5511987654321@c.us';
const start = Date.UTC(2026, 10, 25, 13, 0, 0);

interface World {
  backend: Backend;
  store: JanelaStore;
  gateway: SimulatedGateway;
  clock: AdjustableClock;
  events: { name: string; payload: unknown }[];
  dataDir: string;
}

const open: World[] = [];

async function world(
  dataDir = mkdtempSync(join(tmpdir(), 'janela-backend-')),
  clock = createManualClock(start),
  beforeStart: (gateway: SimulatedGateway) => void = () => undefined,
): Promise<World> {
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => emptyStoreData({ ...defaultSettings('America/Sao_Paulo', 'en'), sendIntervalMs: 0 }),
  });
  const gateway = new SimulatedGateway({ clock, ackDelaysMs: [5, 10, 15] });
  const hub = new EventHub();
  const events: World['events'] = [];
  hub.subscribe((name, payload) => events.push({ name, payload }));
  const backend = createBackend({
    store,
    gateway,
    clock,
    hub,
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
    media: await openMediaStore({ dataDir, clock }),
  });
  beforeStart(gateway);
  await backend.start();
  const created = { backend, store, gateway, clock, events, dataDir };
  open.push(created);
  return created;
}

async function closeWorld(w: World): Promise<void> {
  open.splice(open.indexOf(w), 1);
  await w.backend.close();
}

afterEach(async () => {
  for (const w of open.splice(0)) await w.backend.close();
});

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

/**
 * The connection drops during the next sends: after WhatsApp took the message (`reachesWhatsApp`)
 * or before, with `onSend` seeing each attempt. `restore` brings back the gateway's own sendText.
 */
function dropConnectionDuringSends(
  w: World,
  options: { reachesWhatsApp?: boolean; onSend?: (text: string) => void } = {},
) {
  const realSend = w.gateway.sendText.bind(w.gateway);
  w.gateway.sendText = async (chatId, text) => {
    options.onSend?.(text);
    if (options.reachesWhatsApp) await realSend(chatId, text);
    w.gateway.setConnection(false);
    throw new GatewayDisconnectedError();
  };
  return { realSend, restore: () => (w.gateway.sendText = realSend) };
}

describe('a customer writes, staff answer, the window runs down', () => {
  it('records the customer and opens the window; the same message twice is stored once', async () => {
    const w = await world();
    const message = w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.gateway.emit('message', message);
    const contact = w.store.data.contacts[maria];
    expect(contact).toMatchObject({ waName: 'Maria Silva', lastInboundAt: start, unreadCount: 1 });
    expect(w.store.readMessages(maria, { limit: 50 }).messages).toHaveLength(1);
  });

  it('the shop’s own messages from the phone never extend the window', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.clock.advance(5 * HOUR);
    w.gateway.emit('message', {
      waId: 'phone-1',
      chatId: maria,
      fromMe: true,
      kind: 'text',
      text: 'Olá!',
      at: w.clock.now(),
      contactName: null,
    });
    expect(w.store.data.contacts[maria]?.lastInboundAt).toBe(start);
    expect(w.store.data.contacts[maria]?.lastOutboundAt).toBe(start + 5 * HOUR);
  });

  it('sends inside the window and follows the ticks to read', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.clock.advance(23 * HOUR);
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Olá Maria!' });
    expect(pending.status).toBe('pending');
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'read');
    expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Olá Maria!']);
    expect(w.store.data.outbox).toEqual([]);
  });

  it('refuses to send once exactly 24 hours have passed, and sends nothing', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.clock.advance(24 * HOUR);
    await expect(
      Promise.resolve().then(() => w.backend.handlers.sendMessage({ chatId: maria, text: 'Olá' })),
    ).rejects.toSatisfy((error) => errorCodeOf(error) === 'window-closed');
    expect(w.gateway.sent).toEqual([]);
    // The customer writes again: the window reopens.
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Ainda tem?' });
    await w.backend.handlers.sendMessage({ chatId: maria, text: 'Tem sim!' });
    await waitFor(() => w.gateway.sent.length === 1);
  });

  it('a reply queued just before the window closes does not go out after it', async () => {
    const w = await world();
    w.store.update((data) => void (data.settings.sendIntervalMs = 300));
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.clock.advance(24 * HOUR - 1000);
    await w.backend.handlers.sendMessage({ chatId: maria, text: 'Primeira' });
    // Paced behind the first one, the second reply waits while the window ends.
    const second = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Segunda' });
    w.clock.advance(2000);
    await waitFor(() => w.store.getMessage(maria, second.id)?.status === 'failed');
    expect(w.store.getMessage(maria, second.id)?.failureReason).toBe('window-closed');
    expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Primeira']);
  });

  it('queues while WhatsApp is not connected and sends once on reconnect', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.gateway.setConnection(false);
    const queued = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Olá' });
    expect(queued.status).toBe('pending');
    expect(w.gateway.sent).toEqual([]);
    w.gateway.setConnection(true);
    // The attempt is fsynced before the send: allow for a slow disk.
    await expect
      .poll(() => w.store.getMessage(maria, queued.id)?.status, { timeout: 5000 })
      .toMatch(/^(sent|delivered|read)$/);
    expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Olá']);
  });

  it('refuses while no phone is linked', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.gateway.showStatus({ state: 'qr', qr: 'qr-data' });
    await expect(
      Promise.resolve().then(() => w.backend.handlers.sendMessage({ chatId: maria, text: 'Olá' })),
    ).rejects.toSatisfy((error) => errorCodeOf(error) === 'not-connected');
    expect(w.gateway.sent).toEqual([]);
  });

  it('never sends to someone who has not written, nor a text with an unfilled placeholder', async () => {
    const w = await world();
    w.gateway.emit('message', {
      waId: 'phone-1',
      chatId: maria,
      fromMe: true,
      kind: 'text',
      text: 'Promo!',
      at: start,
      contactName: null,
    });
    await expect(
      Promise.resolve().then(() => w.backend.handlers.sendMessage({ chatId: maria, text: 'Oi' })),
    ).rejects.toSatisfy((error) => errorCodeOf(error) === 'never-wrote');
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    await expect(
      Promise.resolve().then(() => w.backend.handlers.sendMessage({ chatId: maria, text: 'Seu pedido {{order_id}}' })),
    ).rejects.toSatisfy((error) => errorCodeOf(error) === 'unfilled-placeholder');
    expect(w.gateway.sent).toEqual([]);
  });
});

describe('acks', () => {
  it('an ack that comes before sendText returns is applied once the id is known', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    w.gateway.sendText = async (chatId) => {
      // WhatsApp acknowledges before the library hands back the new message's id.
      w.gateway.emit('ack', { chatId, waId: 'early-1', status: 'sent' });
      return { waId: 'early-1' };
    };
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Rápido!' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'sent');
    expect(w.store.getMessage(maria, pending.id)?.waId).toBe('early-1');
    expect(w.store.data.outbox).toEqual([]);
  });
});

describe('a send cut off by a lost connection', () => {
  it('becomes uncertain, is looked up after reconnecting, and is never sent twice', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    // The message reaches WhatsApp, but the connection drops before the answer comes back.
    const drop = dropConnectionDuringSends(w, { reachesWhatsApp: true });
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Seu pedido está pronto' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'uncertain');
    drop.restore();
    w.gateway.setConnection(true);
    // The first send's own acks (5–15 ms) may move it past "sent" before this looks.
    const linked = ['sent', 'delivered', 'read'];
    await waitFor(() => linked.includes(w.store.getMessage(maria, pending.id)?.status ?? ''));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Seu pedido está pronto']);
  });

  it('is resent after reconnecting when WhatsApp never got it', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    const drop = dropConnectionDuringSends(w);
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Tudo certo' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'uncertain');
    drop.restore();
    w.gateway.setConnection(true);
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'read');
    expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Tudo certo']);
  });

  it('resent after WhatsApp had shown it locally: one message in the history, linked to the new send', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    const ownEcho = (waId: string, text: string) =>
      w.gateway.emit('message', {
        waId,
        chatId: maria,
        fromMe: true,
        kind: 'text',
        text,
        at: w.clock.now(),
        contactName: null,
        status: 'pending',
      });
    // WhatsApp Web adds the message to the chat (message_create) before the connection drops;
    // after the reload that copy is gone, so the lookup finds nothing.
    const { realSend } = dropConnectionDuringSends(w, { onSend: (text) => ownEcho('lost-local-1', text) });
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Já separei' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'uncertain');
    // The resend: WhatsApp echoes the new message before sendText resolves, as the library does.
    w.gateway.sendText = async (chatId, text) => {
      const sending = realSend(chatId, text);
      ownEcho(w.gateway.sent.at(-1)?.waId ?? '', text);
      return sending;
    };
    w.gateway.setConnection(true);
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'read');
    const replies = w.store
      .readMessages(maria, { limit: 50 })
      .messages.filter((message) => message.text === 'Já separei');
    expect(replies).toEqual([
      expect.objectContaining({ id: pending.id, waId: w.gateway.sent[0]?.waId, status: 'read' }),
    ]);
    expect(w.gateway.sent.map((sent) => sent.text)).toEqual(['Já separei']);
    expect(w.store.data.outbox).toEqual([]);
  });

  it('found still queued in WhatsApp Web (no server ack yet): waits for its ack, neither marked sent nor resent', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    const drop = dropConnectionDuringSends(w);
    // WhatsApp Web holds the message in its own outgoing queue (ack 0) and will send it itself.
    w.gateway.findSent = async () => ({ waId: 'queued-1', status: 'pending' });
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Pode vir buscar' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'uncertain');
    drop.restore();
    w.gateway.setConnection(true);
    await waitFor(() => w.store.getMessage(maria, pending.id)?.waId === 'queued-1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(w.store.getMessage(maria, pending.id)?.status).toBe('pending');
    expect(w.gateway.sent).toEqual([]);
    w.gateway.emit('ack', { chatId: maria, waId: 'queued-1', status: 'delivered' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'delivered');
    expect(w.store.data.outbox).toEqual([]);
  });

  it('an ack that arrives while the reply is looked up is kept, not lost', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    const drop = dropConnectionDuringSends(w);
    w.gateway.findSent = async (chatId) => {
      // The customer's phone reports delivery while the lookup is still running.
      w.gateway.emit('ack', { chatId, waId: 'found-1', status: 'delivered' });
      return { waId: 'found-1', status: 'sent' };
    };
    const pending = await w.backend.handlers.sendMessage({ chatId: maria, text: 'Chegou?' });
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'uncertain');
    drop.restore();
    w.gateway.setConnection(true);
    await waitFor(() => w.store.getMessage(maria, pending.id)?.status === 'delivered');
    expect(w.store.getMessage(maria, pending.id)?.waId).toBe('found-1');
    expect(w.gateway.sent).toEqual([]);
    expect(w.store.data.outbox).toEqual([]);
  });

  async function restartWithAttemptedSend(whatsAppHasIt: boolean): Promise<World> {
    const first = await world();
    first.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    first.gateway.setConnection(false);
    first.store.appendMessage({
      id: 'local-x',
      chatId: maria,
      direction: 'out',
      kind: 'text',
      text: 'Pronto!',
      at: start,
      status: 'pending',
    });
    first.store.update((data) => {
      data.outbox.push({ messageId: 'local-x', chatId: maria, text: 'Pronto!', queuedAt: start, attemptedAt: start });
    });
    await closeWorld(first);
    return world(first.dataDir, first.clock, (gateway) => {
      if (whatsAppHasIt)
        gateway.sent.push({ waId: 'wa-1', chatId: maria, phone: '5511987654321', text: 'Pronto!', at: start });
    });
  }

  it('after a restart, an attempted send that reached WhatsApp is not sent again', async () => {
    const second = await restartWithAttemptedSend(true);
    await waitFor(() => second.store.getMessage(maria, 'local-x')?.status === 'sent');
    expect(second.gateway.sent).toHaveLength(1);
    expect(second.store.data.outbox).toEqual([]);
  });

  it('after a restart, a reply WhatsApp Web had only queued is looked up again, not left pending', async () => {
    const first = await world();
    first.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    first.gateway.setConnection(false);
    first.store.appendMessage({
      id: 'local-q',
      chatId: maria,
      direction: 'out',
      kind: 'text',
      text: 'Na fila',
      at: start,
      status: 'pending',
      waId: 'wa-q',
    });
    first.store.update((data) => {
      data.outbox.push({ messageId: 'local-q', chatId: maria, text: 'Na fila', queuedAt: start, attemptedAt: start });
    });
    await closeWorld(first);
    const second = await world(first.dataDir, first.clock, (gateway) => {
      gateway.sent.push({ waId: 'wa-q', chatId: maria, phone: '5511987654321', text: 'Na fila', at: start });
    });
    await waitFor(() => second.store.getMessage(maria, 'local-q')?.status === 'sent');
    expect(second.gateway.sent).toHaveLength(1);
    expect(second.store.data.outbox).toEqual([]);
  });

  it('after a restart, an attempted send that never reached WhatsApp is sent once', async () => {
    const second = await restartWithAttemptedSend(false);
    await waitFor(() => second.store.getMessage(maria, 'local-x')?.status === 'read');
    expect(second.gateway.sent.map((sent) => sent.text)).toEqual(['Pronto!']);
  });
});

describe('everything survives a restart', () => {
  it('a snapshot holds the top of the list, even while stored contacts are still being read; getChats pages bring them all', async () => {
    const first = await world();
    for (let customer = 0; customer < 150; customer++) {
      first.gateway.receive({
        phone: `55119${String(customer).padStart(8, '0')}`,
        name: `Cliente ${customer}`,
        text: 'Oi!',
      });
      first.clock.advance(60_000);
    }
    await closeWorld(first);
    // Opened first: the snapshot below must come before the store reads its contacts in the background.
    const media = await openMediaStore({ dataDir: first.dataDir, clock: first.clock });
    const store = await openStore({
      dataDir: first.dataDir,
      clock: first.clock,
      defaults: () => emptyStoreData(defaultSettings('America/Sao_Paulo', 'en')),
    });
    const hub = new EventHub();
    const gateway = new SimulatedGateway({ clock: first.clock });
    const backend = createBackend({
      store,
      gateway,
      clock: first.clock,
      hub,
      notices: createNoticeBoard(first.clock),
      log: () => undefined,
      media,
      startDemo: async () => undefined,
      exitDemo: async () => undefined,
    });
    const early = await backend.handlers.getSnapshot({});
    expect(early.chatsComplete).toBe(false);
    // The customer whose window closes first (the first to write) leads; 100 of the 150 come now.
    expect(early.chats).toHaveLength(snapshotHeadSize);
    expect(early.chats[0]).toMatchObject({ name: 'Cliente 0' });
    // Pages of 60 in chat-id order: every chat once, whatever the list order.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page = await backend.handlers.getChats({ after, limit: 60 });
      expect(page.chats.length).toBeLessThanOrEqual(60);
      paged.push(...page.chats.map((chat) => chat.chatId));
      after = page.next;
    } while (after !== null);
    expect(paged).toHaveLength(150);
    expect(new Set(paged).size).toBe(150);
    expect(paged).toEqual([...paged].sort());
    expect(paged).toEqual(expect.arrayContaining(early.chats.map((chat) => chat.chatId)));
    // Once loaded the snapshot still carries only the head: the renderer pages the rest in.
    const later = await backend.handlers.getSnapshot({});
    expect(later.chatsComplete).toBe(false);
    expect(later.chats).toHaveLength(snapshotHeadSize);
    await backend.close();
  });

  it('keeps contacts, windows and history', async () => {
    const first = await world();
    first.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi!' });
    await first.backend.handlers.sendMessage({ chatId: maria, text: 'Olá!' });
    await closeWorld(first);
    const second = await world(first.dataDir, first.clock);
    const snapshot = await second.backend.handlers.getSnapshot({});
    expect(snapshot.chats).toEqual([
      expect.objectContaining({ chatId: maria, name: 'Maria Silva', lastInboundAt: start }),
    ]);
    const conversation = await second.backend.handlers.getConversation({ chatId: maria, limit: 50 });
    expect(conversation.messages.map((message) => message.text)).toEqual(['Oi!', 'Olá!']);
  });
});

describe('whether an account is linked', () => {
  it('is said while connected and no longer after unlinking, also when WhatsApp then fails', async () => {
    const w = await world();
    expect(w.backend.connection()).toMatchObject({ linked: true, status: { state: 'connected' } });
    await w.backend.handlers.unlink({});
    expect(w.events.filter((event) => event.name === 'connectionChanged').at(-1)?.payload).toMatchObject({
      linked: false,
    });
    w.gateway.showStatus({ state: 'disconnected', reason: 'NAVIGATION' });
    expect(w.backend.connection().linked).toBe(false);
    expect((await w.backend.handlers.getSnapshot({})).linked).toBe(false);
  });
});

describe('mark as unread (issue 16, item 8)', () => {
  it('shows the chat as unread until it is opened again, and the mark survives a restart', async () => {
    const first = await world();
    first.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Perfeito, obrigada!' });
    first.backend.handlers.markRead({ chatId: maria });
    first.backend.handlers.markUnread({ chatId: maria });
    const snapshot = async () => await first.backend.handlers.getSnapshot({});
    expect((await snapshot()).chats[0]).toMatchObject({ chatId: maria, unreadCount: 0, markedUnread: true });
    // Kept in the journal (as after a crash now: a copy of the folder, this store still open)…
    await first.store.flush();
    const crashed = mkdtempSync(join(tmpdir(), 'janela-backend-'));
    cpSync(first.dataDir, crashed, { recursive: true });
    const fromJournal = await world(crashed);
    await fromJournal.store.contactsLoaded();
    expect((await fromJournal.backend.handlers.getSnapshot({})).chats[0]).toMatchObject({ markedUnread: true });
    await closeWorld(fromJournal);
    // …and in janela.json after a checkpoint.
    await closeWorld(first);

    const second = await world(first.dataDir);
    await second.store.contactsLoaded();
    expect((await second.backend.handlers.getSnapshot({})).chats[0]).toMatchObject({ markedUnread: true });
    second.backend.handlers.markRead({ chatId: maria });
    expect((await second.backend.handlers.getSnapshot({})).chats[0]).not.toHaveProperty('markedUnread');
    expect(second.store.data.markedUnread).toEqual({});
  });
});
