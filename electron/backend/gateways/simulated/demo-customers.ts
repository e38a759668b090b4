/**
 * Sample customers of a Brazilian shop, one or more in every window state, so anyone can try
 * Janela without an account. Times are relative to "now" so the states hold whenever it runs.
 */
import type { MediaInfo } from '../../../../shared/media/media-kind';
import type { DownloadedMedia } from '../../media/media-download';
import type { GatewayMessage } from '../gateway';
import { demoMediaBase64 } from './demo-media-files';
import { phoneChatId } from './simulated-gateway';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface DemoLine {
  ago: number;
  fromMe: boolean;
  text: string;
  /** An attachment; `file` names one of demo-media-files.ts. */
  media?: { info: MediaInfo; file?: string };
}

function demoFile(file: string, kind: MediaInfo['kind'], mimetype: string, extra: Partial<MediaInfo> = {}) {
  const size = Buffer.from(demoMediaBase64[file] ?? '', 'base64').length;
  return { info: { kind, mimetype, filename: file, size, download: 'not-downloaded' as const, ...extra }, file };
}

const customers: { phone: string; name: string; lines: DemoLine[] }[] = [
  {
    phone: '5511987654321',
    name: 'Maria Silva',
    lines: [
      { ago: 26 * HOUR, fromMe: false, text: 'Oi! Vocês abrem no sábado?' },
      { ago: 25.5 * HOUR, fromMe: true, text: 'Olá Maria! Abrimos sim, das 9h às 13h.' },
      { ago: 12 * MINUTE, fromMe: false, text: 'Oi! O bolo de cenoura ainda tem hoje?' },
      {
        ago: 11 * MINUTE,
        fromMe: false,
        text: 'Igual a este da foto',
        media: demoFile('bolo-de-cenoura.png', 'image', 'image/png', {
          width: 320,
          height: 240,
          caption: 'Igual a este da foto',
        }),
      },
      {
        ago: 10 * MINUTE,
        fromMe: false,
        text: '[voice message]',
        media: demoFile('audio-maria.wav', 'voice', 'audio/wav', { durationSec: 3 }),
      },
    ],
  },
  {
    phone: '5521998765432',
    name: 'João Pereira',
    lines: [{ ago: 21 * HOUR + 40 * MINUTE, fromMe: false, text: 'Bom dia, quero encomendar 50 salgados para sexta.' }],
  },
  {
    phone: '5531976543210',
    name: 'Ana Souza',
    lines: [
      { ago: 23 * HOUR + 20 * MINUTE, fromMe: false, text: 'Consegue entregar no Centro?' },
      { ago: 23 * HOUR, fromMe: true, text: 'Conseguimos! A taxa é R$ 8,00.' },
      {
        ago: 22 * HOUR + 58 * MINUTE,
        fromMe: true,
        text: 'Segue a tabela de preços',
        media: demoFile('tabela-de-precos.pdf', 'document', 'application/pdf', {
          caption: 'Segue a tabela de preços',
        }),
      },
      { ago: 22 * HOUR + 50 * MINUTE, fromMe: false, text: 'Perfeito, obrigada!' },
    ],
  },
  {
    phone: '5541965432109',
    name: 'Carlos Oliveira',
    lines: [
      {
        ago: 3 * HOUR + 5 * MINUTE,
        fromMe: false,
        text: '[image]',
        media: demoFile('torta-de-limao.png', 'image', 'image/png'),
      },
      { ago: 3 * HOUR, fromMe: false, text: 'Qual o valor da torta de limão?' },
      { ago: 2 * HOUR + 50 * MINUTE, fromMe: true, text: 'A torta inteira sai por R$ 65,00.' },
    ],
  },
  {
    phone: '5551954321098',
    name: 'Beatriz Lima',
    lines: [{ ago: 30 * HOUR, fromMe: false, text: 'Vocês aceitam Pix?' }],
  },
  {
    phone: '5561943210987',
    name: 'Pedro Santos',
    lines: [
      { ago: 4 * 24 * HOUR, fromMe: false, text: 'Obrigado pelo atendimento!' },
      { ago: 4 * 24 * HOUR - 10 * MINUTE, fromMe: true, text: 'Nós que agradecemos, Pedro!' },
    ],
  },
  {
    phone: '5571932109876',
    name: 'Luiza Costa',
    lines: [
      { ago: 40 * MINUTE, fromMe: false, text: 'Meu pedido #1042 já está pronto?' },
      {
        ago: 39 * MINUTE,
        fromMe: false,
        text: '[location]',
        media: {
          info: {
            kind: 'location',
            download: 'not-downloaded',
            location: { latitude: -12.9714, longitude: -38.5014, name: 'Praça da Sé', address: 'Salvador, BA' },
          },
        },
      },
      {
        ago: 38 * MINUTE,
        fromMe: false,
        text: '[contact]',
        media: {
          info: {
            kind: 'contact',
            download: 'not-downloaded',
            contact: [{ name: 'Maria Silva', phone: '5511987654321' }],
          },
        },
      },
    ],
  },
];

export function demoHistory(now: number): GatewayMessage[] {
  return customers.flatMap((customer) =>
    customer.lines.map((line, index) => ({
      waId: `demo-${customer.phone}-${index}`,
      chatId: phoneChatId(customer.phone),
      fromMe: line.fromMe,
      kind: 'text' as const,
      text: line.text,
      at: now - line.ago,
      contactName: customer.name,
      ...(line.fromMe ? { status: 'read' as const } : {}),
      ...(line.media ? { kind: 'media' as const, media: line.media.info } : {}),
    })),
  );
}

/** The bytes WhatsApp would hand over for the demo's attachments, by message id. */
export function demoMediaFiles(): ReadonlyMap<string, DownloadedMedia> {
  const files = new Map<string, DownloadedMedia>();
  for (const customer of customers) {
    customer.lines.forEach((line, index) => {
      const file = line.media?.file;
      const data = file !== undefined ? demoMediaBase64[file] : undefined;
      if (file === undefined || data === undefined) return;
      files.set(`demo-${customer.phone}-${index}`, {
        data,
        mimetype: line.media?.info.mimetype ?? null,
        filename: file,
      });
    });
  }
  return files;
}
