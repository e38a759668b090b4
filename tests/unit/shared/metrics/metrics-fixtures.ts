/** Messages for the metrics tests, written the way a shop's day reads. */
import type { MetricsMessage } from '../../../../shared/metrics/conversation-record';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const ANA = '5511987654321@c.us';
export const BRUNO = '5521998765432@c.us';

/** 2026-11-25 12:00 UTC = 09:00 in São Paulo: a Wednesday morning. */
export const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

let sequence = 0;

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

type Extra = Partial<MetricsMessage>;

export function customer(at: number, text = 'Oi, tem pão de queijo?', extra: Extra = {}): MetricsMessage {
  return { id: nextId('in'), chatId: ANA, direction: 'in', at, text, ...extra };
}

export function reply(at: number, extra: Extra = {}): MetricsMessage {
  return { id: nextId('out'), chatId: ANA, direction: 'out', at, text: 'Temos sim!', ...extra };
}

export function automatic(at: number, extra: Extra = {}): MetricsMessage {
  return reply(at, { text: 'Olá! Já respondemos.', automatic: true, ...extra });
}

export function survey(at: number, extra: Extra = {}): MetricsMessage {
  return reply(at, { text: 'De 1 a 5, como foi seu atendimento?', csatSurvey: true, ...extra });
}
