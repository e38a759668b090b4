import { describe, expect, it } from 'vitest';
import { parseWindowState, placeWindow, type Rect } from '../../../../electron/main/window-bounds';

const limits = { width: 1280, height: 800, minWidth: 900, minHeight: 600 };
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }; // minus a 40 px taskbar
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('opens at the default size, positioned by the OS, the first time', () => {
    expect(placeWindow(null, [laptop], limits)).toEqual({ width: 1280, height: 800 });
  });

  it('puts the window back exactly where it was when that is visible', () => {
    const saved = { x: 2100, y: 120, width: 1400, height: 900 };
    expect(placeWindow(saved, [laptop, rightMonitor], limits)).toEqual(saved);
  });

  it('brings back a window saved on a monitor that has since been unplugged', () => {
    const saved = { x: 2100, y: 120, width: 1400, height: 900 };
    expect(placeWindow(saved, [laptop], limits)).toEqual({ width: 1280, height: 800 });
  });

  it('slides a window hanging off the edge back inside the screen it mostly covers', () => {
    expect(placeWindow({ x: 1500, y: -200, width: 1000, height: 700 }, [laptop], limits)).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than a smaller new screen, but never below the minimum size', () => {
    const small: Rect = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow({ x: 0, y: 0, width: 1900, height: 1000 }, [small], limits)).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(placeWindow({ x: 0, y: 0, width: 1000, height: 700 }, [tiny], limits)).toMatchObject({
      width: 900,
      height: 600,
    });
  });

  it('works with displays left of or above the main one (negative coordinates)', () => {
    const left: Rect = { x: -1600, y: -300, width: 1600, height: 900 };
    expect(placeWindow({ x: -1500, y: -250, width: 1000, height: 700 }, [laptop, left], limits)).toEqual({
      x: -1500,
      y: -250,
      width: 1000,
      height: 700,
    });
  });

  it('ignores nonsense bounds', () => {
    expect(placeWindow({ x: Number.NaN, y: 0, width: 1000, height: 700 }, [laptop], limits)).toEqual({
      width: 1280,
      height: 800,
    });
    expect(placeWindow({ x: 0, y: 0, width: 0, height: 700 }, [laptop], limits)).toEqual({ width: 1280, height: 800 });
  });
});

describe('parseWindowState', () => {
  it('reads what window-state.ts writes', () => {
    const state = { version: 1, bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    expect(parseWindowState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('refuses a damaged file or one from a newer Janela', () => {
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{')).toBeNull();
    expect(parseWindowState({ version: 2, bounds: { x: 0, y: 0, width: 10, height: 10 } })).toBeNull();
    expect(parseWindowState({ version: 1, bounds: { x: '0', y: 0, width: 10, height: 10 } })).toBeNull();
  });
});
