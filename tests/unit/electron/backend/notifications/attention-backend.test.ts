/**
 * The attention service inside the backend, over a real store in a temp folder: the events a shell
 * gets, the pause commands, the settings, and what survives save → restart → load.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend, type BackendSupport } from '../../../../../electron/backend/backend';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { EventHub } from '../../../../../electron/backend/event-hub';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import { decodeChanges, encodeChanges, encodeRest } from '../../../../../electron/backend/store/store-document-codec';
import type { EventPayload } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { defaultNotificationSettings } from '../../../../../shared/domain';
import { tempMediaStore } from '../media/temp-media-store';

const HOUR = 3_600_000;
const MARIA = '5511987654321@c.us';
const start = Date.UTC(2026, 10, 25, 13, 0, 0);

interface World {
  backend: Backend;
  store: JanelaStore;
  gateway: SimulatedGateway;
  clock: AdjustableClock;
  attention: EventPayload<'attentionChanged'>[];
  dataDir: string;
}

const open: World[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.backend.close();
});

async function world(
  dataDir = mkdtempSync(join(tmpdir(), 'janela-attention-')),
  clock = createManualClock(start),
  support?: BackendSupport,
): Promise<World> {
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => emptyStoreData(defaultSettings('America/Sao_Paulo', 'pt-BR')),
  });
  const gateway = new SimulatedGateway({ clock });
  const hub = new EventHub();
  const attention: World['attention'] = [];
  hub.subscribe((name, payload) => {
    if (name === 'attentionChanged') attention.push(payload as EventPayload<'attentionChanged'>);
  });
  const backend = createBackend({
    media: await tempMediaStore(clock),
    store,
    gateway,
    clock,
    hub,
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
    attention: { settleMs: 1 },
    ...(support ? { support } : {}),
  });
  await backend.start();
  await store.contactsLoaded();
  const created = { backend, store, gateway, clock, attention, dataDir };
  open.push(created);
  return created;
}

async function restart(w: World): Promise<World> {
  open.splice(open.indexOf(w), 1);
  await w.backend.close();
  return world(w.dataDir, w.clock);
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};
const shown = (w: World) => w.attention.flatMap((event) => event.notifications);

describe('notifications in the backend', () => {
  it('a customer message becomes one attentionChanged with the notification and the unread total', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi! Tem bolo hoje?' });
    await waitFor(() => shown(w).length > 0);
    expect(w.attention.at(-1)).toEqual({
      unreadTotal: 1,
      pausedUntil: null,
      notifications: [
        { kind: 'message', chatId: MARIA, title: 'Maria Silva', body: 'Oi! Tem bolo hoje?', silent: false },
      ],
    });
    expect((await w.backend.handlers.getSnapshot({})).attention).toEqual({ unreadTotal: 1, pausedUntil: null });

    await w.backend.handlers.markRead({ chatId: MARIA });
    await waitFor(() => w.attention.at(-1)?.unreadTotal === 0);
  });

  it('the test clock jumping to "closing soon" nudges at once', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
    await waitFor(() => shown(w).length === 1);
    w.clock.advance(23 * HOUR + 15 * 60_000);
    expect(shown(w).at(-1)).toEqual({
      kind: 'closing-soon',
      chatId: MARIA,
      title: 'Ainda sem resposta',
      body: 'Maria Silva · a janela fecha em 45 min',
      silent: false,
    });
  });

  it('pause and resume are commands, and the pause is kept across a restart', async () => {
    const w = await world();
    expect(await w.backend.handlers.pauseNotifications({ minutes: 60 })).toEqual({
      unreadTotal: 0,
      pausedUntil: start + HOUR,
    });
    expect(w.attention.at(-1)?.pausedUntil).toBe(start + HOUR);
    const again = await restart(w);
    expect((await again.backend.handlers.getSnapshot({})).attention?.pausedUntil).toBe(start + HOUR);
    expect(await again.backend.handlers.resumeNotifications({})).toEqual({
      unreadTotal: 0,
      pausedUntil: null,
    });
  });

  it('the policy’s memory survives save → restart → load: no repeat after a restart', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
    await waitFor(() => shown(w).length === 1);
    w.clock.advance(23 * HOUR + 10 * 60_000);
    expect(shown(w).map((notification) => notification.kind)).toEqual(['message', 'closing-soon']);

    const again = await restart(w);
    expect(again.store.data.attention.memory.chats[MARIA]).toMatchObject({
      seenInboundAt: start,
      closingSoonFor: start,
    });
    again.clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown(again)).toEqual([]);
  });
});

describe('notification settings', () => {
  it('default for a new shop, and a partial update changes only what it names', async () => {
    const w = await world();
    expect(w.store.data.settings.notifications).toEqual(defaultNotificationSettings);
    const quieter = await w.backend.handlers.updateSettings({ notifications: { sound: false } });
    expect(quieter.notifications).toEqual({ ...defaultNotificationSettings, sound: false });
    const english = await w.backend.handlers.updateSettings({ language: 'en' });
    expect(english.notifications).toEqual({ ...defaultNotificationSettings, sound: false });

    const again = await restart(w);
    expect(again.store.data.settings.notifications).toEqual({ ...defaultNotificationSettings, sound: false });
  });

  it('a store written before notifications existed reads with their defaults', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'janela-attention-old-'));
    const settings: Record<string, unknown> = { ...defaultSettings('America/Sao_Paulo', 'pt-BR') };
    delete settings.notifications;
    const older = { ...emptyStoreData(defaultSettings('America/Sao_Paulo')), settings } as Record<string, unknown>;
    delete older.attention;
    writeFileSync(join(dataDir, 'janela.json'), JSON.stringify(older));

    const w = await world(dataDir);
    expect(w.store.data.settings.notifications).toEqual(defaultNotificationSettings);
    expect(w.store.data.attention).toEqual({
      memory: { version: 1, primed: true, chats: {} },
      pausedUntil: null,
    });
  });

  it('travel through the journal (what a crash replays) unchanged', () => {
    const data = emptyStoreData(defaultSettings('America/Sao_Paulo'));
    data.settings.notifications = { ...defaultNotificationSettings, showText: false, closingSoonMinutes: 30 };
    data.attention = {
      memory: {
        version: 1,
        primed: true,
        chats: { [MARIA]: { seenInboundAt: start, messageNotifiedAt: start, closingSoonFor: null, handoffFor: null } },
      },
      pausedUntil: start + HOUR,
    };
    const replayed = decodeChanges(JSON.parse(encodeChanges([], [], encodeRest(data))));
    expect(replayed?.rest?.attention).toEqual(data.attention);
    expect(replayed?.rest?.settings.notifications).toEqual(data.settings.notifications);
  });

  it('a damaged attention entry starts the memory over and never fails the store', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'janela-attention-bad-'));
    const damaged = {
      ...emptyStoreData(defaultSettings('America/Sao_Paulo')),
      attention: { memory: 'x', pausedUntil: 'y' },
    };
    writeFileSync(join(dataDir, 'janela.json'), JSON.stringify(damaged));
    const w = await world(dataDir);
    expect(w.store.loadNotices).toEqual([]);
    expect(w.store.data.attention.pausedUntil).toBeNull();
    expect(w.store.data.attention.memory.version).toBe(1);
  });
});

describe('help for support', () => {
  it('diagnostics carry versions, states and counts, but no phone number, name or message', async () => {
    const w = await world(undefined, undefined, { shell: 'electron', logsFolder: '/data/logs' });
    w.gateway.receive({
      phone: '5511987654321',
      name: 'Maria Silva',
      text: 'Meu CPF é 123.456.789-00, Rua das Flores 12',
    });
    w.gateway.receive({ phone: '5521998765432', name: 'João Souza', text: 'Bom dia' });
    const { text, logsFolder } = await w.backend.handlers.getDiagnostics({});

    expect(logsFolder).toBe('/data/logs');
    expect(text).toContain('Janela 0.1.0 (desktop app)');
    expect(text).toContain('WhatsApp: simulated, connected');
    expect(text).toContain('Chats: 2, open windows: 2, unread: 2');
    for (const secret of ['5511987654321', '5521998765432', '98765', 'Maria', 'João', 'CPF', 'Flores', 'Bom dia'])
      expect(text).not.toContain(secret);
    // Nothing that even looks like a phone number: no run of 8 or more digits.
    expect(text).not.toMatch(/\d{8,}/);
  });

  it('the logs folder opens in the desktop app; the browser host gives its path instead', async () => {
    const opened: string[] = [];
    const desktop = await world(undefined, undefined, {
      shell: 'electron',
      logsFolder: '/data/logs',
      openFolder: async (path) => {
        opened.push(path);
        return true;
      },
    });
    expect(await desktop.backend.handlers.openLogsFolder({})).toEqual({ opened: true, path: '/data/logs' });
    expect(opened).toEqual(['/data/logs']);

    const browser = await world(undefined, undefined, { shell: 'browser', logsFolder: '/data/logs' });
    expect(await browser.backend.handlers.openLogsFolder({})).toEqual({ opened: false, path: '/data/logs' });
  });
});
