/**
 * The chat list's width: dragged or set with the arrow keys on its edge, remembered on this computer.
 * The chats store holds it (`listWidth`).
 */
import { readRemembered, remember } from '../../app/remembered';

export const LIST_WIDTH_MIN = 260;
export const LIST_WIDTH_MAX = 640;
export const LIST_WIDTH_DEFAULT = 380;
const STORAGE_KEY = 'janela.chatListWidth';

export function clampListWidth(width: number): number {
  return Math.round(Math.min(LIST_WIDTH_MAX, Math.max(LIST_WIDTH_MIN, width)));
}

/** The width remembered on this computer, or the default. */
export function rememberedListWidth(): number {
  return readRemembered(
    STORAGE_KEY,
    (raw) => {
      const value = Number(raw);
      return Number.isFinite(value) ? clampListWidth(value) : undefined;
    },
    LIST_WIDTH_DEFAULT,
  );
}

/** Clamps and remembers a width the person chose; returns the width kept. */
export function rememberListWidth(width: number): number {
  const clamped = clampListWidth(width);
  remember(STORAGE_KEY, String(clamped));
  return clamped;
}
