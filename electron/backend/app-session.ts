/**
 * Everything one running Janela needs, whichever shell hosts it (Electron or the browser host):
 * the data folder and its lock, the store, the gateway for the chosen mode, and one router.
 * Switching to the demo swaps store and gateway underneath without the transports noticing.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../../shared/domain';
import { defaultSettings } from '../../shared/default-settings';
import { starterQuickReplies } from '../../shared/quick-replies/starter-quick-replies';
import { createBackend, type Backend } from './backend';
import type { AdjustableClock, Clock } from './clock';
import { lockDataDir } from './data-dir-lock';
import { EventHub } from './event-hub';
import { demoHistory, demoMediaFiles } from './gateways/simulated/demo-customers';
import { openMediaStore } from './media/media-store';
import type { WhatsAppGateway } from './gateways/gateway';
import type { MediaStore } from './media/media-store';
import { SimulatedGateway } from './gateways/simulated/simulated-gateway';
import { createNoticeBoard } from './notice-board';
import { createRouter, type Dispatch } from './router';
import { openStore } from './store/open-store';
import { emptyStoreData, type JanelaStore, type StoreData } from './store/store-types';

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
  /** `--lang`: overrides the stored language setting. */
  language?: Language;
  timeZone: string;
  log: (line: string) => void;
  createRealGateway: (context: RealGatewayContext) => WhatsAppGateway;
  /** The desktop shell's "open with the default application"; absent in the browser host. */
  openWithSystem?: (file: string) => Promise<void>;
}

export interface AppSession {
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  readonly clock: AdjustableClock;
  /** The simulated gateway, for test control; null with the real WhatsApp. */
  simulatedGateway(): SimulatedGateway | null;
  /** The media folder of the store in use (the demo has its own), for the shells' media route. */
  mediaStore(): MediaStore;
  close(): Promise<void>;
}

export async function openAppSession(options: AppSessionOptions): Promise<AppSession> {
  const { clock, log } = options;
  const releaseLock = lockDataDir(options.dataDir);
  const hub = new EventHub();
  const notices = createNoticeBoard(clock);
  let current: { backend: Backend; gateway: WhatsAppGateway; media: MediaStore };

  function defaults(): StoreData {
    const language = options.language ?? 'pt-BR';
    return emptyStoreData(defaultSettings(options.timeZone, language), starterQuickReplies(language));
  }

  async function open(mode: GatewayMode): Promise<{ backend: Backend; gateway: WhatsAppGateway; media: MediaStore }> {
    // The demo keeps its sample shop apart from the real one, fresh each time so every window state shows.
    const storeDir = mode === 'demo' ? join(options.dataDir, 'demo') : options.dataDir;
    if (mode === 'demo') await rm(storeDir, { recursive: true, force: true });
    const store = await openStore({ dataDir: storeDir, clock, defaults });
    const media = await openMediaStore({ dataDir: storeDir, clock });
    for (const notice of store.loadNotices) notices.add(notice);
    store.onNotice((notice) => notices.add(notice));
    if (options.language && store.data.settings.language !== options.language) {
      store.update((data) => void (data.settings.language = options.language ?? data.settings.language));
    }
    const gateway =
      mode === 'real'
        ? options.createRealGateway({ dataDir: options.dataDir, clock, store, log })
        : new SimulatedGateway({
            clock,
            kind: mode,
            ...(mode === 'demo' ? { history: () => demoHistory(clock.now()), historyFiles: demoMediaFiles } : {}),
          });
    const backend = createBackend({
      store,
      gateway,
      clock,
      hub,
      notices,
      log,
      startDemo: switchToDemo,
      media,
      ...(options.openWithSystem ? { openWithSystem: options.openWithSystem } : {}),
    });
    return { backend, gateway, media };
  }

  async function switchToDemo(): Promise<void> {
    if (current.gateway.kind === 'demo') return;
    await current.backend.close();
    current = await open('demo');
    await start();
  }

  async function start(): Promise<void> {
    const { backend, gateway } = current;
    hub.emit('connectionChanged', { status: gateway.status(), gatewayKind: gateway.kind });
    // A real connection may take a while (or fail and retry): the app works on stored data meanwhile.
    void backend
      .start()
      .catch((error: unknown) => log(`gateway start failed: ${error instanceof Error ? error.name : 'unknown'}`));
  }

  current = await open(options.mode);
  await start();

  return {
    dispatch: createRouter(() => current.backend.handlers, log),
    hub,
    clock,
    simulatedGateway: () => (current.gateway instanceof SimulatedGateway ? current.gateway : null),
    mediaStore: () => current.media,
    async close() {
      await current.backend.close();
      releaseLock();
    },
  };
}
