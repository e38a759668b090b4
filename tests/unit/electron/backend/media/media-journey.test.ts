/**
 * Media through the whole backend over the simulated WhatsApp: downloads on arrival and on first
 * view, "try again", the cap, pruning, sending an attachment through the outbox, quick-reply
 * attachments in export and import.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../../../electron/backend/backend';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { EventHub } from '../../../../../electron/backend/event-hub';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { openMediaStore, type MediaStore } from '../../../../../electron/backend/media/media-store';
import { createNoticeBoard } from '../../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import { errorCodeOf } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import type { ChatMessage } from '../../../../../shared/domain';
import type { MediaInfo } from '../../../../../shared/media/media-kind';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const maria = '5511987654321@c.us';
const start = Date.UTC(2026, 10, 25, 13, 0, 0);
const photo = Buffer.from('\x89PNG fake photo bytes');
const photoSha = createHash('sha256').update(photo).digest('hex');
const imageInfo: MediaInfo = { kind: 'image', mimetype: 'image/png', download: 'not-downloaded' };

interface World {
  backend: Backend;
  store: JanelaStore;
  media: MediaStore;
  gateway: SimulatedGateway;
  clock: AdjustableClock;
  pushed: ChatMessage[];
  dataDir: string;
}

const open: World[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.backend.close();
});

async function world(
  dataDir = mkdtempSync(join(tmpdir(), 'janela-media-')),
  openWithSystem?: (file: string) => Promise<void>,
): Promise<World> {
  const clock = createManualClock(start);
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => emptyStoreData({ ...defaultSettings('America/Sao_Paulo', 'en'), sendIntervalMs: 0 }),
  });
  const media = await openMediaStore({ dataDir, clock });
  const gateway = new SimulatedGateway({ clock, ackDelaysMs: [5, 10, 15] });
  const hub = new EventHub();
  const pushed: ChatMessage[] = [];
  hub.subscribe((name, payload) => {
    if (name === 'messageChanged') pushed.push((payload as { message: ChatMessage }).message);
  });
  const backend = createBackend({
    store,
    gateway,
    clock,
    hub,
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
    media,
    ...(openWithSystem ? { openWithSystem } : {}),
  });
  await backend.start();
  const w = { backend, store, media, gateway, clock, pushed, dataDir };
  open.push(w);
  return w;
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

const latest = (w: World, id: string) => w.store.getMessage(maria, id);

function receivePhoto(w: World, withBytes = true, info: MediaInfo = imageInfo) {
  return w.gateway.receive({
    phone: '5511987654321',
    name: 'Maria Silva',
    text: 'Igual a este',
    kind: 'media',
    media: {
      info: { ...info, caption: 'Igual a este' },
      ...(withBytes ? { file: { data: photo.toString('base64'), mimetype: 'image/png' } } : {}),
    },
  });
}

describe('receiving', () => {
  it('records the attachment and downloads a live one at once, into the media folder', async () => {
    const w = await world();
    const message = receivePhoto(w);
    await waitFor(() => latest(w, message.waId)?.media?.download === 'ok');
    expect(latest(w, message.waId)?.media).toMatchObject({
      sha256: photoSha,
      size: photo.length,
      caption: 'Igual a este',
    });
    expect((await w.media.read(photoSha))?.equals(photo)).toBe(true);
    expect(w.pushed.at(-1)?.media?.download).toBe('ok');
    expect(w.store.data.contacts[maria]?.lastMessage?.media?.kind).toBe('image');
  });

  it('a catch-up attachment waits for its first view, then downloads', async () => {
    const w = await world();
    const message = receivePhoto(w);
    // What catch-up brings is not fetched by itself.
    const caughtUp = { ...message, waId: 'caught-up-1', catchUp: true };
    w.gateway.emit('message', caughtUp);
    await waitFor(() => latest(w, message.waId)?.media?.download === 'ok');
    expect(latest(w, 'caught-up-1')?.media?.download).toBe('not-downloaded');
  });

  it('a download WhatsApp does not hand over is "failed", and works on "try again" once it does', async () => {
    const w = await world();
    const message = receivePhoto(w, false);
    await waitFor(() => latest(w, message.waId)?.media?.download === 'failed');
    const retried = await w.backend.handlers.downloadMedia({ chatId: maria, messageId: message.waId });
    expect(retried.media?.download).toBe('failed');
    receivePhoto(w); // WhatsApp now has bytes for a message; give the first one its file too
    (w.gateway as unknown as { files: Map<string, unknown> }).files.set(message.waId, {
      data: photo.toString('base64'),
    });
    const ok = await w.backend.handlers.downloadMedia({ chatId: maria, messageId: message.waId });
    expect(ok.media).toMatchObject({ download: 'ok', sha256: photoSha });
  });

  it('over the per-file cap: "too large", nothing stored', async () => {
    const w = await world();
    await w.backend.handlers.updateSettings({ mediaMaxFileMb: 1 });
    const message = receivePhoto(w, true, { ...imageInfo, size: 2 * 1024 * 1024 });
    await waitFor(() => latest(w, message.waId)?.media?.download === 'too-large');
    expect(w.media.usage().files).toBe(0);
  });

  it('"delete media older than N days" removes old files, which then show as deleted locally', async () => {
    const w = await world();
    const message = receivePhoto(w);
    await waitFor(() => latest(w, message.waId)?.media?.download === 'ok');
    const kept = await w.backend.handlers.uploadMedia({
      base64: Buffer.from('%PDF price list').toString('base64'),
      mimetype: 'application/pdf',
      filename: 'tabela.pdf',
    });
    await w.backend.handlers.saveQuickReply({
      id: 'qr-tabela',
      shortcut: 'tabela',
      title: 'Tabela',
      text: 'Segue a tabela',
      attachment: kept,
    });
    w.clock.advance(31 * DAY);
    await w.backend.handlers.updateSettings({ mediaDeleteAfterDays: 30 });
    await waitFor(() => !w.media.has(photoSha));
    expect(w.media.has(kept.sha256)).toBe(true);
    const page = await w.backend.handlers.getConversation({ chatId: maria, limit: 50 });
    expect(page.messages.find((m) => m.id === message.waId)?.media).toMatchObject({ download: 'deleted-locally' });
    expect(page.messages.find((m) => m.id === message.waId)?.media?.sha256).toBeUndefined();
  });
});

describe('deleted for everyone', () => {
  it('the message loses its text and attachment and shows as deleted, also in the chat list', async () => {
    const w = await world();
    const message = receivePhoto(w);
    await waitFor(() => latest(w, message.waId)?.media?.download === 'ok');
    w.gateway.emit('revoked', { chatId: maria, waId: message.waId });
    expect(latest(w, message.waId)).toMatchObject({ kind: 'media', text: '', media: { kind: 'deleted' } });
    expect(latest(w, message.waId)?.media?.caption).toBeUndefined();
    expect(w.store.data.contacts[maria]?.lastMessage).toMatchObject({ text: '', media: { kind: 'deleted' } });
    expect(w.pushed.at(-1)?.media?.kind).toBe('deleted');
    // Unknown or already deleted: nothing happens.
    w.gateway.emit('revoked', { chatId: maria, waId: 'unknown' });
    w.gateway.emit('revoked', { chatId: maria, waId: message.waId });
  });
});

describe('sending an attachment', () => {
  async function upload(w: World) {
    return w.backend.handlers.uploadMedia({
      base64: photo.toString('base64'),
      mimetype: 'image/png',
      filename: '../../bolo.png',
    });
  }

  it('goes through the outbox like text: pending, sent, read; its echo is linked, not recorded twice', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Tem foto?' });
    const attachment = await upload(w);
    expect(attachment).toEqual({
      kind: 'image',
      sha256: photoSha,
      mimetype: 'image/png',
      filename: 'bolo.png',
      size: photo.length,
    });
    const sent = await w.backend.handlers.sendMedia({ chatId: maria, caption: 'Este aqui', attachment });
    expect(sent).toMatchObject({ kind: 'media', text: 'Este aqui', status: 'pending', media: { sha256: photoSha } });
    await waitFor(() => w.gateway.sent.length === 1);
    expect(w.gateway.sent[0]).toMatchObject({
      text: 'Este aqui',
      media: { kind: 'image', mimetype: 'image/png', filename: 'bolo.png', sha256: photoSha },
    });
    const waId = w.gateway.sent[0]?.waId ?? '';
    w.gateway.emit('message', {
      waId,
      chatId: maria,
      fromMe: true,
      kind: 'media',
      text: 'Este aqui',
      at: w.clock.now(),
      contactName: null,
      media: { ...imageInfo, caption: 'Este aqui' },
    });
    await waitFor(() => latest(w, sent.id)?.status === 'read');
    const page = await w.backend.handlers.getConversation({ chatId: maria, limit: 50 });
    expect(page.messages.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('is refused when the window is closed, when WhatsApp needs the phone again, or when the file is not stored', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
    const attachment = await upload(w);
    const refusal = async (run: () => unknown) => {
      try {
        await run();
        return 'sent';
      } catch (error) {
        return errorCodeOf(error);
      }
    };
    const send = () => w.backend.handlers.sendMedia({ chatId: maria, caption: '', attachment });
    expect(
      await refusal(() =>
        w.backend.handlers.sendMedia({
          chatId: maria,
          caption: '',
          attachment: { ...attachment, sha256: 'b'.repeat(64) },
        }),
      ),
    ).toBe('media-unavailable');
    // Offline it waits in the outbox like a text; only a WhatsApp that must be linked again refuses.
    w.gateway.showStatus({ state: 'qr', qr: '2@relink' });
    expect(await refusal(send)).toBe('not-connected');
    w.gateway.setConnection(true);
    w.clock.advance(25 * HOUR);
    expect(await refusal(send)).toBe('window-closed');
    expect(w.gateway.sent).toHaveLength(0);
  });

  it('a queued attachment whose window closes before it goes out is failed, not sent', async () => {
    const w = await world();
    w.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
    w.clock.advance(24 * HOUR - 1000);
    const attachment = await upload(w);
    w.gateway.setConnection(false);
    w.gateway.setConnection(true);
    w.store.update((data) => void (data.settings.sendIntervalMs = 300));
    await w.backend.handlers.sendMessage({ chatId: maria, text: 'primeiro' });
    const second = await w.backend.handlers.sendMedia({ chatId: maria, caption: '', attachment });
    w.clock.advance(2000);
    await waitFor(() => latest(w, second.id)?.status === 'failed');
    expect(w.gateway.sent.filter((s) => s.media)).toHaveLength(0);
  });

  it('a queued attachment survives a restart and goes out once, with its file', async () => {
    const first = await world();
    first.gateway.receive({ phone: '5511987654321', name: 'Maria Silva', text: 'Oi' });
    const attachment = await upload(first);
    first.store.update((data) => void (data.settings.sendIntervalMs = 60_000));
    const text = await first.backend.handlers.sendMessage({ chatId: maria, text: 'primeiro' });
    const queued = await first.backend.handlers.sendMedia({ chatId: maria, caption: 'a foto', attachment });
    await waitFor(() => first.store.getMessage(maria, text.id)?.status === 'read');
    open.splice(open.indexOf(first), 1);
    await first.backend.close();

    const second = await world(first.dataDir);
    second.store.update((data) => void (data.settings.sendIntervalMs = 0));
    second.gateway.setConnection(false);
    second.gateway.setConnection(true);
    await waitFor(() => second.gateway.sent.length === 1);
    expect(second.gateway.sent[0]).toMatchObject({ text: 'a foto', media: { sha256: photoSha } });
    await waitFor(() => second.store.getMessage(maria, queued.id)?.status === 'read');
  });

  it('an upload over the cap is refused', async () => {
    const w = await world();
    await w.backend.handlers.updateSettings({ mediaMaxFileMb: 1 });
    const big = Buffer.alloc(1024 * 1024 + 10).toString('base64');
    await expect(
      w.backend.handlers.uploadMedia({ base64: big, mimetype: 'application/pdf', filename: 'x.pdf' }),
    ).rejects.toThrow(/too-large/);
  });
});

describe('quick-reply attachments', () => {
  it('travel inside the export file and arrive byte-identical in another Janela', async () => {
    const first = await world();
    const attachment = await first.backend.handlers.uploadMedia({
      base64: Buffer.from('%PDF-1.4 tabela').toString('base64'),
      mimetype: 'application/pdf',
      filename: 'tabela.pdf',
    });
    await first.backend.handlers.saveQuickReply({
      id: 'qr-tabela',
      shortcut: 'tabela',
      title: 'Tabela',
      text: 'Segue a tabela',
      attachment,
    });
    const { json } = await first.backend.handlers.exportQuickReplies({});
    expect(json).toContain(Buffer.from('%PDF-1.4 tabela').toString('base64'));

    const second = await world();
    const imported = await second.backend.handlers.importQuickReplies({ json });
    expect(imported.find((reply) => reply.shortcut === 'tabela')?.attachment).toEqual(attachment);
    expect((await second.media.read(attachment.sha256))?.toString()).toBe('%PDF-1.4 tabela');
  });

  it('an attachment named in a file without its bytes, and not here, is dropped; a reply needs a stored file', async () => {
    const w = await world();
    const json = JSON.stringify({
      format: 'janela-quick-replies',
      version: 1,
      quickReplies: [
        {
          shortcut: 'x',
          title: 'X',
          text: 'x',
          attachment: {
            kind: 'document',
            sha256: 'c'.repeat(64),
            mimetype: 'application/pdf',
            filename: 'x.pdf',
            size: 3,
          },
        },
      ],
    });
    const imported = await w.backend.handlers.importQuickReplies({ json });
    expect(imported.find((reply) => reply.shortcut === 'x')?.attachment).toBeUndefined();
    await expect(
      Promise.resolve().then(() =>
        w.backend.handlers.saveQuickReply({
          id: 'qr-y',
          shortcut: 'y',
          title: 'Y',
          text: 'y',
          attachment: {
            kind: 'document',
            sha256: 'c'.repeat(64),
            mimetype: 'application/pdf',
            filename: 'x.pdf',
            size: 3,
          },
        }),
      ),
    ).rejects.toThrow(/media-unavailable/);
  });
});

describe('"Open" a document', () => {
  const bytes = Buffer.from('%PDF-1.4 orçamento');

  it('hands the system a copy under a sanitised name with its type, never the stored file', async () => {
    const opened: string[] = [];
    const w = await world(undefined, async (file) => void opened.push(file));
    const stored = await w.media.put(bytes);
    if (stored.status !== 'ok') throw new Error('not stored');
    await w.backend.handlers.openMedia({
      sha256: stored.sha256,
      filename: '../..\\orçamento',
      mimetype: 'application/pdf',
    });
    expect(opened).toHaveLength(1);
    const file = opened[0] ?? '';
    expect(file.endsWith(`${sep}orçamento.pdf`)).toBe(true);
    expect(file.startsWith(join(w.dataDir, 'media-open'))).toBe(true);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(file).not.toBe(w.media.path(stored.sha256));
  });

  it('never opens what could run: executables, scripts, shortcuts, or a disguised name', async () => {
    const opened: string[] = [];
    const w = await world(undefined, async (file) => void opened.push(file));
    const stored = await w.media.put(bytes);
    if (stored.status !== 'ok') throw new Error('not stored');
    for (const filename of [
      'nota.pdf.exe',
      'script.js',
      'atalho.lnk',
      'x.bat',
      'pagina.html',
      'run.sh',
      'nota\u202Efdp.exe',
    ]) {
      await expect(
        w.backend.handlers.openMedia({ sha256: stored.sha256, filename, mimetype: 'application/octet-stream' }),
      ).rejects.toThrow(/not-supported/);
    }
    expect(opened).toEqual([]);
  });

  it('is not offered by the browser host', async () => {
    const w = await world();
    const stored = await w.media.put(bytes);
    if (stored.status !== 'ok') throw new Error('not stored');
    await expect(
      w.backend.handlers.openMedia({ sha256: stored.sha256, filename: 'x.pdf', mimetype: 'application/pdf' }),
    ).rejects.toThrow(/not-supported/);
  });
});
