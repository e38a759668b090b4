import { describe, expect, it } from 'vitest';
import { brazilNationalHolidays, easterSunday } from '../../../../shared/automations/brazil-holidays';

describe('easterSunday', () => {
  it.each([
    [2018, 4, 1],
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])('%i → %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ y: year, m: month, d: day });
  });
});

describe('brazilNationalHolidays', () => {
  const byName = (year: number) =>
    Object.fromEntries(brazilNationalHolidays(year).map((holiday) => [holiday.name.en, holiday]));

  it('computes the moving feasts of 2026 from Easter on April 5', () => {
    const holidays = byName(2026);
    expect(holidays['Carnival Monday']).toMatchObject({ date: '2026-02-16', optional: true });
    expect(holidays['Carnival Tuesday']).toMatchObject({ date: '2026-02-17', optional: true });
    expect(holidays['Good Friday']).toMatchObject({ date: '2026-04-03', optional: false });
    expect(holidays['Corpus Christi']).toMatchObject({ date: '2026-06-04', optional: true });
  });

  it('computes the moving feasts of 2027 from Easter on March 28', () => {
    const holidays = byName(2027);
    expect(holidays['Carnival Monday']?.date).toBe('2027-02-08');
    expect(holidays['Good Friday']?.date).toBe('2027-03-26');
    expect(holidays['Corpus Christi']?.date).toBe('2027-05-27');
  });

  it('lists the fixed holidays in date order, with names in both languages', () => {
    const holidays = brazilNationalHolidays(2026);
    expect(holidays.map((holiday) => holiday.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-04-03',
      '2026-04-21',
      '2026-05-01',
      '2026-06-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-02',
      '2026-11-15',
      '2026-11-20',
      '2026-12-25',
    ]);
    expect(holidays.find((holiday) => holiday.date === '2026-04-21')?.name).toEqual({
      'pt-BR': 'Tiradentes',
      en: 'Tiradentes Day',
    });
  });

  it('has Consciência Negra as a national holiday from 2024 only', () => {
    expect(brazilNationalHolidays(2023).some((holiday) => holiday.date === '2023-11-20')).toBe(false);
    expect(brazilNationalHolidays(2024).find((holiday) => holiday.date === '2024-11-20')?.name['pt-BR']).toBe(
      'Dia da Consciência Negra',
    );
  });
});
