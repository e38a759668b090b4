/** The shop's automatic-reply settings as saved in the backend, and the commands of the screen. */
import { create } from 'zustand';
import type { AutomationSettings } from '../../../../shared/automations/automation-settings';
import type { FaqRule } from '../../../../shared/automations/faq-matching';
import type { FaqTestResult } from '../../../../shared/contract';
import type { ChatId } from '../../../../shared/domain';
import { api } from '../../bridge/api';

interface AutomationsState {
  settings: AutomationSettings | null;
  set(settings: AutomationSettings): void;
  load(): Promise<void>;
  save(settings: AutomationSettings): Promise<AutomationSettings>;
  testFaqMatch(text: string, faqRules: FaqRule[]): Promise<FaqTestResult>;
  returnChatToBot(chatId: ChatId): Promise<void>;
  /** When the customer asked for no automatic messages; null if they did not (or staff reversed it). */
  optedOutAt(chatId: ChatId): Promise<number | null>;
  clearOptOut(chatId: ChatId): Promise<void>;
}

export const useAutomations = create<AutomationsState>()((set) => ({
  settings: null,
  set: (settings) => set({ settings }),
  load: async () => set({ settings: await api().getAutomationSettings({}) }),
  save: async (settings) => {
    const saved = await api().updateAutomationSettings(settings);
    set({ settings: saved });
    return saved;
  },
  testFaqMatch: (text, faqRules) => api().testFaqMatch({ text, faqRules }),
  returnChatToBot: async (chatId) => {
    await api().returnChatToBot({ chatId });
  },
  optedOutAt: async (chatId) => (await api().getProfile({ chatId })).automaticRepliesOptedOutAt ?? null,
  clearOptOut: async (chatId) => {
    await api().clearOptOut({ chatId });
  },
}));
