/**
 * Everything one running Janela needs, whichever shell hosts it (Electron or the browser host):
 * the data folder and its lock, the store, the gateway for the chosen mode, and one router.
 * Switching to the demo swaps store and gateway underneath without the transports noticing.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatId, Language } from '../../shared/domain';
import { defaultSettings } from '../../shared/settings/default-settings';
import { starterQuickReplies } from '../../shared/quick-replies/starter-quick-replies';
import { demoAutomationSettings } from './automations/demo-automations';
import { createBackend, type Backend, type BackendSupport } from './backend';
import type { AdjustableClock, Clock } from './clock';
import { lockDataDir } from './data-dir-lock';
import { EventHub } from './event-hub';
import { demoBookingsAndOrders, demoHistory, demoMediaFiles } from './gateways/simulated/demo-customers';
import { demoShop } from './gateways/simulated/demo-shop';
import { openMediaStore } from './media/media-store';
import type { WhatsAppGateway } from './gateways/gateway';
import type { MediaStore } from './media/media-store';
import { SimulatedGateway } from './gateways/simulated/simulated-gateway';
import { createNoticeBoard } from './notices/notice-board';
import { createRouter, type Dispatch } from './router';
import { openStore } from './store/open-store';
import { emptyStoreData, type JanelaStore, type StoreData, type StoreNotice } from './store/store-types';

export type GatewayMode = 'real' | 'simulated' | 'demo';

export interface RealGatewayContext {
  dataDir: string;
  clock: Clock;
  store: JanelaStore;
  log: (line: string) => void;
}

export interface AppSessionOptions {
  dataDir: string;
  mode: GatewayMode;
  clock: AdjustableClock;
  /** `--lang`: the language of this launch (and the first run's default); never overwrites the saved choice. */
  language?: Language;
  timeZone: string;
  log: (line: string) => void;
  createRealGateway: (context: RealGatewayContext) => WhatsAppGateway;
  /** The shell's part in "Help" (which shell, opening a folder); the logs folder is `DIR/logs`. */
  shell?: ShellServices;
  /** The desktop shell's "open with the default application"; absent in the browser host. */
  openWithSystem?: (file: string) => Promise<void>;
}

export type ShellServices = Omit<BackendSupport, 'logsFolder'>;

export interface AppSession {
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  readonly clock: AdjustableClock;
  /** The simulated gateway, for test control; null with the real WhatsApp. */
  simulatedGateway(): SimulatedGateway | null;
  /** Everything changed so far on disk (the system is about to end the session). */
  flush(): Promise<void>;
  /** Whether the current store holds the message with that WhatsApp id (test control checks its inbound). */
  hasMessage(chatId: ChatId, waId: string): boolean;
  /** Whether the current store knows that chat (test control refuses a phone reply to an unknown one). */
  hasChat(chatId: ChatId): boolean;
  /** The media folder of the store in use (the demo has its own), for the shells' media route. */
  mediaStore(): MediaStore;
  close(): Promise<void>;
}

