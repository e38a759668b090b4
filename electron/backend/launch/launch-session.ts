/** Opens the app session from command-line arguments: shared by the desktop app and the browser host. */
import { openAppSession, type AppSession, type ShellServices } from '../app-session';
import { createClock } from '../clock';
import type { LaunchOptions } from './launch-options';

export async function launchSession(
  args: LaunchOptions,
  dataDir: string,
  log: (line: string) => void,
  shell?: ShellServices & { openWithSystem?: (file: string) => Promise<void> },
): Promise<AppSession> {
  // whatsapp-web.js and Puppeteer take seconds to load: only the real WhatsApp needs them.
  const realGateway = args.mode === 'real' ? await import('../gateways/whatsapp-web/real-gateway') : null;
  return openAppSession({
    dataDir,
    mode: args.mode,
    clock: createClock(),
    ...(args.language ? { language: args.language } : {}),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    log,
    ...(shell ? { shell } : {}),
    ...(shell?.openWithSystem ? { openWithSystem: shell.openWithSystem } : {}),
    createRealGateway: (context) => {
      if (!realGateway) throw new Error('the real WhatsApp gateway is not loaded in simulated mode');
      return realGateway.createRealGateway(context, { testControl: args.testControl, env: process.env });
    },
  });
}
