/**
 * Sample customers of a Brazilian shop, one or more in every window state, so anyone can try
 * Janela without an account. Times are relative to "now" so the states hold whenever it runs.
 */
import type { GatewayMessage } from '../gateway';
import { demoPastWeeks } from './demo-past-weeks';
import { phoneChatId } from './simulated-gateway';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface DemoLine {
  ago: number;
  fromMe: boolean;
  text: string;
}

const customers: { phone: string; name: string; lines: DemoLine[] }[] = [
  {
    phone: '5511987654321',
    name: 'Maria Silva',
    lines: [
      { ago: 26 * HOUR, fromMe: false, text: 'Oi! Vocês abrem no sábado?' },
      { ago: 25.5 * HOUR, fromMe: true, text: 'Olá Maria! Abrimos sim, das 9h às 13h.' },
      { ago: 12 * MINUTE, fromMe: false, text: 'Oi! O bolo de cenoura ainda tem hoje?' },
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
      { ago: 22 * HOUR + 50 * MINUTE, fromMe: false, text: 'Perfeito, obrigada!' },
    ],
  },
  {
    phone: '5541965432109',
    name: 'Carlos Oliveira',
    lines: [
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
    lines: [{ ago: 40 * MINUTE, fromMe: false, text: 'Meu pedido #1042 já está pronto?' }],
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
    })),
  );
}
