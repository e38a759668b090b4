import './app/stylesheets';
import { createJanelaApi } from '../../shared/bridge';
import { WS_PATH } from '../../shared/wire';
import { firstScreenShown } from './app/first-screen';
import { connectStores, type BackendLink } from './bridge/connect-stores';
import { createWebSocketTransport, wsUrlFor } from './bridge/websocket-transport';

// Electron's preload defines window.janela; in the browser host it is built here, before the first
// render, over the host's WebSocket (tests call window.janela directly too).
let link: BackendLink | undefined;
if (!('janela' in window) || !window.janela) {
  const transport = createWebSocketTransport({
    url: wsUrlFor(location, WS_PATH),
    createSocket: (url) => new WebSocket(url),
  });
  window.janela = createJanelaApi(transport);
  link = transport;
}

// Started first: the snapshot is on its way while the app's code below is fetched and evaluated.
connectStores(window.janela, {
  link,
  isVisible: () => document.visibilityState === 'visible',
  shell: link ? 'browser' : 'electron',
  // The chats after the first screenfuls merge between frames once the first screen is on; the
  // timeout keeps them coming on a busy page.
  whenIdle: (run) => void firstScreenShown.then(() => requestIdleCallback(() => run(), { timeout: 100 })),
});

// The rest is evaluated a stage at a time, each in a task of its own rather than one long task:
// zod, configured before any chunk below builds a schema (nothing above builds one: the bridge
// takes the contract's names, not its schemas); React DOM, the biggest module; then the app with
// the chat list, a chunk preloaded by index.html (see vite.config.ts).
await import('./zod-config');
await import('react-dom/client');
const { renderApp } = await import('./app/render-app');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
renderApp(root);
