/**
 * Small layout choices remembered on this computer (list width, side panel shown): localStorage,
 * read once. Storage can be missing or full (private windows, tests): the default is used then.
 */
export function readRemembered<T>(key: string, parse: (raw: string) => T | undefined, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (raw === null || raw === undefined) return fallback;
    return parse(raw) ?? fallback;
  } catch {
    return fallback;
  }
}

export function remember(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not remembered this time; the layout still works.
  }
}
