import { create } from 'zustand';
import type { Language, Settings, SettingsPatch } from '../../../../shared/domain';
import { DEFAULT_LANGUAGE } from '../../../../shared/i18n';
import { api } from '../../bridge/api';

interface SettingsState {
  settings: Settings | null;
  /** `--lang` of this launch: shown instead of the saved language, never saved. */
  launchLanguage: Language | null;
  set(settings: Settings): void;
  setLaunchLanguage(language: Language | null): void;
  update(patch: SettingsPatch): Promise<void>;
}

export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  launchLanguage: null,
  set: (settings) => set({ settings }),
  setLaunchLanguage: (launchLanguage) => set({ launchLanguage }),
  update: async (patch) => {
    // Choosing another language in the settings is the person's own choice: it wins over the
    // launch's. Compared before saving: `settingsChanged` may bring the new settings first.
    const chosen = patch.language !== undefined && patch.language !== get().settings?.language;
    const saved = await api().updateSettings(patch);
    set((state) => ({ settings: saved, launchLanguage: chosen ? null : state.launchLanguage }));
  },
}));

export const selectLanguage = (state: SettingsState): Language =>
  state.launchLanguage ?? state.settings?.language ?? DEFAULT_LANGUAGE;
export const selectClosingSoonMs = (state: SettingsState): number =>
  (state.settings?.closingSoonMinutes ?? 240) * 60_000;
