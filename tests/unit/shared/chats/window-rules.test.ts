import { describe, expect, it } from 'vitest';
import {
  isWindowOpen,
  nextLastInboundAt,
  WINDOW_LENGTH_MS,
  windowExpiresAt,
  windowStatus,
} from '../../../../shared/chats/window-rules';

const HOUR = 3_600_000;
const lastInboundAt = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('the 24-hour window', () => {
  it('is open at 23:59:59.999 and closed at exactly 24:00:00.000', () => {
    expect(windowStatus(lastInboundAt, lastInboundAt + WINDOW_LENGTH_MS - 1).state).not.toBe('closed');
    expect(windowStatus(lastInboundAt, lastInboundAt + WINDOW_LENGTH_MS - 1).remainingMs).toBe(1);
    expect(windowStatus(lastInboundAt, lastInboundAt + WINDOW_LENGTH_MS).state).toBe('closed');
    expect(isWindowOpen(lastInboundAt, lastInboundAt + WINDOW_LENGTH_MS - 1)).toBe(true);
    expect(isWindowOpen(lastInboundAt, lastInboundAt + WINDOW_LENGTH_MS)).toBe(false);
  });

  it('turns "closing soon" at the threshold, which is a setting', () => {
    const fourHoursLeft = lastInboundAt + 20 * HOUR;
    expect(windowStatus(lastInboundAt, fourHoursLeft - 1).state).toBe('open');
    expect(windowStatus(lastInboundAt, fourHoursLeft).state).toBe('closing');
    expect(windowStatus(lastInboundAt, fourHoursLeft, 2 * HOUR).state).toBe('open');
    expect(windowStatus(lastInboundAt, lastInboundAt + 22 * HOUR, 2 * HOUR).state).toBe('closing');
  });

  it('is closed for a customer who never wrote', () => {
    expect(windowStatus(null, lastInboundAt)).toEqual({ state: 'closed', expiresAt: null, remainingMs: 0 });
    expect(isWindowOpen(null, lastInboundAt)).toBe(false);
  });

  it('keeps the latest customer message when messages arrive out of order or twice', () => {
    const later = lastInboundAt + 5 * HOUR;
    expect(nextLastInboundAt(null, lastInboundAt)).toBe(lastInboundAt);
    expect(nextLastInboundAt(later, lastInboundAt)).toBe(later);
    expect(nextLastInboundAt(lastInboundAt, later)).toBe(later);
    expect(nextLastInboundAt(later, later)).toBe(later);
  });
});

describe('24 hours are 24 hours across DST changes', () => {
  // The notes' dates: New York 2025-03-08, Lisbon 2025-10-25, São Paulo 2018-11-03 and 2019-02-16.
  const cases = [
    { timeZone: 'America/New_York', local: '2025-03-08T10:00:00-05:00' },
    { timeZone: 'Europe/Lisbon', local: '2025-10-25T10:00:00+01:00' },
    { timeZone: 'America/Sao_Paulo', local: '2018-11-03T10:00:00-03:00' },
    { timeZone: 'America/Sao_Paulo', local: '2019-02-16T10:00:00-02:00' },
  ];
  for (const { timeZone, local } of cases) {
    it(`${timeZone} from ${local}`, () => {
      const start = Date.parse(local);
      const expiresAt = windowExpiresAt(start);
      expect(expiresAt - start).toBe(24 * HOUR);
      // The same wall-clock time next day is 23 or 25 hours later here: the window must not follow it.
      const format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      expect(format.format(expiresAt)).not.toBe(format.format(start));
      expect(windowStatus(start, expiresAt - 1).state).not.toBe('closed');
      expect(windowStatus(start, expiresAt).state).toBe('closed');
    });
  }
});
