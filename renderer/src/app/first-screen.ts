/**
 * Resolves once the window's first screen is committed. The chats after the snapshot's head wait
 * for it: a page merged while React renders the first screen as a transition makes React start
 * over synchronously (a zustand update cannot be rendered in slices), one long task again.
 */
let markShown: () => void = () => undefined;

export const firstScreenShown = new Promise<void>((resolve) => {
  markShown = resolve;
});

export function markFirstScreenShown(): void {
  markShown();
}
