import { create } from 'zustand';
import type { ConnectionStatus, GatewayKind } from '../../../../shared/domain';
import { api } from '../../bridge/api';
import type { LinkState } from '../../bridge/websocket-transport';

interface ConnectionState {
  status: ConnectionStatus;
  gatewayKind: GatewayKind | null;
  /** A WhatsApp account is linked here: only then is there something to unlink. */
  linked: boolean;
  /** The renderer's own link to the backend (only the browser host's socket can drop). */
  link: LinkState;
  pairingCode: string | null;
  set(status: ConnectionStatus, gatewayKind: GatewayKind, linked: boolean): void;
  setLink(link: LinkState): void;
  startDemo(): Promise<void>;
  exitDemo(): Promise<void>;
  reconnect(): Promise<void>;
  unlink(): Promise<void>;
  requestPairingCode(phone: string): Promise<string>;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: { state: 'starting' },
  gatewayKind: null,
  linked: false,
  link: 'open',
  pairingCode: null,
  set: (status, gatewayKind, linked) =>
    set((state) => ({
      status,
      gatewayKind,
      linked,
      pairingCode: status.state === 'pairing-code' ? status.code : state.pairingCode,
    })),
  setLink: (link) => set({ link }),
  startDemo: async () => {
    await api().startDemo({});
  },
  exitDemo: async () => {
    await api().exitDemo({});
  },
  reconnect: async () => {
    await api().reconnect({});
  },
  unlink: async () => {
    await api().unlink({});
    set({ pairingCode: null });
  },
  requestPairingCode: async (phone) => {
    const { code } = await api().requestPairingCode({ phone });
    set({ pairingCode: code });
    return code;
  },
}));
