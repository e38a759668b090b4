/**
 * Where the main window reopens: the size and position it had, kept on a screen that still exists.
 * Pure (no electron import) so the rules run under vitest; window-state.ts feeds it the displays.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  version: 1;
  bounds: Rect;
  maximized: boolean;
}

export interface WindowSizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** What to give BrowserWindow: a size, and a position only when one is known to be visible. */
export type WindowPlacement = { width: number; height: number; x?: number; y?: number };

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * The saved bounds moved onto the display they overlap most, shrunk to fit its work area (never
 * below the minimum size) and slid fully inside it. A window saved on a monitor that is gone gets
 * the default size and no position, so the OS centres it on the main display.
 */
export function placeWindow(saved: Rect | null, workAreas: readonly Rect[], limits: WindowSizeLimits): WindowPlacement {
  const fallback = { width: limits.width, height: limits.height };
  const [primary] = workAreas;
  if (!primary) return fallback;
  if (!saved || !isUsableRect(saved)) return fitSize(fallback, primary, limits);

  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return fitSize(fallback, primary, limits);

  const { width, height } = fitSize(saved, best, limits);
  return {
    width,
    height,
    x: Math.round(clamp(saved.x, best.x, best.x + best.width - width)),
    y: Math.round(clamp(saved.y, best.y, best.y + best.height - height)),
  };
}

function fitSize(size: { width: number; height: number }, area: Rect, limits: WindowSizeLimits) {
  return {
    width: Math.round(clamp(size.width, limits.minWidth, area.width)),
    height: Math.round(clamp(size.height, limits.minHeight, area.height)),
  };
}

function isUsableRect(rect: Rect): boolean {
  return [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) && rect.width > 0 && rect.height > 0;
}

/** A state file that is missing, damaged or from a newer Janela is simply not used. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (raw === null || typeof raw !== 'object') return null;
  const { version, bounds, maximized } = raw as Partial<WindowState>;
  if (version !== 1 || !bounds || typeof bounds !== 'object') return null;
  const rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
  if (!Object.values(rect).every((value) => typeof value === 'number') || !isUsableRect(rect as Rect)) return null;
  return { version: 1, bounds: rect as Rect, maximized: maximized === true };
}
