/** The whatsapp-web.js gateway with attachments: what a customer's photo becomes, its download, and sending a file. */
import { describe, expect, it, vi } from 'vitest';
import { GatewayDisconnectedError, type OutgoingMedia } from '../../../../../../electron/backend/gateways/gateway';
import type { MessageLike } from '../../../../../../electron/backend/gateways/whatsapp-web/client-like';
import { gatewayHarness, T0, useFakeGatewayTimers } from './gateway-harness';
import { rawMessage } from './wa-structures';

const MARIA = '5511987654321@c.us';
let harness: ReturnType<typeof gatewayHarness>;

useFakeGatewayTimers(() => harness);

async function connected(overrides: Parameters<typeof gatewayHarness>[0] = {}) {
  harness = gatewayHarness(overrides);
  harness.world.linked = true;
  harness.world.addMessage(rawMessage({ chat: MARIA, body: 'Oi', t: T0 / 1000 - 60 }));
  await harness.gateway.start();
  await vi.advanceTimersByTimeAsync(0);
  expect(harness.gateway.status().state).toBe('connected');
  return harness;
}

/** A customer's photo as the library hands it over: `hasMedia`, caption in `body`, `downloadMedia()`. */
function photoMessage(download: () => Promise<{ data: string; mimetype: string } | undefined>): MessageLike {
  return {
    id: { _serialized: 'false_5511987654321@c.us_3EB0PHOTO', fromMe: false, remote: MARIA, id: '3EB0PHOTO' },
    from: MARIA,
    to: '5511900000000@c.us',
    fromMe: false,
    type: 'image',
    body: 'Igual a este',
    hasMedia: true,
    timestamp: T0 / 1000,
    _data: { mimetype: 'image/jpeg', size: 1234, width: 640, height: 480, notifyName: 'Maria' },
    downloadMedia: download,
  };
}

describe('receiving an attachment', () => {
  it('emits a media message carrying the attachment, and downloads it through the message itself', async () => {
    const h = await connected();
    const download = vi.fn(async () => ({ data: Buffer.from('jpeg').toString('base64'), mimetype: 'image/jpeg' }));
    h.client().emit('message_create', photoMessage(download));
    await vi.advanceTimersByTimeAsync(0);
    const message = h.messages.find((candidate) => candidate.waId.endsWith('3EB0PHOTO'));
    expect(message).toMatchObject({
      kind: 'media',
      text: 'Igual a este',
      media: {
        kind: 'image',
        mimetype: 'image/jpeg',
        size: 1234,
        width: 640,
        height: 480,
        caption: 'Igual a este',
        download: 'not-downloaded',
      },
    });
    const file = await h.gateway.downloadMedia(MARIA, message?.waId ?? '');
    expect(file?.data).toBe(Buffer.from('jpeg').toString('base64'));
    expect(download).toHaveBeenCalledOnce();
  });

  it('a download needs the connection', async () => {
    harness = gatewayHarness();
    await harness.gateway.start();
    await expect(harness.gateway.downloadMedia(MARIA, 'x')).rejects.toBeInstanceOf(GatewayDisconnectedError);
  });

  it('a message WhatsApp no longer knows downloads as nothing', async () => {
    const h = await connected();
    expect(await h.gateway.downloadMedia(MARIA, 'false_5511987654321@c.us_GONE')).toBeNull();
  });
});

describe('sending an attachment', () => {
  it('hands whatsapp-web.js a MessageMedia with the caption; documents as documents, photos as photos', async () => {
    const created: OutgoingMedia[] = [];
    const h = await connected({
      createMedia: (media) => {
        created.push(media);
        return { ...media };
      },
    });
    const send = vi.spyOn(h.client(), 'sendMessage');
    const pdf = { data: Buffer.from('%PDF').toString('base64'), mimetype: 'application/pdf', filename: 'tabela.pdf' };
    const { waId } = await h.gateway.sendMedia(MARIA, pdf, 'Segue a tabela');
    expect(waId).toMatch(/^true_/);
    expect(send).toHaveBeenLastCalledWith(MARIA, pdf, { caption: 'Segue a tabela', sendMediaAsDocument: true });
    const png = { data: Buffer.from('png').toString('base64'), mimetype: 'image/png', filename: 'bolo.png' };
    await h.gateway.sendMedia(MARIA, png, '');
    expect(send).toHaveBeenLastCalledWith(MARIA, png, {});
    expect(created).toEqual([pdf, png]);
  });

  it('refuses with GatewayDisconnectedError while not connected', async () => {
    harness = gatewayHarness({ createMedia: (media) => media });
    await harness.gateway.start();
    await expect(
      harness.gateway.sendMedia(MARIA, { data: 'AA==', mimetype: 'image/png', filename: 'x.png' }, ''),
    ).rejects.toBeInstanceOf(GatewayDisconnectedError);
  });
});

describe('deleted for everyone', () => {
  it('message_revoke_everyone, or a revoked message met again, says which message went; it is never a new message', async () => {
    const h = await connected();
    const revoked: { chatId: string; waId: string }[] = [];
    h.gateway.on('revoked', (event) => revoked.push(event));
    const before = h.messages.length;
    const gone = rawMessage({ chat: MARIA, type: 'revoked', body: '', t: T0 / 1000 });
    h.client().deliver(gone);
    h.client().emit('message_revoke_everyone', { ...photoMessage(async () => undefined), type: 'revoked' });
    await vi.advanceTimersByTimeAsync(0);
    expect(revoked).toEqual([
      { chatId: MARIA, waId: gone.id._serialized },
      { chatId: MARIA, waId: 'false_5511987654321@c.us_3EB0PHOTO' },
    ]);
    expect(h.messages).toHaveLength(before);
  });
});
