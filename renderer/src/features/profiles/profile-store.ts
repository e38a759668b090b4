/**
 * Customer profiles the person has opened, by chat. Name, first name, phone, labels and the window
 * also travel in the chat summaries (live through `chatsChanged`); the profile adds what only it
 * holds (custom fields, notes, overrides), and that changes only through `update` here.
 */
import { create } from 'zustand';
import type { CommandInput } from '../../../../shared/contract';
import type { ChatId, CustomerProfile, Label } from '../../../../shared/domain';
import { api } from '../../bridge/api';
import { useChats } from '../chats/chats-store';
import { useLabels } from './labels-store';

export type ProfilePatch = Omit<CommandInput<'updateProfile'>, 'chatId'>;

interface ProfileState {
  byChat: ReadonlyMap<ChatId, CustomerProfile>;
  failed: ReadonlySet<ChatId>;
  /** Custom field names any customer has, as the backend last said (profiles not opened too). */
  fieldNames: readonly string[];
  loadFieldNames(): Promise<void>;
  /** Loads once per chat; later calls reuse what is held (or in flight). */
  ensureLoaded(chatId: ChatId): Promise<void>;
  update(chatId: ChatId, patch: ProfilePatch): Promise<CustomerProfile>;
  /** Creates or edits a label; the backend's `labelsChanged` also reaches the labels store. */
  saveLabel(label: Label): Promise<void>;
  /** Deletes a label; the backend takes it off every customer (`chatsChanged` follows). */
  deleteLabel(id: string): Promise<void>;
}

const inFlight = new Map<ChatId, Promise<void>>();

export const useProfiles = create<ProfileState>()((set, get) => {
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
      useLabels.getState().set(await api().saveLabel(label));
    },
    deleteLabel: async (id) => {
      useLabels.getState().set(await api().deleteLabel({ id }));
    },
  };
});

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
