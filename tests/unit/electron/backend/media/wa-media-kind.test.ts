/** The kind mapping, fed with whatsapp-web.js's own Message built from WhatsApp Web-shaped models. */
import { describe, expect, it } from 'vitest';
import { mediaInfoFromMessage } from '../../../../../electron/backend/media/wa-media-kind';
import { parseVCard } from '../../../../../electron/backend/media/vcard';
import { mediaInfoSchema } from '../../../../../shared/media/media-kind';
import { message, rawFile, rawModel, THUMBNAIL, vcard } from './wa-media-structures';

const mapped = (raw: Record<string, unknown>) => {
  const info = mediaInfoFromMessage(message(raw));
  // Whatever the mapping makes must be storable as it is.
  if (info !== null) expect(mediaInfoSchema.parse(info)).toEqual(info);
  return info;
};

describe('mediaInfoFromMessage', () => {
  it('is null for plain text and for messages that are not attachments', () => {
    expect(mapped(rawModel('chat', { body: 'Oi!' }))).toBeNull();
    for (const type of ['call_log', 'reaction', 'e2e_notification', 'protocol', 'ciphertext', 'poll_creation', 'album'])
      expect(mapped(rawModel(type, { body: '' })), type).toBeNull();
  });

  it('reads a photo with its caption, type, size and dimensions', () => {
    expect(
      mapped(
        rawFile('image', { mimetype: 'image/jpeg', size: 84_512, width: 1280, height: 960, caption: 'este aqui' }),
      ),
    ).toEqual({
      kind: 'image',
      download: 'not-downloaded',
      mimetype: 'image/jpeg',
      size: 84_512,
      width: 1280,
      height: 960,
      caption: 'este aqui',
    });
  });

  it('never takes the thumbnail in body for a caption', () => {
    expect(mapped(rawFile('image', { mimetype: 'image/jpeg' }))?.caption).toBeUndefined();
    const expired = mapped(rawFile('image', { mimetype: 'image/jpeg', caption: 'legenda', downloadable: false }));
    expect(expired).toMatchObject({ kind: 'image', caption: 'legenda', download: 'not-downloaded' });
    expect(JSON.stringify(expired)).not.toContain(THUMBNAIL);
  });

  it('tells a voice note (ptt) from an audio file, with the duration WhatsApp Web sends as a string', () => {
    expect(mapped(rawFile('ptt', { mimetype: 'audio/ogg; codecs=opus', duration: '42', size: 20_000 }))).toEqual({
      kind: 'voice',
      download: 'not-downloaded',
      mimetype: 'audio/ogg; codecs=opus',
      size: 20_000,
      durationSec: 42,
    });
    expect(mapped(rawFile('audio', { mimetype: 'audio/mpeg', duration: 185, filename: 'musica.mp3' }))).toMatchObject({
      kind: 'audio',
      durationSec: 185,
      filename: 'musica.mp3',
    });
  });

  it('reads videos, video notes and GIFs', () => {
    expect(mapped(rawFile('video', { mimetype: 'video/mp4', duration: '12', caption: 'olha' }))).toMatchObject({
      kind: 'video',
      durationSec: 12,
      caption: 'olha',
    });
    expect(mapped(rawFile('ptv', { mimetype: 'video/mp4', duration: 8 }))).toMatchObject({
      kind: 'video',
      durationSec: 8,
    });
    expect(mapped(rawFile('video', { mimetype: 'video/mp4', isGif: true }))).toMatchObject({
      kind: 'video',
      gif: true,
    });
  });

  it('reads a document with a sanitised name, and no caption that only repeats the name', () => {
    expect(
      mapped(
        rawFile('document', {
          mimetype: 'application/pdf',
          filename: 'orcamento.pdf',
          size: 102_400,
          caption: 'orcamento.pdf',
        }),
      ),
    ).toEqual({
      kind: 'document',
      download: 'not-downloaded',
      mimetype: 'application/pdf',
      filename: 'orcamento.pdf',
      size: 102_400,
    });
    expect(
      mapped(rawFile('document', { mimetype: 'application/octet-stream', filename: '..\\..\\\u202Efdp.exe' }))
        ?.filename,
    ).toBe('fdp.exe');
  });

  it('reads a sticker', () => {
    expect(mapped(rawFile('sticker', { mimetype: 'image/webp', width: 512, height: 512 }))).toMatchObject({
      kind: 'sticker',
      mimetype: 'image/webp',
    });
  });

  it('shows view-once media as such, never its caption', () => {
    for (const type of ['image', 'video', 'ptt']) {
      const info = mapped(
        rawFile(type, { mimetype: 'image/jpeg', caption: 'segredo', isViewOnce: true, downloadable: false }),
      );
      expect(info).toEqual({ kind: 'view-once', download: 'not-downloaded', mimetype: 'image/jpeg' });
    }
  });

  it('shows a message deleted for everyone', () => {
    expect(mapped(rawModel('revoked', { body: '' }))).toEqual({ kind: 'deleted', download: 'not-downloaded' });
  });

  it('reads a location through the library’s Location, with name, address and link', () => {
    const raw = rawModel('location', {
      body: THUMBNAIL,
      lat: -23.5613991,
      lng: -46.6565712,
      loc: 'Padaria Central\nAv. Paulista, 1000 - São Paulo',
      clientUrl: 'https://padariacentral.com.br/',
    });
    expect(mapped(raw)).toEqual({
      kind: 'location',
      download: 'not-downloaded',
      location: {
        latitude: -23.5613991,
        longitude: -46.6565712,
        name: 'Padaria Central',
        address: 'Av. Paulista, 1000 - São Paulo',
        url: 'https://padariacentral.com.br/',
      },
    });
  });

  it('keeps a bare location, drops a link that is not a web address and impossible coordinates', () => {
    expect(mapped(rawModel('location', { body: THUMBNAIL, lat: 1.5, lng: 2.5 }))).toEqual({
      kind: 'location',
      download: 'not-downloaded',
      location: { latitude: 1.5, longitude: 2.5 },
    });
    const hostile = mapped(rawModel('location', { lat: 1, lng: 2, loc: 'x', clientUrl: 'javascript:alert(1)' }));
    expect(hostile?.location?.url).toBeUndefined();
    expect(mapped(rawModel('location', { lat: 'abc', lng: 400 }))).toEqual({
      kind: 'location',
      download: 'not-downloaded',
    });
  });

  it('reads a contact card and a list of them', () => {
    expect(
      mapped(rawModel('vcard', { body: vcard('Ana Souza', '5511912345678'), vcardFormattedName: 'Ana Souza' })),
    ).toEqual({
      kind: 'contact',
      download: 'not-downloaded',
      contact: [{ name: 'Ana Souza', phone: '5511912345678' }],
    });
    const multi = rawModel('multi_vcard', {
      body: '',
      vcardList: [
        { displayName: 'Ana', vcard: vcard('Ana', '5511912345678') },
        { displayName: 'Bia', vcard: vcard('Bia', '5521998765432') },
      ],
    });
    expect(mapped(multi)?.contact).toEqual([
      { name: 'Ana', phone: '5511912345678' },
      { name: 'Bia', phone: '5521998765432' },
    ]);
  });

  it('marks types it does not know as unsupported', () => {
    expect(mapped(rawModel('unknown', { body: '' }))).toEqual({ kind: 'unsupported', download: 'not-downloaded' });
    expect(mapped(rawModel('oversized', { body: '' }))?.kind).toBe('unsupported');
  });

  it('ignores malformed sizes and durations', () => {
    const info = mapped(rawFile('ptt', { mimetype: 'audio/ogg', size: -1, duration: 'abc', width: 1.5 }));
    expect(info).toEqual({ kind: 'voice', download: 'not-downloaded', mimetype: 'audio/ogg' });
  });
});

