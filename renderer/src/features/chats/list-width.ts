/** The chat list's width: dragged or set with the arrow keys on its edge, remembered on this computer. */
import { create } from 'zustand';
import { readRemembered, remember } from '../../app/remembered';

export const LIST_WIDTH_MIN = 260;
export const LIST_WIDTH_MAX = 640;
export const LIST_WIDTH_DEFAULT = 380;
const STORAGE_KEY = 'janela.chatListWidth';

export function clampListWidth(width: number): number {
  return Math.round(Math.min(LIST_WIDTH_MAX, Math.max(LIST_WIDTH_MIN, width)));
}

interface ListWidthState {
  width: number;
  setWidth(width: number): void;
}

export const useListWidth = create<ListWidthState>()((set) => ({
  width: readRemembered(
    STORAGE_KEY,
    (raw) => {
      const value = Number(raw);
      return Number.isFinite(value) ? clampListWidth(value) : undefined;
    },
    LIST_WIDTH_DEFAULT,
  ),
  setWidth: (width) => {
    const clamped = clampListWidth(width);
    remember(STORAGE_KEY, String(clamped));
    set({ width: clamped });
  },
}));
