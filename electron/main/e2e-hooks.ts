/**
 * Test-only hooks for the Playwright Electron specs, registered only with --test-control
 * (Mattermost's maybeRegisterE2eHooks). The specs reach them with
 * `app.evaluate(() => globalThis.__janelaE2e…)`, running in the main process.
 */
import type { AttentionNotification } from '../backend/notifications/attention-policy';
import type { DesktopAttention } from './desktop-attention';
import type { JanelaTray } from './tray';

export interface JanelaE2eHooks {
  tray: {
    tooltip(): string;
    menuLabels(): string[];
    /** Runs the menu item's click handler, as a click on it would. */
    clickMenuItem(label: string): boolean;
  };
  attention: {
    shown(): AttentionNotification[];
    /** Emits `click` on the shown notification for this chat, as the OS does. */
    clickNotification(chatId: string): boolean;
    badgeCount(): number;
  };
}

export const E2E_HOOKS_GLOBAL = '__janelaE2e';

export function registerE2eHooks(parts: { tray: JanelaTray; attention: DesktopAttention }): void {
  const hooks: JanelaE2eHooks = {
    tray: {
      tooltip: () => parts.tray.tooltip(),
      menuLabels: () =>
        parts.tray
          .menu()
          .items.filter((item) => item.type !== 'separator')
          .map((item) => item.label),
      clickMenuItem(label) {
        const item = parts.tray.menu().items.find((candidate) => candidate.label === label);
        if (!item) return false;
        item.click();
        return true;
      },
    },
    attention: {
      shown: () => parts.attention.shown().map(({ notification: _shown, ...decided }) => decided),
      clickNotification(chatId) {
        const entry = parts.attention.shown().find((candidate) => candidate.chatId === chatId);
        entry?.notification.emit('click');
        return entry !== undefined;
      },
      badgeCount: () => parts.attention.badgeCount(),
    },
  };
  (globalThis as Record<string, unknown>)[E2E_HOOKS_GLOBAL] = hooks;
}
