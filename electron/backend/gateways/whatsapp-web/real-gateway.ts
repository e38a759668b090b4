/** The real WhatsApp (whatsapp-web.js), wired to the store's settings and sync point. */
import type { RealGatewayContext } from '../../app-session';
import type { WhatsAppGateway } from '../gateway';
import { testHookOptions } from './test-hook-options';
import { createWhatsAppWebGateway } from './whatsapp-web-gateway';

export interface RealGatewayFlags {
  testControl: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export function createRealGateway(
  { dataDir, clock, store, log }: RealGatewayContext,
  flags: RealGatewayFlags,
): WhatsAppGateway {
  // JANELA_WA_BROWSER_ARGS, JANELA_WA_WEB_CACHE and the JANELA_WA_* timings count only under --test-control.
  const hook = testHookOptions(flags.env, flags.testControl);
  return createWhatsAppWebGateway({
    dataDir,
    clock,
    browserPath: () => store.data.settings.browserPath,
    lastSyncAt: () => store.data.sync.lastSyncAt,
    ...hook,
    log,
  });
}
