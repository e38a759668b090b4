/**
 * The period's conversations as CSV, one row per conversation, for a spreadsheet: customer, when it
 * started, the first response, its status, whether it restarted after expiry, the CSAT score. Times
 * are the shop's local time (`YYYY-MM-DD HH:MM`), which every spreadsheet reads.
 */
import type { Language } from '../domain';
import { conversationStatus, type ConversationRecord } from './conversation-record';
import { shopClockTime, shopMinute } from '../time/shop-time';

export interface CsvCustomer {
  name: string;
  phone: string;
}

const headers: Record<Language, readonly string[]> = {
  'pt-BR': ['cliente', 'telefone', 'início', 'primeira resposta', 'situação', 'reiniciada após expirar', 'nota CSAT'],
  en: ['customer', 'phone', 'started', 'first response', 'status', 'restarted after expiry', 'CSAT score'],
};

const statusWords: Record<Language, Record<'answered' | 'missed' | 'pending', string>> = {
  'pt-BR': { answered: 'respondida', missed: 'perdida', pending: 'pendente' },
  en: { answered: 'answered', missed: 'missed', pending: 'pending' },
};

const yesNo: Record<Language, [string, string]> = { 'pt-BR': ['sim', 'não'], en: ['yes', 'no'] };

/** Quotes a field when it needs it; a leading = + - @ is defused so a spreadsheet never runs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function localTime(at: number, timeZone: string): string {
  const { day, hour } = shopClockTime(at, timeZone);
  const minute = shopMinute(at, timeZone);
  return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function metricsCsv(
  records: readonly ConversationRecord[],
  customerOf: (chatId: string) => CsvCustomer,
  options: { now: number; timeZone: string; language: Language },
): string {
  const { now, timeZone, language } = options;
  const [yes, no] = yesNo[language];
  const lines = [headers[language].join(',')];
  for (const record of records) {
    const customer = customerOf(record.chatId);
    lines.push(
      [
        csvField(customer.name),
        csvField(customer.phone),
        localTime(record.startedAt, timeZone),
        record.firstResponseAt === null ? '' : localTime(record.firstResponseAt, timeZone),
        statusWords[language][conversationStatus(record, now)],
        record.restarted ? yes : no,
        record.csatScore === null ? '' : String(record.csatScore),
      ].join(','),
    );
  }
  // CRLF (RFC 4180) and a BOM so Excel reads the accents as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
