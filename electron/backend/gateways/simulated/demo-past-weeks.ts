/**
 * Five weeks of the demo shop's past, so the metrics dashboard has something in every chart:
 * customers who write during shop hours, most answered within minutes, some late or never, some
 * coming back after their window closed, a few rating the service. Generated from a fixed seed
 * relative to "now", so every start shows the same shop, and in well under a millisecond per message.
 */
import type { GatewayMessage } from '../gateway';
import { phoneChatId } from './simulated-gateway';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKS = 5;
const CUSTOMERS = 36;

const firstNames = [
  'Ana',
  'Bruno',
  'Camila',
  'Diego',
  'Eduarda',
  'Felipe',
  'Gabriela',
  'Henrique',
  'Isabela',
  'Júlio',
  'Larissa',
  'Marcos',
];
const lastNames = ['Almeida', 'Barbosa', 'Cardoso', 'Dias', 'Ferreira', 'Gomes'];
const questions = [
  'Oi! Vocês têm pão de queijo hoje?',
  'Quanto custa o bolo de chocolate?',
  'Vocês entregam no Jardim América?',
  'Bom dia! Qual o horário de sábado?',
  'Quero encomendar uma torta para domingo.',
  'Aceitam cartão na entrega?',
];
const replies = [
  'Olá! Temos sim, acabou de sair do forno.',
  'O bolo inteiro sai por R$ 55,00.',
  'Entregamos sim! A taxa é R$ 7,00.',
  'Aos sábados abrimos das 8h às 14h.',
  'Claro! Qual sabor você prefere?',
  'Aceitamos cartão e Pix na entrega.',
];
const scores = ['5', 'ótimo', '4', '5 estrelas', '3', '👍'];

/** mulberry32: small and seeded, so the demo is the same on every start. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoPastWeeks(now: number): GatewayMessage[] {
  const random = seeded(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Whole days, so the same seed gives the same shop hours whatever time the demo starts.
  const today = Math.floor(now / DAY) * DAY;
  const messages: GatewayMessage[] = [];
  for (let n = 0; n < CUSTOMERS; n += 1) {
    const phone = `55119${String(70000000 + n * 7919).padStart(8, '0')}`;
    const chatId = phoneChatId(phone);
    const contactName = `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`;
    let sequence = 0;
    const add = (fromMe: boolean, text: string, at: number, extra: Partial<GatewayMessage> = {}) => {
      messages.push({
        waId: `demo-past-${phone}-${sequence++}`,
        chatId,
        fromMe,
        kind: 'text',
        text,
        at: Math.round(at),
        contactName,
        ...(fromMe ? { status: 'read' as const } : {}),
        ...extra,
      });
    };
    const visits = 1 + Math.floor(random() * 4);
    for (let visit = 0; visit < visits; visit += 1) {
      // Between 2 and 35 days ago, in shop hours (09:00–19:00 in São Paulo, UTC−3).
      const day = 2 + Math.floor(random() * (WEEKS * 7 - 2));
      const at = today - day * DAY + (12 + random() * 10) * HOUR;
      const question = pick(questions);
      add(false, question, at);
      const roll = random();
      if (roll < 0.8) {
        const waited = roll < 0.5 ? (2 + random() * 20) * MINUTE : (30 + random() * 240) * MINUTE;
        add(true, replies[questions.indexOf(question)] ?? pick(replies), at + waited);
        if (random() < 0.35) {
          add(true, 'De 1 a 5, como foi seu atendimento?', at + waited + 5 * MINUTE, { csatSurvey: true });
          if (random() < 0.7) add(false, pick(scores), at + waited + (10 + random() * 60) * MINUTE);
        }
      } else if (roll < 0.88) {
        // Answered on the phone only after the window closed: still a missed conversation.
        add(true, 'Desculpe a demora! Ainda precisa?', at + DAY + 2 * HOUR);
      }
    }
  }
  return messages;
}
