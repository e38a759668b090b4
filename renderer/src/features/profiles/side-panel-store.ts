/**
 * What the conversation's side panel shows, and requests other parts of the screen make of it:
 * the composer's "Fill order_id in the profile" opens the Customer tab on that field.
 */
import { create } from 'zustand';
import { readRemembered, remember } from '../../app/remembered';

const SHOWN_KEY = 'janela.sidePanelShown';
import type { ChatId } from '../../../../shared/domain';

export type SidePanelTab = 'profile' | 'quick-replies';

export interface FieldRequest {
  chatId: ChatId;
  /** `name`, `first_name`, or a custom field name. */
  field: string;
  /** Asking twice for the same field focuses it again. */
  nonce: number;
}

interface SidePanelState {
  tab: SidePanelTab;
  managerOpen: boolean;
  /** The quick-reply manager holds typed work that is not saved: closing it asks first. */
  managerDirty: boolean;
  fieldRequest: FieldRequest | null;
  /** The panel beside the conversation is shown; hidden gives the conversation the room. Remembered. */
  shown: boolean;
  setShown(shown: boolean): void;
  setTab(tab: SidePanelTab): void;
  setManagerOpen(open: boolean): void;
  setManagerDirty(dirty: boolean): void;
  requestField(chatId: ChatId, field: string): void;
  clearFieldRequest(): void;
}

export const useSidePanel = create<SidePanelState>()((set, get) => ({
  tab: 'profile',
  managerOpen: false,
  managerDirty: false,
  fieldRequest: null,
  shown: readRemembered(SHOWN_KEY, (raw) => (raw === 'false' ? false : raw === 'true' ? true : undefined), true),
  setShown: (shown) => {
    remember(SHOWN_KEY, String(shown));
    set({ shown });
  },
  setTab: (tab) => set({ tab }),
  setManagerOpen: (managerOpen) => set({ managerOpen }),
  setManagerDirty: (managerDirty) => set({ managerDirty }),
  requestField: (chatId, field) =>
    set({ tab: 'profile', shown: true, fieldRequest: { chatId, field, nonce: (get().fieldRequest?.nonce ?? 0) + 1 } }),
  clearFieldRequest: () => set({ fieldRequest: null }),
}));
