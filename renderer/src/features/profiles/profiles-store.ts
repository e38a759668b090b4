/**
 * The profiles feature's one store, in slices: the customer profiles opened, the shop's labels and
 * the chat list's filter by them, and the side panel beside the conversation.
 */
import { create, type StateCreator } from 'zustand';
import type { CommandInput } from '../../../../shared/contract';
import type { ChatId, CustomerProfile, Label } from '../../../../shared/domain';
import { readRemembered, remember } from '../../app/remembered';
import { api } from '../../bridge/api';
import { useChats } from '../chats/chats-store';

export type ProfilePatch = Omit<CommandInput<'updateProfile'>, 'chatId'>;

export type SidePanelTab = 'profile' | 'quick-replies';

export interface FieldRequest {
  chatId: ChatId;
  /** `name`, `first_name`, or a custom field name. */
  field: string;
  /** Asking twice for the same field focuses it again. */
  nonce: number;
}

/**
 * Customer profiles the person has opened, by chat. Name, first name, phone, labels and the window
 * also travel in the chat summaries (live through `chatsChanged`); the profile adds what only it
 * holds (custom fields, notes, overrides), and that changes only through `update` here.
 */
interface ProfilesSlice {
  byChat: ReadonlyMap<ChatId, CustomerProfile>;
  failed: ReadonlySet<ChatId>;
  /** Custom field names any customer has, as the backend last said (profiles not opened too). */
  fieldNames: readonly string[];
  loadFieldNames(): Promise<void>;
  /** Loads once per chat; later calls reuse what is held (or in flight). */
  ensureLoaded(chatId: ChatId): Promise<void>;
  update(chatId: ChatId, patch: ProfilePatch): Promise<CustomerProfile>;
  /** Creates or edits a label; the backend's `labelsChanged` also brings the list. */
  saveLabel(label: Label): Promise<void>;
  /** Deletes a label; the backend takes it off every customer (`chatsChanged` follows). */
  deleteLabel(id: string): Promise<void>;
}

/** Labels arrive with the snapshot and `labelsChanged`; the profile panel and the list filter read them. */
interface LabelsSlice {
  labels: Label[];
  setLabels(labels: Label[]): void;
  /** The chat list's label filter: a chat shows when it has any of these labels. */
  labelFilterIds: ReadonlySet<string>;
  toggleLabelFilter(id: string): void;
  clearLabelFilter(): void;
}

/**
 * What the conversation's side panel shows, and requests other parts of the screen make of it:
 * the composer's "Fill order_id in the profile" opens the Customer tab on that field.
 */
interface SidePanelSlice {
  sidePanelTab: SidePanelTab;
  /** The panel beside the conversation is shown; hidden gives the conversation the room. Remembered. */
  sidePanelShown: boolean;
  managerOpen: boolean;
  /** The quick-reply manager holds typed work that is not saved: closing it asks first. */
  managerDirty: boolean;
  fieldRequest: FieldRequest | null;
  setSidePanelShown(shown: boolean): void;
  setSidePanelTab(tab: SidePanelTab): void;
  setManagerOpen(open: boolean): void;
  setManagerDirty(dirty: boolean): void;
  requestField(chatId: ChatId, field: string): void;
  clearFieldRequest(): void;
}

type ProfilesState = ProfilesSlice & LabelsSlice & SidePanelSlice;
type Slice<T> = StateCreator<ProfilesState, [], [], T>;

const inFlight = new Map<ChatId, Promise<void>>();

