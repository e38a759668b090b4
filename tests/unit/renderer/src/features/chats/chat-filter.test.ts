import { describe, expect, it } from 'vitest';
import type { ChatSummary } from '../../../../../../shared/domain';
import { filterChats, matchesSearch } from '../../../../../../renderer/src/features/chats/chat-filter';
import type { ChatFilter } from '../../../../../../renderer/src/app/ui-store';

const HOUR = 3_600_000;
const now = Date.UTC(2025, 5, 10, 12);
const closingSoonMs = 4 * HOUR;

function chat(
  name: string,
  phone: string,
  lastInboundAt: number | null,
  lastOutboundAt: number | null = null,
): ChatSummary {
  return {
    chatId: `${phone}@c.us`,
    phone,
    name,
    firstName: name,
    lastInboundAt,
    lastOutboundAt,
    lastMessage: null,
    unreadCount: 0,
    labels: [],
  };
}

const joao = chat('João Pereira', '5521998765432', now - HOUR);
const maria = chat('Maria Silva', '5511987654321', now - 22 * HOUR, now - 21 * HOUR);
const ana = chat('Ana Souza', '5531976543210', now - 30 * HOUR);
const all = [joao, maria, ana];
const names = (filters: ChatFilter[], search = '') =>
  filterChats(all, new Set(filters), search, now, closingSoonMs).map((c) => c.name);

describe('search', () => {
  it('ignores accents and case in names', () => {
    expect(matchesSearch(joao, 'joao')).toBe(true);
    expect(matchesSearch(joao, 'PEREI')).toBe(true);
    expect(matchesSearch(joao, 'silva')).toBe(false);
  });

  it('finds numbers typed with spaces, brackets and dashes', () => {
    expect(matchesSearch(joao, '5521')).toBe(true);
    expect(matchesSearch(maria, '(11) 98765-4321')).toBe(true);
    expect(matchesSearch(maria, '+55 11 9876')).toBe(true);
    expect(matchesSearch(joao, '(11) 98765')).toBe(false);
  });

  it('does not treat a name with a digit as a number search', () => {
    expect(matchesSearch(chat('Loja 2', '5511900000002', null), 'ana 2')).toBe(false);
  });
});

describe('filterChats', () => {
  it('returns the same array when nothing filters, so the list does not re-render', () => {
    expect(filterChats(all, new Set(), '  ', now, closingSoonMs)).toBe(all);
  });

  it('combines window states with "or"', () => {
    expect(names(['open'])).toEqual(['João Pereira']);
    expect(names(['closing'])).toEqual(['Maria Silva']);
    expect(names(['closed'])).toEqual(['Ana Souza']);
    expect(names(['open', 'closed'])).toEqual(['João Pereira', 'Ana Souza']);
  });

  it('narrows with unanswered and the search', () => {
    expect(names(['unanswered'])).toEqual(['João Pereira', 'Ana Souza']);
    expect(names(['unanswered', 'closed'])).toEqual(['Ana Souza']);
    expect(names(['unanswered'], 'ana')).toEqual(['Ana Souza']);
  });
});
