import type { JanelaApi, JanelaShell } from '../../shared/bridge';

declare global {
  interface Window {
    /** Defined by the Electron preload, or by main.tsx over the browser host's WebSocket. */
    janela: JanelaApi;
    /** The desktop app's media details (preload); undefined in the browser host. */
    janelaShell?: JanelaShell;
  }
}
