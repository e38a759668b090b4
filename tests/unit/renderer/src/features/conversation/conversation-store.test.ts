import { describe, expect, it } from 'vitest';
import { mergeMessages } from '../../../../../../renderer/src/features/conversation/conversation-store';

describe('mergeMessages', () => {
  const base = { chatId: '5511987654321@c.us', direction: 'out' as const, kind: 'text' as const, text: '' };
  it('keeps messages by id in time order, replacing an older copy', () => {
    const merged = mergeMessages(
      [
        { ...base, id: 'b', at: 2, status: 'pending' },
        { ...base, id: 'a', at: 1 },
      ],
      [
        { ...base, id: 'b', at: 2, status: 'delivered' },
        { ...base, id: 'c', at: 0 },
      ],
    );
    expect(merged.map((m) => `${m.id}${m.status ?? ''}`)).toEqual(['c', 'a', 'bdelivered']);
  });
});
