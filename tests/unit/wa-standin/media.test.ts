/**
 * The real whatsapp-web.js against the stand-in, with attachments: a customer's photo, voice note,
 * PDF and location reach the library with their type, and `downloadMedia()` hands back the same
 * bytes; a `MessageMedia` the library sends arrives at the servers byte-identical.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WAWebJS from 'whatsapp-web.js';
import { startStandIn, type StandIn } from '../../wa-standin/index';
import { destroyAllClients, nextEvent, startClient, type WaClient } from './harness';

type Message = WAWebJS.Message;
const ANA = '5511911111111@c.us';
const photo = readFileSync('resources/demo/bolo-de-cenoura.png');
const voice = readFileSync('resources/demo/audio-maria.wav');
const pdf = readFileSync('resources/demo/tabela-de-precos.pdf');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let standIn: StandIn;
let client: WaClient;

beforeAll(async () => {
  standIn = await startStandIn({ qrRotateMs: 0, autoAck: { upTo: 3, stepMs: 40 } });
  ({ client } = await startClient(standIn));
}, 60_000);
afterAll(async () => {
  await destroyAllClients();
  await standIn.close();
}, 30_000);

async function receive(inbound: Parameters<StandIn['control']['inbound']>[0]): Promise<Message> {
  const arrived = nextEvent<[Message]>(client, 'message', (message) => message.from === ANA);
  standIn.control.inbound(inbound);
  const [message] = await arrived;
  return message;
}

describe('receiving attachments', () => {
  it('a photo with a caption: type, caption, and the same bytes on download', async () => {
    const message = await receive({
      from: ANA,
      name: 'Ana',
      text: 'Igual a este',
      media: { type: 'image', mimetype: 'image/png', data: photo.toString('base64') },
    });
    expect(message.type).toBe('image');
    expect(message.hasMedia).toBe(true);
    expect(message.body).toBe('Igual a este');
    const media = await message.downloadMedia();
    expect(media.mimetype).toBe('image/png');
    expect(Buffer.from(media.data, 'base64').equals(photo)).toBe(true);
  });

  it('a voice note (ptt) with its duration', async () => {
    const message = await receive({
      from: ANA,
      text: '',
      media: { type: 'ptt', mimetype: 'audio/ogg; codecs=opus', data: voice.toString('base64'), duration: 3 },
    });
    expect(message.type).toBe('ptt');
    expect(message.duration).toBe('3');
    expect(Buffer.from((await message.downloadMedia()).data, 'base64').equals(voice)).toBe(true);
  });

  it('a PDF with its name and size', async () => {
    const message = await receive({
      from: ANA,
      text: '',
      media: { type: 'document', mimetype: 'application/pdf', filename: 'orcamento.pdf', data: pdf.toString('base64') },
    });
    expect(message.type).toBe('document');
    const raw = message.rawData as { filename?: string; size?: number };
    expect(raw.filename).toBe('orcamento.pdf');
    expect(raw.size).toBe(pdf.length);
    expect(Buffer.from((await message.downloadMedia()).data, 'base64').equals(pdf)).toBe(true);
  });

  it('a location', async () => {
    const message = await receive({
      from: ANA,
      text: '',
      location: { latitude: -23.5505, longitude: -46.6333, name: 'Praça da Sé', address: 'São Paulo' },
    });
    expect(message.type).toBe('location');
    expect(message.hasMedia).toBe(false);
    expect(message.location).toMatchObject({ latitude: -23.5505, longitude: -46.6333 });
  });
});

it('a message deleted for everyone fires message_revoke_everyone with the same id', async () => {
  const original = await receive({ from: ANA, text: 'engano' });
  const revoked = nextEvent<[Message]>(client, 'message_revoke_everyone');
  standIn.control.revoke(ANA, original.id.id);
  const [message] = await revoked;
  expect(message.id._serialized).toBe(original.id._serialized);
  expect(message.type).toBe('revoked');
});

describe('sending attachments', () => {
  it('a PDF as a document arrives byte-identical, with its name and caption', async () => {
    const media = new WAWebJS.MessageMedia('application/pdf', pdf.toString('base64'), 'tabela.pdf');
    const sent = await client.sendMessage(ANA, media, { caption: 'Segue a tabela', sendMediaAsDocument: true });
    expect(sent.hasMedia).toBe(true);
    expect(sent.type).toBe('document');
    const received = standIn.control.received().find((r) => r.id === sent.id.id);
    expect(received).toMatchObject({
      text: 'Segue a tabela',
      media: {
        type: 'document',
        mimetype: 'application/pdf',
        filename: 'tabela.pdf',
        sha256: sha(pdf),
        size: pdf.length,
      },
    });
  });

  it('a photo', async () => {
    const media = new WAWebJS.MessageMedia('image/png', photo.toString('base64'), 'bolo.png');
    const sent = await client.sendMessage(ANA, media);
    expect(sent.type).toBe('image');
    expect(standIn.control.received().find((r) => r.id === sent.id.id)?.media?.sha256).toBe(sha(photo));
  });
});

it('asks only for modules the page provides (or the library guards)', () => {
  expect(standIn.control.unknownModules()).toEqual([]);
});
