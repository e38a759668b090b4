/**
 * Records, inside the page, every delivery status the reply with a given text shows, however
 * briefly: a reload-and-reconnect can pass in under a second, faster than a test polls.
 */
import type { Page } from '@playwright/test';

// The page's DOM, typed structurally: the e2e tsconfig has no DOM library.
interface ElementLike {
  textContent: string | null;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}
interface PageGlobals {
  document: { body: unknown; querySelectorAll(selector: string): Iterable<ElementLike> };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
  tickStatuses?: string[];
}

export async function recordTickStatuses(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const globals = globalThis as unknown as PageGlobals;
    const seen: string[] = [];
    globals.tickStatuses = seen;
    const look = () => {
      const statuses = [...globals.document.querySelectorAll('[role="log"] li')]
        .filter((item) => item.textContent?.includes(wanted))
        .map((item) => item.querySelector('[data-status]')?.getAttribute('data-status') ?? '');
      // More than one bubble with the text would be a duplicate: record it as such.
      const status = statuses.join('+');
      if (status && seen.at(-1) !== status) seen.push(status);
    };
    new globals.MutationObserver(look).observe(globals.document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  }, text);
}

/** The statuses recorded since recordTickStatuses, in order, without repeats. */
export function tickStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).tickStatuses ?? []);
}
