import { describe, expect, it } from 'vitest';
import { parseDayInput } from '../../../../shared/bookings/date-input';

// Wednesday 25 November 2026, 10:00 in São Paulo.
const now = Date.parse('2026-11-25T10:00:00-03:00');
const SP = 'America/Sao_Paulo';

describe('a typed day', () => {
  it.each([
    ['hoje', '2026-11-25'],
    ['Hoje!', '2026-11-25'],
    ['amanhã', '2026-11-26'],
    ['amanha', '2026-11-26'],
    ['AMANHÃ?', '2026-11-26'],
    ['depois de amanhã', '2026-11-27'],
    ['depois de amanha', '2026-11-27'],
    ['sexta', '2026-11-27'],
    ['sexta-feira', '2026-11-27'],
    ['Sexta-Feira', '2026-11-27'],
    ['sex', '2026-11-27'],
    ['na sexta', '2026-11-27'],
    ['pode ser sábado', '2026-11-28'],
    ['sabado', '2026-11-28'],
    ['domingo', '2026-11-29'],
    ['segunda', '2026-11-30'],
    ['terça-feira', '2026-12-01'],
    ['quarta', '2026-11-25'],
    ['28/11', '2026-11-28'],
    ['28/11/2026', '2026-11-28'],
    ['28/11/26', '2026-11-28'],
    ['28-11', '2026-11-28'],
    ['28.11', '2026-11-28'],
    ['dia 28', '2026-11-28'],
    ['dia 25', '2026-11-25'],
    ['dia 24', '2026-12-24'],
    ['dia 31', '2026-12-31'],
    ['24/11', '2027-11-24'],
    ['5/1', '2027-01-05'],
    ['29/02', '2028-02-29'],
    ['11/28', '2026-11-28'],
    ['2026-12-01', '2026-12-01'],
    ['today', '2026-11-25'],
    ['tomorrow', '2026-11-26'],
    ['the day after tomorrow', '2026-11-27'],
    ['Friday', '2026-11-27'],
    ['next friday', '2026-11-27'],
    ['sat', '2026-11-28'],
    ['28th', '2026-11-28'],
    ['the 3rd', '2026-12-03'],
    ['24/11/2026', null],
    ['31/02', null],
    ['dia 32', null],
    ['28', null],
    ['13/13', null],
    ['banana', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseDayInput(text, now, SP)).toBe(expected);
  });

  it('counts from the shop’s calendar, not UTC’s', () => {
    // 22:30 on 25/11 in São Paulo is already 26/11 in UTC.
    const lateEvening = Date.parse('2026-11-25T22:30:00-03:00');
    expect(parseDayInput('hoje', lateEvening, SP)).toBe('2026-11-25');
    expect(parseDayInput('amanhã', lateEvening, SP)).toBe('2026-11-26');
  });
});
