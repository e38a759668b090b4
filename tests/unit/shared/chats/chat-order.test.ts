import { describe, expect, it } from 'vitest';
import {
  isUnanswered,
  mergeNew,
  nextOrderChangeAt,
  orderChats,
  reorderChanged,
} from '../../../../shared/chats/chat-order';
import type { ChatSummary } from '../../../../shared/domain';

const hour = 3_600_000;
const now = Date.UTC(2025, 5, 1, 12);

function chat(name: string, fields: Partial<ChatSummary>): ChatSummary {
  return {
    chatId: `55119${String(name.length).padStart(8, '0')}${name.charCodeAt(0)}@c.us`,
    phone: '5511900000000',
    name,
    firstName: name,
    lastInboundAt: null,
    lastOutboundAt: null,
    lastMessage: null,
    unreadCount: 0,
    labels: [],
    ...fields,
  };
}

describe('isUnanswered', () => {
  it('is true only when the customer wrote after the shop’s last reply', () => {
    expect(isUnanswered({ lastInboundAt: null, lastOutboundAt: null })).toBe(false);
    expect(isUnanswered({ lastInboundAt: 10, lastOutboundAt: null })).toBe(true);
    expect(isUnanswered({ lastInboundAt: 10, lastOutboundAt: 5 })).toBe(true);
    expect(isUnanswered({ lastInboundAt: 10, lastOutboundAt: 10 })).toBe(false);
    expect(isUnanswered({ lastInboundAt: 10, lastOutboundAt: 11 })).toBe(false);
  });

  it('is false once staff marked the conversation done after the customer’s last message', () => {
    expect(isUnanswered({ lastInboundAt: 10, lastOutboundAt: null, doneAt: 12 })).toBe(false);
    expect(isUnanswered({ lastInboundAt: 10, lastOutboundAt: 5, doneAt: 10 })).toBe(false);
    // The customer wrote again after "Concluir": it needs an answer again.
    expect(isUnanswered({ lastInboundAt: 20, lastOutboundAt: 5, doneAt: 12 })).toBe(true);
    expect(isUnanswered({ lastInboundAt: 20, lastOutboundAt: 5, doneAt: null })).toBe(true);
  });

  it('a done chat sorts with the answered ones', () => {
    const waiting = chat('Ana', { lastInboundAt: now - 2 * hour });
    const done = chat('Bia', { lastInboundAt: now - 3 * hour, doneAt: now - hour });
    expect(orderChats([done, waiting], now).map((c) => c.name)).toEqual(['Ana', 'Bia']);
  });
});

describe('orderChats', () => {
  const unansweredSoon = chat('Ana', { lastInboundAt: now - 23 * hour });
  const unansweredLater = chat('Bruno', { lastInboundAt: now - 1 * hour });
  const answeredSoon = chat('Carla', { lastInboundAt: now - 22 * hour, lastOutboundAt: now - 21 * hour });
  const answeredLater = chat('Davi', { lastInboundAt: now - 2 * hour, lastOutboundAt: now - hour });
  const closedRecent = chat('Elisa', {
    lastInboundAt: now - 30 * hour,
    lastOutboundAt: now - 3 * hour,
    lastMessage: { text: 'ok', at: now - 3 * hour, direction: 'out' },
  });
  const closedOld = chat('Fabio', {
    lastInboundAt: now - 50 * hour,
    lastMessage: { text: 'oi', at: now - 50 * hour, direction: 'in' },
  });
  const neverWrote = chat('Gil', { lastOutboundAt: now - 40 * hour });

  it('puts unanswered open chats first (closing soonest first), then other open chats, then closed by recency', () => {
    const shuffled = [
      closedOld,
      answeredLater,
      neverWrote,
      unansweredLater,
      closedRecent,
      answeredSoon,
      unansweredSoon,
    ];
    expect(orderChats(shuffled, now).map((c) => c.name)).toEqual([
      'Ana',
      'Bruno',
      'Carla',
      'Davi',
      'Elisa',
      'Gil',
      'Fabio',
    ]);
  });

  it('treats a window at exactly 24 h as closed', () => {
    const justClosed = chat('Hugo', { lastInboundAt: now - 24 * hour });
    const stillOpen = chat('Iris', { lastInboundAt: now - 24 * hour + 1 });
    expect(orderChats([justClosed, stillOpen, closedRecent], now).map((c) => c.name)).toEqual([
      'Iris',
      'Elisa',
      'Hugo',
    ]);
  });

  it('moves a chat down once its window closes', () => {
    const list = [unansweredSoon, unansweredLater];
    expect(orderChats(list, now)[0]?.name).toBe('Ana');
    expect(orderChats(list, now + 1 * hour)[0]?.name).toBe('Bruno');
  });

  it('does not change the array it was given', () => {
    const list = [closedOld, unansweredSoon];
    orderChats(list, now);
    expect(list[0]?.name).toBe('Fabio');
  });

  it('breaks ties by name so the order is stable', () => {
    const a = chat('Zeca', { lastInboundAt: now - hour });
    const b = chat('Alice', { lastInboundAt: now - hour });
    expect(orderChats([a, b], now).map((c) => c.name)).toEqual(['Alice', 'Zeca']);
  });
});