const profilesSlice: Slice<ProfilesSlice> = (set, get) => {
  const put = (profile: CustomerProfile) =>
    set((state) => {
      const byChat = new Map(state.byChat);
      byChat.set(profile.chatId, profile);
      const failed = new Set(state.failed);
      failed.delete(profile.chatId);
      return { byChat, failed };
    });
  return {
    byChat: new Map(),
    failed: new Set(),
    fieldNames: [],
    loadFieldNames: async () => {
      set({ fieldNames: await api().listCustomFields({}) });
    },
    ensureLoaded: (chatId) => {
      if (get().byChat.has(chatId)) return Promise.resolve();
      const pending =
        inFlight.get(chatId) ??
        api()
          .getProfile({ chatId })
          .then(put, () => set((state) => ({ failed: new Set(state.failed).add(chatId) })))
          .finally(() => inFlight.delete(chatId));
      inFlight.set(chatId, pending);
      return pending;
    },
    update: async (chatId, patch) => {
      const profile = await api().updateProfile({ chatId, ...patch });
      put(profile);
      return profile;
    },
    saveLabel: async (label) => {
      get().setLabels(await api().saveLabel(label));
    },
    deleteLabel: async (id) => {
      get().setLabels(await api().deleteLabel({ id }));
    },
  };
};

const labelsSlice: Slice<LabelsSlice> = (set) => ({
  labels: [],
  // A deleted label must not leave the list filtered by something no chip shows any more.
  setLabels: (labels) =>
    set((state) => {
      const kept = [...state.labelFilterIds].filter((id) => labels.some((label) => label.id === id));
      return kept.length === state.labelFilterIds.size ? { labels } : { labels, labelFilterIds: new Set(kept) };
    }),
  labelFilterIds: new Set(),
  toggleLabelFilter: (id) =>
    set((state) => {
      const labelFilterIds = new Set(state.labelFilterIds);
      if (!labelFilterIds.delete(id)) labelFilterIds.add(id);
      return { labelFilterIds };
    }),
  clearLabelFilter: () => set({ labelFilterIds: new Set() }),
});

const SIDE_PANEL_SHOWN_KEY = 'janela.sidePanelShown';

const sidePanelSlice: Slice<SidePanelSlice> = (set, get) => ({
  sidePanelTab: 'profile',
  sidePanelShown: readRemembered(
    SIDE_PANEL_SHOWN_KEY,
    (raw) => (raw === 'false' ? false : raw === 'true' ? true : undefined),
    true,
  ),
  managerOpen: false,
  managerDirty: false,
  fieldRequest: null,
  setSidePanelShown: (sidePanelShown) => {
    remember(SIDE_PANEL_SHOWN_KEY, String(sidePanelShown));
    set({ sidePanelShown });
  },
  setSidePanelTab: (sidePanelTab) => set({ sidePanelTab }),
  setManagerOpen: (managerOpen) => set({ managerOpen }),
  setManagerDirty: (managerDirty) => set({ managerDirty }),
  requestField: (chatId, field) =>
    set({
      sidePanelTab: 'profile',
      sidePanelShown: true,
      fieldRequest: { chatId, field, nonce: (get().fieldRequest?.nonce ?? 0) + 1 },
    }),
  clearFieldRequest: () => set({ fieldRequest: null }),
});

export const useProfiles = create<ProfilesState>()((...a) => ({
  ...profilesSlice(...a),
  ...labelsSlice(...a),
  ...sidePanelSlice(...a),
}));

// A held profile follows its chat's summary (a new WhatsApp name, a label taken off elsewhere), so
// readers can take the profile alone: it is also the freshest right after this renderer's update.
useChats.subscribe((chats, previous) => {
  if (chats.byId === previous.byId) return;
  const { byChat } = useProfiles.getState();
  let changed: Map<ChatId, CustomerProfile> | null = null;
  for (const [chatId, profile] of byChat) {
    const summary = chats.byId.get(chatId);
    if (!summary || summary === previous.byId.get(chatId)) continue;
    changed ??= new Map(byChat);
    changed.set(chatId, { ...profile, ...summary });
  }
  if (changed) useProfiles.setState({ byChat: changed });
});

/**
 * The editor's idea of which custom fields exist: those the backend listed, and those of any
 * profile loaded or edited since.
 */
export function knownCustomFields(
  byChat: ReadonlyMap<ChatId, CustomerProfile>,
  fieldNames: readonly string[],
): string[] {
  const names = new Set(fieldNames);
  for (const profile of byChat.values()) for (const name of Object.keys(profile.customFields)) names.add(name);
  return [...names].sort();
}
