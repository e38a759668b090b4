import { describe, expect, it } from 'vitest';
import { createFormatter, formatCountdown, localeFor } from '../../../../shared/i18n';

const labels = { today: 'Today', yesterday: 'Yesterday' };
const hour = 3_600_000;

describe('formatCountdown', () => {
  it('reads like the badge: hours and two-digit minutes, rounded down', () => {
    expect(formatCountdown(24 * hour - 1)).toBe('23h 59m');
    expect(formatCountdown(hour + 5 * 60_000 + 59_999)).toBe('1h 05m');
    expect(formatCountdown(hour)).toBe('1h 00m');
    expect(formatCountdown(hour - 1)).toBe('59m');
    expect(formatCountdown(60_000)).toBe('1m');
    expect(formatCountdown(59_999)).toBe('59s');
    expect(formatCountdown(-5)).toBe('0s');
  });
});

describe('localeFor', () => {
  it('keeps pt-BR and follows the person’s English variant', () => {
    expect(localeFor('pt-BR', ['en-GB'])).toBe('pt-BR');
    expect(localeFor('en', ['pt-BR', 'en-GB'])).toBe('en-GB');
    expect(localeFor('en', ['pt-BR'])).toBe('en-US');
  });
});

describe('createFormatter', () => {
  // 2025-03-12 17:05 UTC = 14:05 in São Paulo, 13:05 in New York (EDT since 2025-03-09).
  const at = Date.UTC(2025, 2, 12, 17, 5);

  it('formats times in the shop’s time zone, not the machine’s', () => {
    expect(createFormatter({ language: 'pt-BR', timeZone: 'America/Sao_Paulo' }).time(at)).toBe('14:05');
    expect(createFormatter({ language: 'pt-BR', timeZone: 'America/New_York' }).time(at)).toBe('13:05');
    expect(createFormatter({ language: 'en', timeZone: 'America/Sao_Paulo' }).time(at)).toMatch(/^2:05\sPM$/);
  });

  it('formats date and time in the language', () => {
    const portuguese = createFormatter({ language: 'pt-BR', timeZone: 'America/Sao_Paulo' }).dateTime(at);
    expect(portuguese).toContain('2025');
    expect(portuguese).toContain('mar');
    expect(portuguese).toContain('14:05');
    expect(createFormatter({ language: 'en', timeZone: 'America/Sao_Paulo' }).dateTime(at)).toMatch(/Mar 12, 2025/);
  });

  it('falls back to the machine zone for an invalid time zone instead of throwing', () => {
    expect(() => createFormatter({ language: 'en', timeZone: 'Not/AZone' }).time(at)).not.toThrow();
  });

  it('names today and yesterday by the calendar day in the time zone', () => {
    const format = createFormatter({ language: 'en', timeZone: 'America/Sao_Paulo' });
    // 01:30 UTC on the 13th is still the 12th in São Paulo (22:30).
    const now = Date.UTC(2025, 2, 13, 1, 30);
    expect(format.dayHeading(at, now, labels)).toBe('Today');
    expect(format.listTime(at, now, labels)).toMatch(/^2:05/);
    expect(format.dayHeading(at, now + 24 * hour, labels)).toBe('Yesterday');
    expect(format.listTime(at, now + 24 * hour, labels)).toBe('Yesterday');
    expect(format.listTime(at, now + 3 * 24 * hour, labels)).toBe('Wednesday');
    expect(format.listTime(at, now + 30 * 24 * hour, labels)).toBe('03/12/25');
  });

  it('finds yesterday across a DST change (a calendar day is not 24 h there)', () => {
    const format = createFormatter({ language: 'en', timeZone: 'America/New_York' });
    // 2025-03-08 23:30 EST, then 2025-03-09 23:10 EDT: less than 24 h apart but the previous day.
    const saturdayNight = Date.UTC(2025, 2, 9, 4, 30);
    const sundayNight = Date.UTC(2025, 2, 10, 3, 10);
    expect(format.dayHeading(saturdayNight, sundayNight, labels)).toBe('Yesterday');
  });

  it('has one time style per language: pt-BR 24-hour HH:mm everywhere, English h:mm a', () => {
    const early = Date.UTC(2025, 2, 12, 9, 37); // 06:37 in São Paulo
    const portuguese = createFormatter({ language: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    const english = createFormatter({ language: 'en', timeZone: 'America/Sao_Paulo' });
    expect(portuguese.time(early)).toBe('06:37');
    expect(portuguese.dateTime(early)).toContain('06:37');
    expect(portuguese.listTime(early, early + hour, labels)).toBe('06:37');
    expect(english.time(early)).toBe('6:37 AM');
    expect(english.dateTime(early)).toContain('6:37 AM');
  });

  it('says when a moment near now is, in words: today, tomorrow, yesterday, else the date', () => {
    const portuguese = createFormatter({ language: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    const english = createFormatter({ language: 'en', timeZone: 'America/Sao_Paulo' });
    const now = Date.UTC(2025, 2, 12, 15, 0); // 12:00 in São Paulo
    expect(portuguese.when(Date.UTC(2025, 2, 12, 16, 47), now)).toBe('hoje às 13:47');
    expect(portuguese.when(Date.UTC(2025, 2, 13, 15, 25), now)).toBe('amanhã às 12:25');
    expect(portuguese.when(Date.UTC(2025, 2, 11, 9, 5), now)).toBe('ontem às 06:05');
    expect(portuguese.when(Date.UTC(2025, 2, 1, 17, 5), now)).toBe('01/03 às 14:05');
    expect(english.when(Date.UTC(2025, 2, 12, 16, 47), now)).toBe('today at 1:47 PM');
    expect(english.when(Date.UTC(2025, 2, 13, 15, 25), now)).toBe('tomorrow at 12:25 PM');
    expect(english.when(Date.UTC(2025, 2, 1, 17, 5), now)).toBe('Mar 1 at 2:05 PM');
  });
});
