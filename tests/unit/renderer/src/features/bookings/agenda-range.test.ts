import { describe, expect, it } from 'vitest';
import { rangeOf, weekStart } from '../../../../../../renderer/src/features/bookings/agenda-store';
import { reminderText } from '../../../../../../renderer/src/features/bookings/reminder-text';
import { translatorFor } from '../../../../../../shared/i18n';
import type { AgendaEntry } from '../../../../../../shared/bookings/agenda-view';

const SP = 'America/Sao_Paulo';

describe('the agenda’s range', () => {
  it('starts the week on Monday', () => {
    expect(weekStart('2026-11-26')).toBe('2026-11-23'); // Thursday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
  });

  it('asks for one shop day or seven, midnight to midnight in the shop’s zone', () => {
    expect(rangeOf('day', '2026-11-26', SP)).toEqual({
      from: Date.parse('2026-11-26T00:00:00-03:00'),
      to: Date.parse('2026-11-27T00:00:00-03:00'),
    });
    expect(rangeOf('week', '2026-11-26', SP)).toEqual({
      from: Date.parse('2026-11-23T00:00:00-03:00'),
      to: Date.parse('2026-11-30T00:00:00-03:00'),
    });
  });
});

describe('the reminder state as staff read it', () => {
  const now = Date.parse('2026-11-26T11:00:00-03:00');
  const start = Date.parse('2026-11-28T10:00:00-03:00');
  const entry = (reminder: AgendaEntry['reminder']) => ({ reminder, booking: { start } }) as AgendaEntry;
  const t = translatorFor('pt-BR');

  it('names the day when the time is not today', () => {
    const until = Date.parse('2026-11-27T09:40:00-03:00');
    expect(reminderText(entry({ state: 'can-remind-until', until, remindAt: null }), t, SP, 'pt-BR', now)).toBe(
      'Dá para lembrar até sex 27/11 às 09:40',
    );
    const today = Date.parse('2026-11-26T15:00:00-03:00');
    expect(reminderText(entry({ state: 'can-remind-until', until, remindAt: today }), t, SP, 'pt-BR', now)).toBe(
      'Lembrete automático às 15:00',
    );
  });

  it('tells staff to call when the window closed', () => {
    expect(reminderText(entry({ state: 'cannot-remind-window-closed' }), translatorFor('en'), SP, 'en', now)).toBe(
      'Cannot be reminded: window closed — call the customer',
    );
    expect(reminderText(entry(null), t, SP, 'pt-BR', now)).toBeNull();
  });

  it('turns to "window closed" as the screen’s clock passes the limit, without a new fetch', () => {
    const until = Date.parse('2026-11-26T11:30:00-03:00');
    const open = entry({ state: 'can-remind-until', until, remindAt: null });
    expect(reminderText(open, t, SP, 'pt-BR', now)).toBe('Dá para lembrar até 11:30');
    expect(reminderText(open, translatorFor('en'), SP, 'en', until)).toBe(
      'Cannot be reminded: window closed — call the customer',
    );
    expect(reminderText(open, t, SP, 'pt-BR', start)).toBeNull();
  });
});
