/**
 * The attacks of issue 11, against the real browser host: none may take it down, and each rule they
 * probed (size limits, the window rule, unique ids, invisible messages) holds where a person sees it.
 */
import type { Page } from '@playwright/test';
import type { JanelaApi } from '../../shared/bridge';
import { closedWithin, hostileFrames, rawWebSocket } from '../unit/electron/host/hostile-frames';
import { expect, HOUR, test } from './fixtures';

const maria = { phone: '5511987654321', name: 'Maria Silva' };

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

test('every hostile WebSocket frame closes only its own socket; the app keeps working', async ({ page, host }) => {
  await page.goto(host.url);
  const port = Number(new URL(host.url).port);
  for (const [attack, bytes] of Object.entries(hostileFrames)) {
    const socket = await rawWebSocket(port);
    socket.write(bytes);
    expect(await closedWithin(socket, 5_000), attack).toBe(true);
    expect(host.running, attack).toBe(true);
  }
  await host.inbound({ ...maria, text: 'Oi, ainda estão abertos?' });
  await expect(chatRow(page, maria.name)).toContainText('Open');
  await expect(page.getByText('Lost contact with Janela')).toHaveCount(0);
});

test('a quick-reply file over the limit is refused with the limit, and the connection stays', async ({
  page,
  host,
}) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  await page.getByRole('tab', { name: 'Quick replies' }).click();
  await page.getByRole('button', { name: 'Manage quick replies' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quick replies' });
  // 7 million "€": under the command's character limit, 21 MB on the wire.
  await dialog.getByLabel('Quick replies file to import').setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.from('€'.repeat(7_000_000)),
  });
  await expect(dialog.getByRole('alert')).toHaveText(
    'That file is too large (21 MB): a quick-replies file can be up to 20 MB. Nothing was imported.',
  );
  expect(host.running).toBe(true);
  await expect(page.getByText('Lost contact with Janela')).toHaveCount(0);
  await host.inbound({ phone: '5521998765432', name: 'João Pereira', text: 'Bom dia' });
  await expect(chatRow(page, 'João Pereira')).toBeVisible();
});

test('a reaction does not reopen a closed window unless the shop says reactions count', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Oi!' });
  const row = chatRow(page, maria.name);
  await expect(row).toContainText('Open');
  await host.advanceClock(25 * HOUR);
  await expect(row).toContainText('Closed');

  await host.inbound({ ...maria, text: '👍', kind: 'reaction' });
  await row.click();
  await expect(page.getByRole('log')).toContainText('👍');
  await expect(row).toContainText('Closed');

  await page.evaluate(() =>
    (globalThis as unknown as { janela: JanelaApi }).janela.updateSettings({ reactionsRenewWindow: true }),
  );
  await host.inbound({ ...maria, text: '❤️', kind: 'reaction' });
  await expect(row).toContainText('Open');
});

test('after a restart a new customer message is recorded, never taken for a stored one', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Primeira mensagem' });
  await host.restart();
  await host.inbound({ ...maria, text: 'Segunda mensagem, depois de reiniciar' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  await expect(page.getByRole('log')).toContainText('Primeira mensagem');
  await expect(page.getByRole('log')).toContainText('Segunda mensagem, depois de reiniciar');
});

test('a message of only invisible characters cannot be sent', async ({ page, host }) => {
  await host.inbound({ ...maria, text: 'Oi' });
  await page.goto(host.url);
  await chatRow(page, maria.name).click();
  const message = page.getByRole('textbox', { name: 'Message' });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await message.fill('\u200B\u202E\u2060\u3164');
  await expect(send).toBeDisabled();
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as { janela: JanelaApi }).janela
      .sendMessage({ chatId: '5511987654321@c.us', text: '\u200B\u202E' })
      .then(
        () => 'sent',
        (error: Error) => error.message,
      ),
  );
  expect(outcome).toMatch(/^invalid-input/);
  await message.fill('Oi, Maria!');
  await expect(send).toBeEnabled();
  expect(await host.sent()).toEqual([]);
});

test('"Try the demo" is disabled while the demo opens, so a second press asks nothing', async ({ page, host }) => {
  await host.showStatus({ state: 'qr', qr: '2@qr' });
  // Hold the backend's answer to startDemo (and its events) until the test has seen the pending button.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const demoCalls: number[] = [];
  await page.routeWebSocket(/\/ws$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; name: string };
      if (frame.name === 'startDemo') demoCalls.push(frame.id);
      server.send(message);
    });
    // Everything the backend says once the demo was asked for waits, in order, until released.
    server.onMessage((message) => {
      if (demoCalls.length === 0) socket.send(message);
      else void released.then(() => socket.send(message));
    });
  });
  await page.goto(host.url);
  const tryDemo = page.getByRole('button', { name: 'Try the demo' });
  await tryDemo.click();
  await expect(tryDemo).toBeDisabled();
  await tryDemo.click({ force: true });
  release();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Maria Silva' })).toBeVisible();
  expect(demoCalls).toHaveLength(1);
});
