/**
 * Media with the REAL WhatsApp gateway (whatsapp-web.js in Debian's chromium) against the stand-in
 * WhatsApp Web, through the browser host: a customer's photo shows as a thumbnail and opens, a
 * voice note plays with its duration, a location links to the map, a PDF sent from a quick reply
 * arrives byte-identical, and a send while the window is closed is refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { JanelaApi } from '../../shared/bridge';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost } from './janela-host';
import { startStandIn, type StandIn } from '../wa-standin/index';

test.describe.configure({ mode: 'serial' });

const ana = { id: '5511911111111@c.us', name: 'Ana Souza' };
const carla = { id: '5511933333333@c.us', name: 'Carla Dias' };
const photo = readFileSync('resources/demo/bolo-de-cenoura.png');
const voice = readFileSync('resources/demo/audio-maria.wav');
const pdf = readFileSync('resources/demo/tabela-de-precos.pdf');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let standIn: StandIn;
let host: JanelaHost;

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

test.beforeAll(async () => {
  standIn = await startStandIn({ qrRotateMs: 0, autoAck: { upTo: 3, stepMs: 150 } });
  const now = Date.now();
  standIn.control.seedChats([
    { id: ana.id, name: ana.name, messages: [{ text: 'Oi! Tem bolo de cenoura hoje?', at: now - HOUR }] },
    { id: carla.id, name: carla.name, messages: [{ text: 'Obrigada!', at: now - 30 * HOUR }] },
  ]);
  host = new JanelaHost({ mode: null, lang: 'en', env: standIn.env });
  await host.start();
});

test.afterAll(async () => {
  await host?.stop();
  await standIn?.close();
});

test('a customer’s photo arrives through whatsapp-web.js, shows as a thumbnail and opens', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('img', { name: 'QR code to link WhatsApp' })).toBeVisible({ timeout: 30_000 });
  await standIn.control.scan();
  await expect(page.getByRole('button', { name: 'WhatsApp status: Connected' })).toBeVisible({ timeout: 20_000 });
  await expect(chatRow(page, ana.name)).toBeVisible();

  standIn.control.inbound({
    from: ana.id,
    name: 'Ana',
    text: 'Igual a este',
    media: { type: 'image', mimetype: 'image/png', data: photo.toString('base64') },
  });
  await expect(chatRow(page, ana.name)).toContainText('📷 Igual a este');
  await chatRow(page, ana.name).click();
  const log = page.getByRole('log');
  const thumbnail = log.getByRole('button', { name: 'Open photo' });
  await expect(thumbnail).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(() => thumbnail.locator('img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(320);
  await thumbnail.click();
  const viewer = page.getByRole('dialog', { name: 'Photo' });
  await expect(viewer.getByRole('img')).toBeVisible();
  const saved = await page.request.get(
    new URL((await viewer.getByRole('link', { name: 'Save as…' }).getAttribute('href')) ?? '', host.url).href,
  );
  expect(Buffer.from(await saved.body()).equals(photo)).toBe(true);
  await viewer.getByRole('button', { name: 'Close' }).click();
});

test('a voice note plays, with its duration', async ({ page }) => {
  await page.goto(host.url);
  standIn.control.inbound({
    from: ana.id,
    name: 'Ana',
    text: '',
    media: { type: 'ptt', mimetype: 'audio/wav', data: voice.toString('base64'), duration: 3 },
  });
  await expect(chatRow(page, ana.name)).toContainText('🎤 Voice message 0:03');
  await chatRow(page, ana.name).click();
  const player = page.getByRole('log').getByRole('group', { name: 'Voice message' });
  await expect(player.getByLabel('Duration 0:03')).toBeVisible({ timeout: 20_000 });
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  const audio = player.locator('audio');
  await expect
    .poll(() => audio.evaluate((element) => (element as unknown as { currentTime: number }).currentTime))
    .toBeGreaterThan(0.2);
  expect(await audio.evaluate((element) => Math.round((element as unknown as { duration: number }).duration))).toBe(3);
});

test('a location shows its name and links to the map', async ({ page }) => {
  await page.goto(host.url);
  standIn.control.inbound({
    from: ana.id,
    name: 'Ana',
    text: '',
    location: { latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé', address: 'São Paulo' },
  });
  await chatRow(page, ana.name).click();
  const log = page.getByRole('log');
  await expect(log).toContainText('Praça da Sé');
  await expect(log.getByRole('link', { name: 'Open map' })).toHaveAttribute(
    'href',
    'https://www.google.com/maps?q=-23.5505,-46.6333',
  );
});

test('a PDF sent from a quick reply arrives at WhatsApp byte-identical, once', async ({ page }) => {
  await page.goto(host.url);
  await chatRow(page, ana.name).click();
  await page.getByRole('tab', { name: 'Quick replies' }).click();
  await page.getByRole('button', { name: 'Manage quick replies' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quick replies' });
  await dialog.getByRole('button', { name: 'New quick reply' }).click();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('tabela');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Tabela de preços');
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Segue a tabela, {{first_name}}');
  await dialog.getByTestId('quick-reply-file').setInputFiles('resources/demo/tabela-de-precos.pdf');
  await expect(dialog.getByRole('group', { name: 'Attachment', exact: true })).toContainText('tabela-de-precos.pdf');
  await dialog.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Quick reply saved.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await page.getByRole('textbox', { name: 'Message' }).fill('/tabela');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Attachment to send' })).toContainText('tabela-de-precos.pdf');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const bubble = page.getByRole('log').getByRole('listitem').filter({ hasText: 'Segue a tabela, Ana' });
  await expect(bubble.getByRole('img', { name: 'Read' })).toBeVisible({ timeout: 20_000 });
  const received = standIn.control.received().filter((message) => message.media);
  expect(received).toEqual([
    expect.objectContaining({
      to: ana.id,
      text: 'Segue a tabela, Ana',
      media: {
        type: 'document',
        mimetype: 'application/pdf',
        filename: 'tabela-de-precos.pdf',
        sha256: sha(pdf),
        size: pdf.length,
      },
    }),
  ]);
  // WhatsApp's echo of the send is linked to it, not shown twice.
  await expect(page.getByRole('log').getByRole('group', { name: 'tabela-de-precos.pdf' })).toHaveCount(1);
});

test('a message the customer deletes for everyone shows as deleted, its text gone', async ({ page }) => {
  await page.goto(host.url);
  const id = standIn.control.inbound({ from: ana.id, name: 'Ana', text: 'Mandei no chat errado' });
  await chatRow(page, ana.name).click();
  const log = page.getByRole('log');
  await expect(log).toContainText('Mandei no chat errado');
  standIn.control.revoke(ana.id, id);
  await expect(log).toContainText('This message was deleted');
  await expect(log).not.toContainText('Mandei no chat errado');
  await expect(chatRow(page, ana.name)).toContainText('🚫 This message was deleted');
});

test('a send while the window is closed is refused, and nothing reaches WhatsApp', async ({ page }) => {
  await page.goto(host.url);
  await chatRow(page, carla.name).click();
  await expect(page.getByRole('button', { name: 'Attach a file' })).toBeDisabled();
  const before = standIn.control.received().length;
  const outcome = await page.evaluate(
    async (attachment) =>
      (globalThis as unknown as { janela: JanelaApi }).janela
        .sendMedia({ chatId: '5511933333333@c.us', caption: '', attachment })
        .then(
          () => 'sent',
          (error: Error) => error.message,
        ),
    {
      kind: 'document' as const,
      sha256: sha(pdf),
      mimetype: 'application/pdf',
      filename: 'tabela-de-precos.pdf',
      size: pdf.length,
    },
  );
  expect(outcome).toMatch(/^window-closed/);
  expect(standIn.control.received()).toHaveLength(before);
});
