/** "Help": the logs folder and the diagnostics to copy for support. */
import { create } from 'zustand';
import { api } from '../../bridge/api';

export type CopyResult = 'copied' | 'failed' | null;

interface HelpState {
  /** Shown when the folder cannot be opened from here (browser host). */
  logsFolder: string | null;
  copyResult: CopyResult;
  /** Kept on screen when copying failed, to select by hand. */
  diagnostics: string | null;
  openLogsFolder(): Promise<void>;
  copyDiagnostics(writeText: (text: string) => Promise<void>): Promise<void>;
  reset(): void;
}

export const useHelp = create<HelpState>()((set) => ({
  logsFolder: null,
  copyResult: null,
  diagnostics: null,
  openLogsFolder: async () => {
    const { opened, path } = await api().openLogsFolder({});
    set({ logsFolder: opened ? null : path });
  },
  copyDiagnostics: async (writeText) => {
    const { text } = await api().getDiagnostics({});
    try {
      await writeText(text);
      set({ copyResult: 'copied', diagnostics: null });
    } catch {
      set({ copyResult: 'failed', diagnostics: text });
    }
  },
  reset: () => set({ logsFolder: null, copyResult: null, diagnostics: null }),
}));
