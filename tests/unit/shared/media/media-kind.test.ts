import { describe, expect, it } from 'vitest';
import { mediaMessages } from '../../../../shared/media/media-messages';
import {
  canDownload,
  formatDuration,
  mapsUrl,
  mediaInfoSchema,
  previewText,
  type MediaInfo,
} from '../../../../shared/media/media-kind';
import { placeholdersOf } from '../../../../shared/i18n';

const SHA = 'a'.repeat(64);
const media = (fields: Partial<MediaInfo> & Pick<MediaInfo, 'kind'>): MediaInfo => ({
  download: 'not-downloaded',
  ...fields,
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [7, '0:07'],
    [42, '0:42'],
    [59.6, '1:00'],
    [125, '2:05'],
    [3725, '1:02:05'],
    [-3, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('mapsUrl', () => {
  it('links a real point, in plain decimal notation', () => {
    expect(mapsUrl(-23.5613991, -46.6565712)).toBe('https://www.google.com/maps?q=-23.5613991,-46.6565712');
    expect(mapsUrl(0, 0)).toBe('https://www.google.com/maps?q=0,0');
    expect(mapsUrl(1e-7, 180)).toBe('https://www.google.com/maps?q=0.0000001,180');
  });

  it('refuses what is not a coordinate', () => {
    expect(mapsUrl(91, 0)).toBeNull();
    expect(mapsUrl(0, -180.5)).toBeNull();
    expect(mapsUrl(Number.NaN, 0)).toBeNull();
    expect(mapsUrl(0, Number.POSITIVE_INFINITY)).toBeNull();
    expect(mapsUrl('1&q=evil' as unknown as number, 0)).toBeNull();
  });
});

describe('previewText', () => {
  it.each<[MediaInfo, string, string]>([
    [media({ kind: 'image' }), '📷 Foto', '📷 Photo'],
    [media({ kind: 'image', caption: '  este\naqui ' }), '📷 este aqui', '📷 este aqui'],
    [media({ kind: 'voice', durationSec: 42 }), '🎤 Áudio 0:42', '🎤 Voice message 0:42'],
    [media({ kind: 'voice' }), '🎤 Áudio', '🎤 Voice message'],
    [media({ kind: 'audio', durationSec: 200 }), '🎵 Áudio', '🎵 Audio'],
    [media({ kind: 'video' }), '🎥 Vídeo', '🎥 Video'],
    [media({ kind: 'video', gif: true }), '🎥 GIF', '🎥 GIF'],
    [media({ kind: 'video', caption: 'olha' }), '🎥 olha', '🎥 olha'],
    [media({ kind: 'document', filename: 'orcamento.pdf' }), '📄 orcamento.pdf', '📄 orcamento.pdf'],
    [media({ kind: 'document' }), '📄 Documento', '📄 Document'],
    [media({ kind: 'sticker' }), 'Figurinha', 'Sticker'],
    [media({ kind: 'location', location: { latitude: 1, longitude: 2 } }), '📍 Localização', '📍 Location'],
    [
      media({ kind: 'location', location: { latitude: 1, longitude: 2, name: 'Padaria Central' } }),
      '📍 Padaria Central',
      '📍 Padaria Central',
    ],
    [media({ kind: 'contact', contact: [{ name: 'Ana' }] }), '👤 Contato: Ana', '👤 Contact: Ana'],
    [
      media({ kind: 'contact', contact: [{ name: 'Ana' }, { name: 'Bia' }, { name: 'Caio' }] }),
      '👤 Ana e mais 2 contatos',
      '👤 Ana and 2 other contacts',
    ],
    [
      media({ kind: 'contact', contact: [{ name: '', phone: '5511987654321' }] }),
      '👤 Contato: 5511987654321',
      '👤 Contact: 5511987654321',
    ],
    [media({ kind: 'contact' }), '👤 Contato', '👤 Contact'],
    [media({ kind: 'deleted' }), '🚫 Mensagem apagada', '🚫 This message was deleted'],
    [media({ kind: 'view-once' }), '1️⃣ Visualização única', '1️⃣ View once'],
    [media({ kind: 'unsupported' }), '⚠️ Tipo de mensagem não suportado', '⚠️ Message type not supported'],
  ])('%j', (info, portuguese, english) => {
    expect(previewText(info, 'pt-BR')).toBe(portuguese);
    expect(previewText(info, 'en')).toBe(english);
  });

  it('does not expand placeholders that come from the customer', () => {
    expect(previewText(media({ kind: 'image', caption: '{caption} {name}' }), 'en')).toBe('📷 {caption} {name}');
  });

  it('has the same placeholders in both languages', () => {
    for (const [key, english] of Object.entries(mediaMessages.en)) {
      expect(placeholdersOf(mediaMessages['pt-BR'][key as keyof typeof mediaMessages.en]), key).toEqual(
        placeholdersOf(english),
      );
    }
  });
});

describe('mediaInfoSchema', () => {
  it('keeps a complete attachment as it is', () => {
    const info = {
      kind: 'document',
      mimetype: 'application/pdf',
      filename: 'orcamento.pdf',
      size: 1234,
      caption: 'segue',
      sha256: SHA,
      download: 'ok',
    };
    expect(mediaInfoSchema.parse(info)).toEqual(info);
  });

  it('reads a newer version tolerantly: unknown kind, state and fields', () => {
    expect(mediaInfoSchema.parse({ kind: 'hologram', download: 'teleported', extra: 1 })).toEqual({
      kind: 'unsupported',
      download: 'not-downloaded',
    });
  });

  it('never claims a download without its content address, nor keeps one for a failed download', () => {
    expect(mediaInfoSchema.parse({ kind: 'image', download: 'ok' }).download).toBe('not-downloaded');
    expect(mediaInfoSchema.parse({ kind: 'image', download: 'failed', sha256: SHA })).toEqual({
      kind: 'image',
      download: 'failed',
    });
  });

  it('refuses a malformed content address and impossible coordinates', () => {
    expect(mediaInfoSchema.safeParse({ kind: 'image', download: 'ok', sha256: '../../etc/passwd' }).success).toBe(
      false,
    );
    expect(mediaInfoSchema.safeParse({ kind: 'image', download: 'ok', sha256: SHA.toUpperCase() }).success).toBe(false);
    expect(
      mediaInfoSchema.safeParse({
        kind: 'location',
        download: 'not-downloaded',
        location: { latitude: 100, longitude: 0 },
      }).success,
    ).toBe(false);
  });
});

describe('canDownload', () => {
  it('offers a download only for kinds WhatsApp lets a linked device fetch, and only when missing', () => {
    expect(canDownload(media({ kind: 'image', download: 'failed' }))).toBe(true);
    expect(canDownload(media({ kind: 'document', download: 'deleted-locally' }))).toBe(true);
    expect(canDownload(media({ kind: 'image', download: 'ok', sha256: SHA }))).toBe(false);
    expect(canDownload(media({ kind: 'location' }))).toBe(false);
    expect(canDownload(media({ kind: 'view-once' }))).toBe(false);
    expect(canDownload(media({ kind: 'deleted' }))).toBe(false);
  });
});