describe('parseVCard', () => {
  it('prefers the WhatsApp id over the number as written', () => {
    const card =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:João\r\nTEL;type=HOME:+55 11 3333-4444\r\nTEL;waid=5511987654321:+55 11 98765-4321\r\nEND:VCARD';
    expect(parseVCard(card)).toEqual({ name: 'João', phone: '5511987654321' });
  });

  it('takes a written number when there is no WhatsApp id', () => {
    expect(parseVCard('BEGIN:VCARD\nFN:Loja\nTEL;CELL:+55 (11) 98765-4321\nEND:VCARD')).toEqual({
      name: 'Loja',
      phone: '5511987654321',
    });
  });

  it('reads folded lines, escapes, grouped properties and the structured name', () => {
    expect(parseVCard('BEGIN:VCARD\nN:Souza\\, Jr;Ana;;Dra.;\nitem1.TEL;waid=5511912345678:x\nEND:VCARD')).toEqual({
      name: 'Dra. Ana Souza, Jr',
      phone: '5511912345678',
    });
    expect(parseVCard('BEGIN:VCARD\nFN:Maria da\n  Silva\nEND:VCARD').name).toBe('Maria da Silva');
  });

  it('decodes the quoted-printable names older Android phones send', () => {
    const card =
      'BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jo=C3=A3o =\nConcei=C3=A7=C3=A3o\nTEL;CELL:11987654321\nEND:VCARD';
    expect(parseVCard(card)).toEqual({ name: 'João Conceição', phone: '11987654321' });
    expect(parseVCard('FN;ENCODING=QUOTED-PRINTABLE:Bolos =F0=9F=8E=82 e 🍰').name).toBe('Bolos 🎂 e 🍰');
  });

  it('strips characters that would hide or reverse the name, and survives garbage', () => {
    expect(parseVCard('BEGIN:VCARD\nFN:Ana\u202Eevil\u0000\nEND:VCARD').name).toBe('Anaevil');
    expect(parseVCard('not a vcard at all')).toEqual({ name: '' });
    expect(parseVCard('FN;ENCODING=QUOTED-PRINTABLE:=ZZ=C3\nTEL;waid=abc:')).toEqual({ name: '=ZZ\ufffd' });
  });
});