describe('nextOrderChangeAt', () => {
  it('returns the next closing-soon or closing moment after now', () => {
    const closingSoonMs = 4 * hour;
    const chats = [{ lastInboundAt: now - 23 * hour }, { lastInboundAt: now - 10 * hour }, { lastInboundAt: null }];
    // First chat: closing-soon moment is past, it closes in 1 h. Second: closing soon in 10 h.
    expect(nextOrderChangeAt(chats, now, closingSoonMs)).toBe(now + hour);
    expect(nextOrderChangeAt(chats, now + hour, closingSoonMs)).toBe(now + 10 * hour);
    expect(nextOrderChangeAt([{ lastInboundAt: now - 25 * hour }], now, closingSoonMs)).toBeNull();
  });
});

describe('chats waiting for a person after a hand-off', () => {
  // The bot answered "someone will reply" after the customer asked for a person: that is no answer.
  const waiting = chat('Vera', {
    lastInboundAt: now - 2 * hour,
    lastOutboundAt: now - 2 * hour + 1000,
    waitingForPerson: true,
  });
  const answered = chat('Alice', { lastInboundAt: now - 20 * hour, lastOutboundAt: now - 19 * hour });
  const unanswered = chat('Bia', { lastInboundAt: now - hour });

  it('count as unanswered although the bot replied', () => {
    expect(isUnanswered(waiting)).toBe(true);
    expect(isUnanswered({ ...waiting, waitingForPerson: false })).toBe(false);
    expect(isUnanswered({ lastInboundAt: null, lastOutboundAt: null, waitingForPerson: true })).toBe(false);
  });

  it('sort with the unanswered chats, by when their window closes, ahead of answered ones', () => {
    expect(orderChats([answered, unanswered, waiting], now).map((c) => c.name)).toEqual(['Vera', 'Bia', 'Alice']);
    expect(orderChats([answered, { ...waiting, waitingForPerson: false }, unanswered], now).map((c) => c.name)).toEqual(
      ['Bia', 'Alice', 'Vera'],
    );
  });

  it('sort as closed once their window closed: nobody can answer them any more', () => {
    const closed = { ...waiting, lastInboundAt: now - 25 * hour, lastOutboundAt: now - 25 * hour };
    expect(orderChats([closed, answered], now).map((c) => c.name)).toEqual(['Alice', 'Vera']);
  });
});

/** 200 chats in every state, with ties in time (so names and ids decide). */
const manyChats = () =>
  Array.from({ length: 200 }, (_, i) =>
    chat(`Cliente ${i % 50}`, {
      chatId: `5511${String(i).padStart(9, '0')}@c.us`,
      lastInboundAt: i % 3 === 0 ? now - (i % 47) * hour : now - (i % 20) * hour,
      lastOutboundAt: i % 4 === 0 ? now - (i % 5) * hour : null,
      lastMessage: { text: 'oi', at: now - (i % 30) * hour, direction: 'in' },
    }),
  );

describe('mergeNew', () => {
  it('puts a page of chats the list does not hold where a full sort would', () => {
    const chats = manyChats();
    // The list holds every third chat; the others arrive in pages in chat-id order, as getChats sends them.
    const held = chats.filter((_, i) => i % 3 === 0);
    const pages = [chats.filter((_, i) => i % 3 !== 0).slice(0, 70), chats.filter((_, i) => i % 3 !== 0).slice(70)];
    let list = orderChats(held, now);
    for (const page of pages) list = mergeNew(list, page, now);
    expect(list).toEqual(orderChats(chats, now));
    expect(mergeNew([], pages[0] ?? [], now)).toEqual(orderChats(pages[0] ?? [], now));
  });
});

describe('reorderChanged', () => {
  it('puts changed and new chats where a full sort would, keeping one copy of each', () => {
    const chats = manyChats();
    const ordered = orderChats(chats, now);
    const [seventh, later] = [chats[7], chats[150]];
    if (!seventh || !later) throw new Error('fixture');
    const changed = [
      { ...seventh, lastInboundAt: now, lastOutboundAt: null },
      { ...later, lastOutboundAt: now },
      chat('Nova', { chatId: '5511999999999@c.us', lastInboundAt: now - 30 * hour }),
    ];
    const merged = new Map(chats.map((one) => [one.chatId, one]));
    for (const one of changed) merged.set(one.chatId, one);
    expect(reorderChanged(ordered, changed, now)).toEqual(orderChats([...merged.values()], now));
  });
});
