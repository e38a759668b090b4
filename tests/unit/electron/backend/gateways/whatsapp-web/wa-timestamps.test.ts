import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../../../../../../electron/backend/gateways/whatsapp-web/wa-timestamps';
import { WINDOW_LENGTH_MS, windowExpiresAt } from '../../../../../../shared/chats/window-rules';

describe('WhatsApp timestamps', () => {
  it('converts WhatsApp seconds to milliseconds once, never twice', () => {
    const seconds = 1_764_072_000;
    expect(toEpochMs(seconds)).toBe(seconds * 1000);
    expect(toEpochMs(seconds * 1000)).toBe(seconds * 1000);
    expect(windowExpiresAt(toEpochMs(seconds))).toBe(seconds * 1000 + WINDOW_LENGTH_MS);
  });
});
