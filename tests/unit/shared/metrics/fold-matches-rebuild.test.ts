/**
 * The backend keeps records by folding messages as they arrive and can rebuild them from history:
 * the two must be identical. Streams here are a shop's weeks, generated from a seed, delivered with
 * the delays and re-deliveries of a real connection.
 */
import { describe, expect, it } from 'vitest';
import type { ChatFoldState, ConversationRecord, MetricsMessage } from '../../../../shared/metrics/conversation-record';
import { emptyChatState, foldMessage, rebuild } from '../../../../shared/metrics/conversations';
import { DAY, HOUR, MINUTE, T0 } from './metrics-fixtures';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Delivery {
  message: MetricsMessage;
  arrivesAt: number;
}

function shopWeeks(seed: number, chats: number): Delivery[] {
  const random = seededRandom(seed);
  const deliveries: Delivery[] = [];
  let id = 0;
  const send = (chatId: string, direction: 'in' | 'out', at: number, extra: Partial<MetricsMessage> = {}) => {
    id += 1;
    const message: MetricsMessage = { id: `m${id}`, chatId, direction, at, text: 'Oi', ...extra };
    // Most arrive at once; some late (phone sync, reconnects); a few twice.
    const delay = random() < 0.7 ? 0 : Math.floor(random() * (random() < 0.9 ? 2 * MINUTE : 6 * HOUR));
    deliveries.push({ message, arrivesAt: at + delay });
    if (random() < 0.05) deliveries.push({ message, arrivesAt: at + delay + Math.floor(random() * 10 * MINUTE) });
  };
  for (let chat = 0; chat < chats; chat += 1) {
    const chatId = `55119${String(chat).padStart(8, '0')}@c.us`;
    let at = T0 + Math.floor(random() * 3 * DAY);
    const end = T0 + 28 * DAY;
    while (at < end) {
      const burst = 1 + Math.floor(random() * 3);
      for (let i = 0; i < burst; i += 1) {
        const text = random() < 0.1 ? ['5', 'ótimo', 'obrigado'][Math.floor(random() * 3)] : 'Oi';
        send(chatId, 'in', at, { text });
        at += Math.floor(random() * 3 * MINUTE);
      }
      if (random() < 0.3) send(chatId, 'out', at + 1000, { automatic: true });
      const roll = random();
      // A person replies soon, late in the window, just after it closed, or never.
      const replyIn =
        roll < 0.6
          ? random() * HOUR
          : roll < 0.75
            ? 20 * HOUR + random() * 4 * HOUR
            : roll < 0.85
              ? DAY + random() * HOUR
              : null;
      if (replyIn !== null) {
        at += Math.floor(replyIn);
        send(chatId, 'out', at);
        if (random() < 0.3) send(chatId, 'out', at + MINUTE, { csatSurvey: true });
      }
      at += Math.floor(random() < 0.5 ? random() * 12 * HOUR : random() * 6 * DAY);
    }
  }
  return deliveries.sort((a, b) => a.arrivesAt - b.arrivesAt);
}

/** What the backend does: fold, store `latest` by (chat, sequence), rebuild a chat that asks for it. */
function keepIncrementally(deliveries: readonly Delivery[]): { records: ConversationRecord[]; rebuilds: number } {
  const states = new Map<string, ChatFoldState>();
  const stored = new Map<string, Map<number, ConversationRecord>>();
  const history = new Map<string, MetricsMessage[]>();
  let rebuilds = 0;
  for (const { message } of deliveries) {
    const chatHistory = history.get(message.chatId) ?? [];
    chatHistory.push(message);
    history.set(message.chatId, chatHistory);
    let state = foldMessage(states.get(message.chatId) ?? emptyChatState(message.chatId), message);
    const chatRecords = stored.get(message.chatId) ?? new Map<number, ConversationRecord>();
    stored.set(message.chatId, chatRecords);
    if (state.needsRebuild) {
      rebuilds += 1;
      const rebuilt = rebuild(chatHistory);
      chatRecords.clear();
      for (const record of rebuilt.records) chatRecords.set(record.sequence, record);
      state = rebuilt.states.get(message.chatId) ?? emptyChatState(message.chatId);
    } else if (state.latest) {
      chatRecords.set(state.latest.sequence, state.latest);
    }
    states.set(message.chatId, state);
  }
  const records = [...stored.values()].flatMap((chat) => [...chat.values()]);
  records.sort((a, b) => a.startedAt - b.startedAt || (a.chatId < b.chatId ? -1 : 1));
  return { records, rebuilds };
}

describe('records kept incrementally and rebuilt from history', () => {
  it.each([1, 2, 3, 4, 5])('are identical for a month of 40 chats delivered late and twice (seed %i)', (seed) => {
    const deliveries = shopWeeks(seed, 40);
    const { records, rebuilds } = keepIncrementally(deliveries);
    const reference = rebuild(deliveries.map((delivery) => delivery.message)).records;
    expect(reference.length).toBeGreaterThan(100);
    expect(records).toEqual(reference);
    // Rebuilding a chat is the rare way out, not the rule.
    expect(rebuilds).toBeLessThan(deliveries.length / 100);
  });

  it('a conversation the customer keeps open for two days, a message a minute, folds to the rebuilt state', () => {
    const chatId = '5511900000001@c.us';
    const messages: MetricsMessage[] = [];
    for (let minute = 0; minute < 2 * 24 * 60; minute += 1) {
      const at = T0 + minute * MINUTE;
      messages.push({ id: `in${minute}`, chatId, direction: 'in', at, text: minute % 97 === 0 ? '5' : 'Oi' });
      if (minute % 45 === 0)
        messages.push({ id: `out${minute}`, chatId, direction: 'out', at: at + 1000, text: 'Já vejo' });
      if (minute % 600 === 0)
        messages.push({
          id: `csat${minute}`,
          chatId,
          direction: 'out',
          at: at + 2000,
          text: '1 a 5?',
          csatSurvey: true,
        });
    }
    let state = emptyChatState(chatId);
    for (const message of messages) {
      state = foldMessage(state, message);
      // Delivered again (a status change) right away: folded once.
      if (message.direction === 'out') expect(foldMessage(state, message)).toBe(state);
    }
    const reference = rebuild(messages);
    expect(state).toEqual(reference.states.get(chatId));
  });

  it('in arrival order without delays, never needs a rebuild and ends in the rebuilt states', () => {
    const deliveries = shopWeeks(7, 20).map(({ message }) => ({ message, arrivesAt: message.at }));
    deliveries.sort((a, b) => a.arrivesAt - b.arrivesAt);
    expect(keepIncrementally(deliveries).rebuilds).toBe(0);
    const states = new Map<string, ChatFoldState>();
    for (const { message } of deliveries) {
      states.set(message.chatId, foldMessage(states.get(message.chatId) ?? emptyChatState(message.chatId), message));
    }
    expect(states).toEqual(rebuild(deliveries.map((delivery) => delivery.message)).states);
  });
});
