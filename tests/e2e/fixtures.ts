/** Each test gets its own browser host (own data folder, simulated WhatsApp, test control). */
import { test as base } from '@playwright/test';
import { JanelaHost } from './janela-host';

export const test = base.extend<{ host: JanelaHost }>({
  host: async ({}, use) => {
    const host = await new JanelaHost({ lang: 'en' }).start();
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
export const HOUR = 3_600_000;
