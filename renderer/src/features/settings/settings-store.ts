import { create } from 'zustand';
import type { Language, Settings, SettingsPatch } from '../../../../shared/domain';
import { DEFAULT_LANGUAGE } from '../../../../shared/i18n';
import { api } from '../../bridge/api';

interface SettingsState {
  settings: Settings | null;
  set(settings: Settings): void;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  set: (settings) => set({ settings }),
  update: async (patch) => {
    set({ settings: await api().updateSettings(patch) });
  },
}));

export const selectLanguage = (state: SettingsState): Language => state.settings?.language ?? DEFAULT_LANGUAGE;
export const selectClosingSoonMs = (state: SettingsState): number =>
  (state.settings?.closingSoonMinutes ?? 240) * 60_000;
