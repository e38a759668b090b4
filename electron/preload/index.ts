/** Exposes `window.janela`: intent-level functions over IPC, the same API the browser host builds. */
import { contextBridge, ipcRenderer } from 'electron';
import { createJanelaApi, type JanelaApi, type JanelaShell, type Transport } from '../../shared/bridge';
import type { CommandResult } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '../../shared/wire';

const transport: Transport = {
  invoke: (name, input) => ipcRenderer.invoke(`${IPC_INVOKE_PREFIX}${name}`, input) as Promise<CommandResult<unknown>>,
  subscribe(name, listener) {
    const onEvent = (_event: Electron.IpcRendererEvent, frame: { name: string; payload: unknown }) => {
      if (frame.name === name) listener(frame.payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, onEvent);
    };
  },
};

const api = createJanelaApi(transport) satisfies JanelaApi;
contextBridge.exposeInMainWorld('janela', api);
// What differs between the shells for media: where files are served, and whether "Open" exists.
contextBridge.exposeInMainWorld('janelaShell', {
  mediaBase: 'janela-media://file/media/',
  canOpenFiles: true,
} satisfies JanelaShell);