export async function openAppSession(options: AppSessionOptions): Promise<AppSession> {
  const { clock, log } = options;
  const releaseLock = lockDataDir(options.dataDir, {
    onLost: () => log('data folder lock taken over by another process after a stall'),
  });
  const hub = new EventHub();
  const notices = createNoticeBoard(clock);
  let current: { backend: Backend; gateway: WhatsAppGateway; store: JanelaStore; media: MediaStore };

  function defaults(mode: GatewayMode): StoreData {
    const language = options.language ?? 'pt-BR';
    const settings = defaultSettings(options.timeZone, language);
    // The demo is a shop already set up, so every starter quick reply can be sent as it is.
    if (mode === 'demo') settings.shop = demoShop(language);
    return emptyStoreData(settings, starterQuickReplies(language));
  }

  async function open(mode: GatewayMode): Promise<typeof current> {
    // The demo keeps its sample shop apart from the real one, fresh each time so every window state shows.
    const storeDir = mode === 'demo' ? join(options.dataDir, 'demo') : options.dataDir;
    if (mode === 'demo') await rm(storeDir, { recursive: true, force: true });
    const store = await openStore({ dataDir: storeDir, clock, defaults: () => defaults(mode) });
    const media = await openMediaStore({ dataDir: storeDir, clock });
    // The person reads what happened in their language; the technical detail goes to the log, and a
    // failing disk that reports on every retry is logged once until something changes.
    let lastLogged = '';
    const tell = (notice: StoreNotice) => {
      notices.add(notice);
      const line = `store: ${notice.technical ?? notice.detail}`;
      if (line !== lastLogged) log(line);
      lastLogged = line;
    };
    for (const notice of store.loadNotices) tell(notice);
    store.onNotice(tell);
    if (mode === 'demo') {
      const sample = demoBookingsAndOrders(clock.now(), store.data.settings.timeZone);
      store.update((data) => void Object.assign(data, sample));
    }
    if (mode === 'demo') {
      store.update((data) => {
        data.automations = demoAutomationSettings(data.settings.language);
        data.settings = { ...data.settings, shop: demoShop(data.settings.language) };
      });
    }
    const gateway =
      mode === 'real'
        ? options.createRealGateway({ dataDir: options.dataDir, clock, store, log })
        : new SimulatedGateway({
            clock,
            kind: mode,
            ...(mode === 'demo' ? { history: () => demoHistory(clock.now()), historyFiles: demoMediaFiles } : {}),
          });
    const support = { shell: 'browser' as const, ...options.shell, logsFolder: join(options.dataDir, 'logs') };
    const backend = createBackend({
      store,
      gateway,
      clock,
      hub,
      notices,
      log,
      ...(options.language ? { launchLanguage: options.language } : {}),
      startDemo: () => switchTo('demo'),
      exitDemo: () => switchTo(options.mode === 'demo' ? 'real' : options.mode),
      support,
      dataDir: storeDir,
      media,
      ...(options.openWithSystem ? { openWithSystem: options.openWithSystem } : {}),
    });
    return { backend, gateway, store, media };
  }

  // One switch at a time, in the order asked: two at once would each open a store over demo/ (two
  // writers, doubled events).
  let switching: Promise<void> | null = null;
  function switchTo(mode: GatewayMode): Promise<void> {
    const run = async () => {
      if (current.gateway.kind === (mode === 'real' ? 'whatsapp-web' : mode)) return;
      await current.backend.close();
      current = await open(mode);
      await start();
    };
    const next: Promise<void> = (switching ?? Promise.resolve()).then(run).finally(() => {
      if (switching === next) switching = null;
    });
    switching = next;
    return next;
  }

  async function start(): Promise<void> {
    const { backend } = current;
    hub.emit('connectionChanged', backend.connection());
    // A real connection may take a while (or fail and retry): the app works on stored data meanwhile.
    void backend
      .start()
      .catch((error: unknown) => log(`gateway start failed: ${error instanceof Error ? error.name : 'unknown'}`));
  }

  try {
    current = await open(options.mode);
  } catch (error) {
    // Data from a newer Janela, an unreadable folder: nothing of this session stays behind.
    releaseLock();
    throw error;
  }
  await start();

  const route = createRouter(() => current.backend.handlers, log);
  // Commands that arrived mid-switch, in arrival order: each runs an event-loop turn after the one
  // before, as the browser host runs frames, so a read's answer goes out before a later command's
  // event (all in one turn, a change's event overtook the read's answer).
  let waitedTurns: Promise<void> = Promise.resolve();
  return {
    // A command that arrives mid-switch waits for the demo instead of reaching the closed backend.
    dispatch: async (name, input, caller) => {
      if (switching) {
        const turn = waitedTurns
          .then(() => switching?.catch(() => undefined))
          .then(() => new Promise<void>((resolve) => setImmediate(resolve)));
        waitedTurns = turn;
        await turn;
      }
      return route(name, input, caller);
    },
    hub,
    clock,
    simulatedGateway: () => (current.gateway instanceof SimulatedGateway ? current.gateway : null),
    flush: () => current.store.flush(),
    hasMessage: (chatId, waId) =>
      current.store.hasMessage(chatId, waId) || current.store.findMessageByWaId(chatId, waId) !== null,
    hasChat: (chatId) => current.store.data.contacts[chatId] !== undefined,
    mediaStore: () => current.media,
    async close() {
      await switching?.catch(() => undefined);
      await current.backend.close();
      releaseLock();
    },
  };
}
