/**
 * Sample customers of a Brazilian shop, one or more in every window state, so anyone can try
 * Janela without an account. Times are relative to "now" so the states hold whenever it runs.
 */
import type { MediaInfo } from '../../../../shared/media/media-kind';
import type { DownloadedMedia } from '../../media/media-download';
import type { GatewayMessage } from '../gateway';
import { demoPastWeeks } from './demo-past-weeks';
import {
  agendaSettingsSchema,
  type AgendaSettings,
  type Booking,
  type Service,
} from '../../../../shared/bookings/booking-schemas';
import {
  orderSettingsSchema,
  type Order,
  type OrderSettings,
  type Product,
} from '../../../../shared/orders/order-schemas';
import { demoMediaBase64 } from './demo-media-files';
import { phoneChatId } from './simulated-gateway';
import { addDaysToKey, dayKeyOf, startOfDay } from '../../../../shared/time/shop-time';

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
  return demoPastWeeks(now).concat(demoCustomersNow(now));
}

function demoCustomersNow(now: number): GatewayMessage[] {
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

/**
 * The demo bakery's agenda and orders (issue 15): cake tastings booked over WhatsApp and orders
 * on the board in every state, around "now" in the shop's zone, so the agenda and the board show
 * something on any day the demo runs.
 */
export function demoBookingsAndOrders(now: number, timeZone: string): DemoBookingsAndOrders {
  const today = dayKeyOf(now, timeZone);
  const on = (days: number, hour: number, minute = 0) =>
    startOfDay(addDaysToKey(today, days), timeZone) + hour * HOUR + minute * MINUTE;
  const chat = (phone: string) => phoneChatId(phone);
  const booking = (
    id: string,
    phone: string,
    serviceId: string,
    start: number,
    status: Booking['status'],
    extra: Partial<Booking> = {},
  ): Booking => {
    const minutes = serviceId === 'degustacao' ? 60 : 30;
    return {
      id,
      chatId: chat(phone),
      serviceId,
      start,
      end: start + minutes * MINUTE,
      status,
      createdAt: now - 2 * 24 * HOUR,
      confirmedAt: status === 'confirmed' ? now - 3 * HOUR : null,
      reminderSentAt: null,
      ...extra,
    };
  };
  const item = (productId: string, quantity: number) => {
    const product = demoProducts.find((candidate) => candidate.id === productId);
    return { productId, name: product?.name ?? productId, unitPriceCents: product?.priceCents ?? 0, quantity };
  };
  const order = (
    id: string,
    phone: string,
    items: Order['items'],
    status: Order['status'],
    createdAgo: number,
    address: string | null = null,
  ): Order => {
    const subtotalCents = items.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
    const deliveryFeeCents = address === null ? 0 : 800;
    return {
      id,
      chatId: chat(phone),
      items,
      fulfilment: address === null ? 'pickup' : 'delivery',
      address,
      note: '',
      subtotalCents,
      deliveryFeeCents,
      totalCents: subtotalCents + deliveryFeeCents,
      status,
      createdAt: now - createdAgo,
      statusChangedAt: now - Math.min(createdAgo, 20 * MINUTE),
    };
  };
  const anaAddress = 'Rua XV de Novembro, 250, apto 31, Centro';
  return {
    services: demoServices,
    agendaSettings: agendaSettingsSchema.parse({}),
    bookings: [
      booking('demo-b1', '5561943210987', 'degustacao', on(-1, 10), 'done'),
      booking('demo-b2', '5541965432109', 'festa', on(0, 15), 'confirmed'),
      booking('demo-b3', '5531976543210', 'degustacao', on(1, 10), 'booked', { reminderSentAt: now - 30 * MINUTE }),
      booking('demo-b4', '5551954321098', 'degustacao', on(1, 14), 'booked'),
      booking('demo-b5', '5511987654321', 'festa', on(2, 11, 30), 'booked', { createdAt: now - 12 * MINUTE }),
      booking('demo-b6', '5521998765432', 'degustacao', on(3, 16), 'booked', {
        reminderSentAt: now - 2 * HOUR,
      }),
    ],
    products: demoProducts,
    orderSettings: orderSettingsSchema.parse({
      delivery: true,
      pickup: true,
      deliveryFeeCents: 800,
      minimumOrderCents: 2000,
    }),
    orders: [
      order('1040', '5561943210987', [item('bolo-cenoura', 1), item('brigadeiro', 20)], 'done', 4 * 24 * HOUR),
      order(
        '1041',
        '5531976543210',
        [item('torta-limao', 1), item('coxinha', 10)],
        'out-for-delivery',
        2 * HOUR,
        anaAddress,
      ),
      order('1042', '5571932109876', [item('bolo-chocolate', 1)], 'accepted', 45 * MINUTE),
      order('1043', '5541965432109', [item('torta-limao', 1)], 'ready-for-pickup', 90 * MINUTE),
      order('1044', '5521998765432', [item('coxinha', 25), item('empada', 25)], 'new', 21 * HOUR + 30 * MINUTE),
      order('1045', '5511987654321', [item('bolo-cenoura', 1), item('pao-de-queijo', 6)], 'new', 10 * MINUTE),
    ],
    deliveryAddresses: { [chat('5531976543210')]: anaAddress },
  };
}

export interface DemoBookingsAndOrders {
  services: Service[];
  agendaSettings: AgendaSettings;
  bookings: Booking[];
  products: Product[];
  orderSettings: OrderSettings;
  orders: Order[];
  deliveryAddresses: Record<string, string>;
}

const demoServices: Service[] = [
  { id: 'degustacao', name: 'Degustação de bolos', durationMin: 60, priceCents: 3000, active: true },
  { id: 'festa', name: 'Conversa sobre bolo de festa', durationMin: 30, priceCents: null, active: true },
];

const demoProducts: Product[] = [
  { id: 'bolo-cenoura', name: 'Bolo de cenoura', priceCents: 4500, category: 'Bolos', available: true },
  { id: 'bolo-chocolate', name: 'Bolo de chocolate', priceCents: 5200, category: 'Bolos', available: true },
  { id: 'torta-limao', name: 'Torta de limão', priceCents: 6500, category: 'Bolos', available: true },
  { id: 'coxinha', name: 'Coxinha', priceCents: 750, category: 'Salgados', available: true },
  { id: 'empada', name: 'Empada de frango', priceCents: 800, category: 'Salgados', available: true },
  { id: 'pao-de-queijo', name: 'Pão de queijo', priceCents: 250, category: 'Salgados', available: true },
  {
    id: 'brigadeiro',
    name: 'Brigadeiro',
    priceCents: 300,
    category: 'Doces',
    description: 'Tradicional, granulado belga',
    available: true,
  },
  { id: 'bem-casado', name: 'Bem-casado', priceCents: 450, category: 'Doces', available: false },
];
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
