/** Each test gets its own browser host (own data folder, simulated WhatsApp, test control). */
import { test as base, type BrowserContext, type TestInfo } from '@playwright/test';
import { JanelaHost } from './janela-host';

export const test = base.extend<{ host: JanelaHost }>({
  host: async ({ context }, use, testInfo) => {
    const host = await new JanelaHost({ lang: 'en' }).start();
    await use(host);
    await closeBeforeHostStops(context, testInfo);
    await host.stop();
  },
});

/**
 * Playwright records a failed test's page (the error context) when its browser context closes, which
 * is after the test's host has stopped: every failure showed the "Lost contact with Janela" banner of
 * that stop, as if the page's link had dropped. Closing the context first records the page as it failed.
 */
export async function closeBeforeHostStops(context: BrowserContext, testInfo: TestInfo): Promise<void> {
  if (testInfo.status !== testInfo.expectedStatus) await context.close();
}

export { expect } from '@playwright/test';
export const HOUR = 3_600_000;
