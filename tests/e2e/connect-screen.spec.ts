/** The connect screen in every state the WhatsApp gateway reports, driven through test control. */
import { expect, test } from './fixtures';

test('shows each connection state, the QR image as it rotates, and the pairing code', async ({ page, host }) => {
  await host.showStatus({ state: 'starting' });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Link WhatsApp to Janela' })).toBeVisible();
  await expect(page.getByText('Starting WhatsApp Web')).toBeVisible();

  await host.showStatus({ state: 'qr', qr: '2@first-qr-code,abc,def' });
  const qr = page.getByRole('img', { name: 'QR code to link WhatsApp' });
  await expect(qr).toBeVisible();
  const firstQr = await qr.getAttribute('src');
  expect(firstQr).toMatch(/^data:image\/png;base64,/);
  await page.screenshot({ path: 'test-results/screens/connect-qr.png' });
  await host.showStatus({ state: 'qr', qr: '2@rotated-qr-code,ghi,jkl' });
  await expect.poll(() => qr.getAttribute('src')).not.toBe(firstQr);

  await page.getByRole('button', { name: 'Link with phone number instead' }).click();
  await page.getByRole('textbox', { name: /Shop’s phone number/ }).fill('5511987654321');
  await page.getByRole('button', { name: 'Get pairing code' }).click();
  await expect(page.getByText('JANE-LA42')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/connect-pairing.png' });

  const states: [Record<string, unknown>, RegExp][] = [
    [{ state: 'authenticating' }, /Checking the session/],
    [{ state: 'loading', percent: 42 }, /42%/],
    [
      { state: 'offline', reason: 'net::ERR_NAME_NOT_RESOLVED', retryAt: Date.now() + 30 * 24 * 3600_000 },
      /Offline, retrying in \d+ s/,
    ],
    [{ state: 'update-needed', reason: 'DEPRECATED_VERSION' }, /needs an update/],
    [{ state: 'blocked', reason: 'TOS_BLOCK' }, /blocked this number/],
    [{ state: 'no-browser' }, /Chrome|Chromium|Edge/],
    [{ state: 'disconnected', reason: 'CONFLICT' }, /CONFLICT/],
  ];
  for (const [status, text] of states) {
    await host.showStatus(status);
    await expect(page.getByRole('main').or(page.locator('.connect__card')).first()).toContainText(text);
  }
  await page.screenshot({ path: 'test-results/screens/connect-disconnected.png' });
});

test('the status indicator stays visible in the main view', async ({ page, host }) => {
  await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
  await page.goto(host.url);
  await expect(
    page
      .getByRole('button', { name: /WhatsApp status: Connected/ })
      .or(page.getByLabel(/WhatsApp status: Connected/))
      .first(),
  ).toBeVisible();
  await host.setConnected(false);
  await expect(page.getByLabel(/WhatsApp status: Offline/).first()).toBeVisible();
  // Stored chats stay usable while offline.
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/main-offline.png' });
  // The phone unlinked Janela: the QR code comes up by itself, and the chats are one click away.
  await host.showStatus({ state: 'qr', qr: '2@relink' });
  await expect(page.getByRole('img', { name: 'QR code to link WhatsApp' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to chats' }).click();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' })).toBeVisible();
});

test('"Try the demo" opens the sample shop, says it is a demo, and "Leave the demo" comes back', async ({
  page,
  host,
}) => {
  await host.showStatus({ state: 'qr', qr: '2@qr' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Beatriz Lima' })).toContainText('Closed');

  // The pill never claims a WhatsApp connection, and the connect screen offers no unlink.
  const pill = page.getByRole('button', { name: 'WhatsApp status: Demo' });
  await expect(pill).toBeVisible();
  await pill.click();
  await expect(page.getByText('You are looking at a sample shop')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlink this computer' })).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/connect-demo.png' });

  await page.getByRole('main').getByRole('button', { name: 'Leave the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Link WhatsApp to Janela' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Leave the demo' })).toBeHidden();
});

test('with nothing linked there is nothing to unlink, and a blocked account says how to retry', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'WhatsApp status: Connected' }).click();
  await page.getByRole('button', { name: 'Unlink this computer' }).click();
  await page.getByRole('dialog', { name: 'Unlink this computer?' }).getByRole('button', { name: 'Unlink' }).click();
  await expect(page.getByRole('button', { name: 'WhatsApp status: Disconnected' })).toBeVisible();
  // Once unlinked, a later failure to connect offers no unlink: there is nothing left to unlink.
  await host.showStatus({ state: 'disconnected', reason: 'NAVIGATION' });
  await expect(page.getByText(/NAVIGATION/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlink this computer' })).toBeHidden();

  await host.showStatus({ state: 'blocked', reason: 'TOS_BLOCK' });
  await expect(page.getByText(/will not try again on its own.*then press Reconnect/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reconnect' })).toBeVisible();
});

test('"Unlink this computer" asks first, then logs WhatsApp out', async ({ page, host }) => {
  await host.inbound({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'WhatsApp status: Connected' }).click();
  await page.getByRole('button', { name: 'Unlink this computer' }).click();
  const confirm = page.getByRole('dialog', { name: 'Unlink this computer?' });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/connect-unlink.png' });
  await confirm.getByRole('button', { name: 'Unlink', exact: true }).click();
  await expect(page.getByRole('button', { name: 'WhatsApp status: Disconnected' })).toBeVisible();
  await expect(page.getByText(/LOGOUT/)).toBeVisible();
});
