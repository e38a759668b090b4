import { describe, expect, it } from 'vitest';
import { filterByLabels } from '../../../../../../renderer/src/features/profiles/label-filter-rule';

describe('the label filter', () => {
  const chats = [
    { id: 'a', labels: ['vip'] },
    { id: 'b', labels: ['late', 'vip'] },
    { id: 'c', labels: [] },
  ];

  it('keeps chats with any chosen label, and all chats when none is chosen', () => {
    expect(filterByLabels(chats, new Set()).map((chat) => chat.id)).toEqual(['a', 'b', 'c']);
    expect(filterByLabels(chats, new Set(['late'])).map((chat) => chat.id)).toEqual(['b']);
    expect(filterByLabels(chats, new Set(['late', 'vip'])).map((chat) => chat.id)).toEqual(['a', 'b']);
  });
});
