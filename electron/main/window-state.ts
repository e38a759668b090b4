/**
 * Remembers the main window's size, position and maximized state in `window-state.json` in the data
 * folder, and restores them on a display that still exists (the rules are in window-bounds.ts).
 */
import { type BrowserWindow, screen } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWindowState, placeWindow, type WindowPlacement, type WindowSizeLimits } from './window-bounds';

export const WINDOW_STATE_FILE = 'window-state.json';
const SAVE_DELAY_MS = 500;

export interface RestoredWindowState {
  placement: WindowPlacement;
  maximized: boolean;
}

export function restoreWindowState(dataDir: string, limits: WindowSizeLimits): RestoredWindowState {
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    // First start, or a damaged file: open at the default size.
  }
  const saved = parseWindowState(raw);
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  return { placement: placeWindow(saved?.bounds ?? null, workAreas, limits), maximized: saved?.maximized ?? false };
}

export interface WindowStateMemory {
  /** Saves at once: quitting ends the process without the window's close event. */
  saveNow(): void;
  stop(): void;
}

/** Saves shortly after each move or resize, when the window closes, and when told to. */
export function rememberWindowState(window: BrowserWindow, dataDir: string): WindowStateMemory {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized()) return;
    const state = { version: 1, bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    const path = join(dataDir, WINDOW_STATE_FILE);
    try {
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    } catch {
      // Losing the window position is harmless; the next move tries again.
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const event of events) window.on(event as 'resize', saveSoon);
  window.on('close', save);
  return {
    saveNow: save,
    stop() {
      clearTimeout(timer);
      for (const event of events) window.off(event as 'resize', saveSoon);
      window.off('close', save);
    },
  };
}
