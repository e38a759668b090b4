import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../../../../shared/metrics/conversation-record';
import { csvField, metricsCsv } from '../../../../shared/metrics/metrics-csv';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// 26 Nov 2026, 10:00 in São Paulo.
const T0 = Date.parse('2026-11-26T13:00:00Z');

function record(extra: Partial<ConversationRecord>): ConversationRecord {
  return {
    chatId: '5511987654321@c.us',
    startedAt: T0,
    lastInboundAt: T0,
    expiresAt: T0 + 24 * HOUR,
    customerMessageAts: [T0],
    firstResponseAt: null,
    firstResponseMs: null,
    sequence: 0,
    restarted: false,
    replyWaitsMs: [],
    automaticReplies: 0,
    surveySentAt: null,
    csatScore: null,
    ...extra,
  };
}

describe('the conversations CSV', () => {
  const customers = (chatId: string) =>
    chatId.startsWith('5511')
      ? { name: 'Maria "Mari" Silva', phone: '5511987654321' }
      : { name: '=HYPERLINK("x")', phone: '5521998765432' };

  it('has one row per conversation, in the shop’s local time, with status, restart and score', () => {
    const csv = metricsCsv(
      [
        record({
          firstResponseAt: T0 + 25 * MINUTE,
          firstResponseMs: 25 * MINUTE,
          csatScore: 5,
          restarted: true,
          sequence: 1,
        }),
        record({ chatId: '5521998765432@c.us', startedAt: T0 - 30 * HOUR, expiresAt: T0 - 6 * HOUR }),
        record({ chatId: '5521998765432@c.us', startedAt: T0 + HOUR, expiresAt: T0 + 25 * HOUR }),
      ],
      customers,
      { now: T0 + 2 * HOUR, timeZone: 'America/Sao_Paulo', language: 'pt-BR' },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'cliente,telefone,início,primeira resposta,situação,reiniciada após expirar,nota CSAT',
      '"Maria ""Mari"" Silva",5511987654321,2026-11-26 10:00,2026-11-26 10:25,respondida,sim,5',
      `"'=HYPERLINK(""x"")",5521998765432,2026-11-25 04:00,,perdida,não,`,
      `"'=HYPERLINK(""x"")",5521998765432,2026-11-26 11:00,,pendente,não,`,
      '',
    ]);
  });

  it('speaks English when the UI does', () => {
    const csv = metricsCsv([record({})], customers, { now: T0, timeZone: 'America/Sao_Paulo', language: 'en' });
    expect(csv).toContain('customer,phone,started,first response,status,restarted after expiry,CSAT score');
    expect(csv).toContain(',pending,no,');
  });

  it('quotes only what needs it and defuses formulas', () => {
    expect(csvField('Ana')).toBe('Ana');
    expect(csvField('Ana, Bia')).toBe('"Ana, Bia"');
    expect(csvField('+5511')).toBe("'+5511");
    expect(csvField('@x')).toBe("'@x");
  });
});
