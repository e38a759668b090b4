/**
 * Photos, voice notes, documents and the rest, as staff see and send them in the browser host:
 * every kind's display, downloads that fail, sending an attachment inside the window only, a quick
 * reply's attachment, and screenshots of a conversation with every kind in both languages.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { JanelaApi } from '../../shared/bridge';
import { expect, HOUR, test } from './fixtures';
import { JanelaHost, type InboundMedia } from './janela-host';

// Browser classes used inside page functions; the node tsconfig that checks this file has no DOM types.
declare const DataTransfer: new () => { items: { add(file: File): void } };
declare const DragEvent: new (type: string, init: Record<string, unknown>) => Event;
declare const ClipboardEvent: new (type: string, init: Record<string, unknown>) => Event;

const maria = { phone: '5511987654321', name: 'Maria Silva' };
const ana = { phone: '5531976543210', name: 'Ana Souza' };
const demo = (name: string) => readFileSync(`resources/demo/${name}`);
const photo = demo('bolo-de-cenoura.png');
const voice = demo('audio-maria.wav');
const pdf = demo('tabela-de-precos.pdf');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const photoMedia: InboundMedia = {
  kind: 'image',
  mimetype: 'image/png',
  filename: 'bolo.png',
  base64: photo.toString('base64'),
};
const voiceMedia: InboundMedia = {
  kind: 'voice',
  mimetype: 'audio/wav',
  base64: voice.toString('base64'),
  durationSec: 3,
};
const pdfMedia: InboundMedia = {
  kind: 'document',
  mimetype: 'application/pdf',
  filename: 'orcamento.pdf',
  base64: pdf.toString('base64'),
};

function chatRow(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function openChat(page: Page, name: string) {
  await chatRow(page, name).click();
  return page.getByRole('log');
}

test('a customer’s photo shows as a thumbnail, opens in a viewer with zoom and Save as', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Igual a este', media: photoMedia });
  await expect(chatRow(page, maria.name)).toContainText('📷 Igual a este');
  const log = await openChat(page, maria.name);
  const thumbnail = log.getByRole('button', { name: 'Open photo' });
  await expect(thumbnail).toBeVisible();
  await expect(log).toContainText('Igual a este');
  await expect
    .poll(() =>
      thumbnail
        .locator('img')
        .evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth),
    )
    .toBe(320);

  await thumbnail.click();
  const viewer = page.getByRole('dialog', { name: 'Photo' });
  await expect(viewer).toBeVisible();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer).toContainText('150%');
  await page.screenshot({ path: 'test-results/screens/media-viewer-en.png' });
  const save = viewer.getByRole('link', { name: 'Save as…' });
  await expect(save).toHaveAttribute('download', 'bolo.png');
  const response = await page.request.get(new URL((await save.getAttribute('href')) ?? '', host.url).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="bolo.png"/);
  expect(Buffer.from(await response.body()).equals(photo)).toBe(true);
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
});

test('a voice note plays with its duration and speeds up to 1.5× and 2×', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, media: voiceMedia });
  await expect(chatRow(page, maria.name)).toContainText('🎤 Voice message 0:03');
  const log = await openChat(page, maria.name);
  const player = log.getByRole('group', { name: 'Voice message' });
  await expect(player.getByLabel('Duration 0:03')).toBeVisible();
  await player.getByRole('button', { name: 'Playback speed 1.5×' }).click();
  await expect(player.getByRole('button', { name: 'Playback speed 2×' })).toHaveText('1.5×');
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  const audio = player.locator('audio');
  await expect
    .poll(() => audio.evaluate((element) => (element as unknown as { currentTime: number }).currentTime))
    .toBeGreaterThan(0.2);
  expect(await audio.evaluate((element) => (element as unknown as { playbackRate: number }).playbackRate)).toBe(1.5);
  expect(await audio.evaluate((element) => Math.round((element as unknown as { duration: number }).duration))).toBe(3);
});

test('a document shows its name, type and size, and downloads as a file', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, media: pdfMedia });
  await expect(chatRow(page, maria.name)).toContainText('📄 orcamento.pdf');
  const log = await openChat(page, maria.name);
  const card = log.getByRole('group', { name: 'orcamento.pdf' });
  await expect(card).toContainText('PDF · 1 KB');
  // The browser host cannot hand files to the system: a download instead of "Open".
  await expect(card.getByRole('button', { name: 'Open' })).toHaveCount(0);
  const download = card.getByRole('link', { name: 'Download' });
  const response = await page.request.get(new URL((await download.getAttribute('href')) ?? '', host.url).href);
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="orcamento.pdf"/);
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);
});

test('an SVG or HTML file from a customer is never shown inline', async ({ page, host }) => {
  await page.goto(host.url);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
  await host.inbound({
    ...maria,
    media: { kind: 'image', mimetype: 'image/svg+xml', filename: 'x.svg', base64: Buffer.from(svg).toString('base64') },
  });
  const log = await openChat(page, maria.name);
  await expect(log.getByRole('button', { name: 'Open photo' })).toHaveCount(0);
  const link = log.getByRole('group', { name: 'x.svg' }).getByRole('link', { name: 'Download' });
  const response = await page.request.get(new URL((await link.getAttribute('href')) ?? '', host.url).href);
  expect(response.headers()['content-type']).toBe('application/octet-stream');
  expect(response.headers()['content-disposition']).toMatch(/^attachment/);
  // Only files of the media folder, by a valid address.
  expect((await page.request.get(`${host.origin}/media/..%2F..%2Fjanela.json`)).status()).toBe(404);
  expect((await page.request.get(`${host.origin}/media/${'0'.repeat(64)}`)).status()).toBe(404);
});

test('location, contact card, deleted and view-once messages show as such', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...ana, text: 'Oi' });
  await host.inbound({
    ...maria,
    media: { kind: 'location', location: { latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé' } },
  });
  await host.inbound({ ...maria, media: { kind: 'contact', contact: [{ name: 'Ana Souza', phone: ana.phone }] } });
  await host.inbound({ ...maria, media: { kind: 'deleted' } });
  await host.inbound({ ...maria, media: { kind: 'view-once', mimetype: 'image/jpeg' } });
  const log = await openChat(page, maria.name);
  await expect(log).toContainText('Praça da Sé');
  await expect(log.getByRole('link', { name: 'Open map' })).toHaveAttribute(
    'href',
    'https://www.google.com/maps?q=-23.5505,-46.6333',
  );
  await expect(log).toContainText('This message was deleted');
  await expect(log).toContainText('View once: open it on the phone');
  await expect(log).toContainText('+55 31 97654-3210');
  await log.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('log', { name: `Messages with ${ana.name}` })).toBeVisible();
});

test('a download WhatsApp does not hand over shows “try again”, never a broken image', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, media: { kind: 'image', mimetype: 'image/jpeg' } });
  const log = await openChat(page, maria.name);
  await expect(log).toContainText('Could not download this file');
  await expect(log.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(log.locator('img')).toHaveCount(0);
  await log.getByRole('button', { name: 'Try again' }).click();
  await expect(log.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('staff attach a photo with a caption and send it inside the window, never after', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Tem foto do bolo?' });
  await openChat(page, maria.name);
  await page.getByTestId('composer-file').setInputFiles('resources/demo/bolo-de-cenoura.png');
  const preview = page.getByRole('group', { name: 'Attachment to send' });
  await expect(preview).toContainText('bolo-de-cenoura.png');
  await page.getByRole('textbox', { name: 'Message' }).fill('Este aqui, Maria?');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => host.sent())
    .toEqual([
      expect.objectContaining({
        phone: maria.phone,
        text: 'Este aqui, Maria?',
        media: { kind: 'image', mimetype: 'image/png', filename: 'bolo-de-cenoura.png', sha256: sha(photo) },
      }),
    ]);
  await expect(preview).toBeHidden();
  const log = page.getByRole('log');
  await expect(log.getByRole('button', { name: 'Open photo' })).toBeVisible();
  await expect(log).toContainText('Este aqui, Maria?');
  await expect(log.getByRole('img', { name: /read/i })).toBeVisible();
  // Sent once: the echo WhatsApp reports is linked, not recorded again.
  await expect(log.getByRole('button', { name: 'Open photo' })).toHaveCount(1);

  await host.advanceClock(25 * HOUR);
  await expect(page.getByRole('button', { name: 'Attach a file' })).toBeDisabled();
  const outcome = await page.evaluate(
    async (attachment) =>
      (globalThis as unknown as { janela: JanelaApi }).janela
        .sendMedia({ chatId: '5511987654321@c.us', caption: '', attachment })
        .then(
          () => 'sent',
          (error: Error) => error.message,
        ),
    { kind: 'image' as const, sha256: sha(photo), mimetype: 'image/png', filename: 'x.png', size: photo.length },
  );
  expect(outcome).toMatch(/^window-closed/);
});

test('a quick reply carries a PDF: inserted, it is sent with its text', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Manda a tabela?' });
  await openChat(page, maria.name);
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
  const textbox = page.getByRole('textbox', { name: 'Message' });
  await textbox.fill('/tabela');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Attachment to send' })).toContainText('tabela-de-precos.pdf');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => host.sent())
    .toEqual([
      expect.objectContaining({
        text: 'Segue a tabela, Maria',
        media: {
          kind: 'document',
          mimetype: 'application/pdf',
          filename: 'tabela-de-precos.pdf',
          sha256: sha(pdf),
        },
      }),
    ]);
  await expect(page.getByRole('log').getByRole('group', { name: 'tabela-de-precos.pdf' })).toBeVisible();
});

test('a file dropped on the composer, or an image pasted, waits as the attachment to send', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, text: 'Oi' });
  await openChat(page, maria.name);
  const base64 = pdf.toString('base64');
  await page.locator('.composer').evaluate((composer, data) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'pedido.pdf', { type: 'application/pdf' }));
    composer.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    composer.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, base64);
  const preview = page.getByRole('group', { name: 'Attachment to send' });
  await expect(preview).toContainText('pedido.pdf');
  await preview.getByRole('button', { name: 'Remove attachment' }).click();
  await expect(preview).toBeHidden();

  await page.getByRole('textbox', { name: 'Message' }).evaluate((textbox, data) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    textbox.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, photo.toString('base64'));
  await expect(preview).toContainText('image.png');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => host.sent())
    .toEqual([
      expect.objectContaining({ text: '', media: expect.objectContaining({ kind: 'image', sha256: sha(photo) }) }),
    ]);
});

test('media settings: the per-file cap (16 MB by default) keeps big files out, shown as “not downloaded — download”', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const cap = dialog.getByRole('spinbutton', { name: 'Largest file to download or send (MB)' });
  await expect(cap).toHaveValue('16');
  await expect(dialog.getByRole('spinbutton', { name: 'Delete media older than (days, empty to keep)' })).toHaveValue(
    '',
  );
  await expect(dialog.getByRole('spinbutton', { name: 'Space for media (MB, empty for no limit)' })).toHaveValue('');
  await cap.fill('1');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const big = Buffer.alloc(1024 * 1024 + 100, 7);
  await host.inbound({
    ...maria,
    media: { kind: 'document', mimetype: 'application/pdf', filename: 'grande.pdf', base64: big.toString('base64') },
  });
  const log = await openChat(page, maria.name);
  await expect(log).toContainText('Not downloaded: larger than the limit in Settings');
  await expect(log.getByRole('button', { name: 'Download' })).toBeVisible();

  await page
    .getByTestId('composer-file')
    .setInputFiles({ name: 'grande.pdf', mimeType: 'application/pdf', buffer: big });
  await expect(page.getByRole('alert')).toContainText('over the per-file limit');
  await expect(page.getByRole('group', { name: 'Attachment to send' })).toHaveCount(0);
});

test('a video plays in place, with the player’s controls', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({
    ...maria,
    text: 'Olha o vídeo',
    media: {
      kind: 'video',
      mimetype: 'video/mp4',
      filename: 'bolo.mp4',
      base64: Buffer.from('not a real mp4').toString('base64'),
    },
  });
  await expect(chatRow(page, maria.name)).toContainText('🎥 Olha o vídeo');
  const log = await openChat(page, maria.name);
  const video = log.getByLabel('Video', { exact: true });
  await expect(video).toBeVisible();
  await expect(video).toHaveAttribute('controls', '');
  expect(await video.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}\?type=video%2Fmp4&name=bolo.mp4$/);
});

test('a sticker shows as a picture, without a viewer', async ({ page, host }) => {
  await page.goto(host.url);
  await host.inbound({ ...maria, media: { kind: 'sticker', mimetype: 'image/png', base64: photo.toString('base64') } });
  await expect(chatRow(page, maria.name)).toContainText('Sticker');
  const log = await openChat(page, maria.name);
  await expect(log.getByRole('img', { name: 'Sticker' })).toBeVisible();
  await expect(log.getByRole('button', { name: 'Open photo' })).toHaveCount(0);
});

test('the demo shop has photos, a voice note and a price list', async ({ page }) => {
  const demoHost = await new JanelaHost({ mode: '--demo', lang: 'pt-BR' }).start();
  try {
    await page.goto(demoHost.url);
    await expect(chatRow(page, 'Maria Silva')).toContainText('🎤 Áudio 0:03');
    const log = await openChat(page, 'Maria Silva');
    await expect(log.getByRole('button', { name: 'Abrir foto' })).toBeVisible();
    await expect(log.getByRole('group', { name: 'Mensagem de voz' })).toBeVisible();
    await openChat(page, 'Ana Souza');
    await expect(page.getByRole('log').getByRole('group', { name: 'tabela-de-precos.pdf' })).toContainText('PDF');
    await openChat(page, 'Luiza Costa');
    await expect(page.getByRole('log')).toContainText('Praça da Sé');
    await page.screenshot({ path: 'test-results/screens/media-demo-pt-BR.png' });
  } finally {
    await demoHost.stop();
  }
});

for (const lang of ['en', 'pt-BR'] as const) {
  test(`screenshot: a conversation with every kind (${lang})`, async ({ page }) => {
    const host = await new JanelaHost({ lang }).start();
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(host.url);
      await host.inbound({ ...ana, text: 'Oi' });
      await host.inbound({ ...maria, text: 'Oi! Quero um bolo igual a este' });
      await host.inbound({ ...maria, text: 'Igual a este', media: photoMedia });
      await host.inbound({ ...maria, media: voiceMedia });
      await host.inbound({ ...maria, media: pdfMedia });
      await host.inbound({ ...maria, media: { kind: 'sticker', mimetype: 'image/png', base64: photoMedia.base64 } });
      await host.inbound({
        ...maria,
        media: { kind: 'location', location: { latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé' } },
      });
      await host.inbound({ ...maria, media: { kind: 'contact', contact: [{ name: 'Ana Souza', phone: ana.phone }] } });
      await host.inbound({ ...maria, media: { kind: 'deleted' } });
      await host.inbound({ ...maria, media: { kind: 'view-once', mimetype: 'image/jpeg' } });
      await host.inbound({ ...maria, media: { kind: 'image', mimetype: 'image/jpeg' } });
      await chatRow(page, maria.name).click();
      await page.getByTestId('composer-file').setInputFiles('resources/demo/tabela-de-precos.pdf');
      await page.getByRole('button', { name: lang === 'en' ? 'Send' : 'Enviar', exact: true }).click();
      await expect(page.getByRole('log').locator('audio')).toHaveCount(1);
      await expect(page.getByRole('log').locator('.media-document')).toHaveCount(2);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `test-results/screens/media-${lang}.png` });
      await page.getByRole('log').evaluate((element) => (element.scrollTop = 0));
      await page.screenshot({ path: `test-results/screens/media-${lang}-top.png` });
    } finally {
      await host.stop();
    }
  });
}
