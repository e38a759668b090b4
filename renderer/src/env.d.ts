import type { JanelaApi } from '../../shared/bridge';

declare global {
  interface Window {
    /** Defined by the Electron preload, or by main.tsx over the browser host's WebSocket. */
    janela: JanelaApi;
  }
}
