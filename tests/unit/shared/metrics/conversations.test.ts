import { describe, expect, it } from 'vitest';
import {
  chatFoldStateSchema,
  conversationRecordSchema,
  conversationStatus,
  type ChatFoldState,
  type MetricsMessage,
} from '../../../../shared/metrics/conversation-record';
import { emptyChatState, foldMessage, rebuild } from '../../../../shared/metrics/conversations';
import { ANA, automatic, customer, DAY, HOUR, MINUTE, reply, survey, T0 } from './metrics-fixtures';

function foldRaw(messages: readonly MetricsMessage[]): ChatFoldState {
  return messages.reduce(foldMessage, emptyChatState(ANA));
}

/** As the backend keeps a chat: fold, and rebuild from the messages so far when the fold asks for it. */
function foldAll(messages: readonly MetricsMessage[]): ChatFoldState {
  let state = emptyChatState(ANA);
  messages.forEach((message, index) => {
    state = foldMessage(state, message);
    if (state.needsRebuild) state = rebuild(messages.slice(0, index + 1)).states.get(ANA) ?? emptyChatState(ANA);
  });
  return state;
}

function recordsOf(messages: readonly MetricsMessage[]) {
  return rebuild(messages).records;
}

function only(messages: readonly MetricsMessage[]) {
  const records = recordsOf(messages);
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record) throw new Error('no conversation');
  return record;
}

describe('a conversation', () => {
  it('starts with a customer message and expires exactly 24 h after the last one', () => {
    const record = only([customer(T0), customer(T0 + 2 * HOUR)]);
    expect(record).toMatchObject({
      startedAt: T0,
      lastInboundAt: T0 + 2 * HOUR,
      expiresAt: T0 + 26 * HOUR,
      customerMessageAts: [T0, T0 + 2 * HOUR],
      restarted: false,
    });
    expect(conversationStatus(record, T0 + 26 * HOUR - 1)).toBe('pending');
    expect(conversationStatus(record, T0 + 26 * HOUR)).toBe('missed');
  });

  it('a customer message 1 ms before the end extends it; one at exactly +24 h starts a restarted one', () => {
    expect(only([customer(T0), customer(T0 + DAY - 1)]).expiresAt).toBe(T0 + 2 * DAY - 1);

    const [first, second] = recordsOf([customer(T0), customer(T0 + DAY)]);
    expect(first).toMatchObject({ startedAt: T0, expiresAt: T0 + DAY, restarted: false });
    expect(second).toMatchObject({ startedAt: T0 + DAY, expiresAt: T0 + 2 * DAY, restarted: true });
  });

  it('is restarted after any earlier expired conversation, not only the one before', () => {
    const records = recordsOf([customer(T0), customer(T0 + 3 * DAY), customer(T0 + 10 * DAY)]);
    expect(records.map((record) => record.restarted)).toEqual([false, true, true]);
  });

  it('ignores the shop writing before the customer ever did', () => {
    const record = only([reply(T0 - HOUR), customer(T0)]);
    expect(record.firstResponseAt).toBeNull();
    expect(record.replyWaitsMs).toEqual([]);
  });

  it('leaves reactions out: a 👍 is no customer to answer', () => {
    expect(recordsOf([customer(T0, '👍', { kind: 'reaction' })])).toEqual([]);
    const record = only([customer(T0), reply(T0 + MINUTE, { kind: 'reaction' })]);
    expect(record.firstResponseAt).toBeNull();
  });
});

describe('answered, missed and pending', () => {
  it('a reply typed in Janela or on the phone (both outbound) answers; first response time is from the first customer message', () => {
    const record = only([customer(T0), customer(T0 + MINUTE), reply(T0 + 10 * MINUTE)]);
    expect(record.firstResponseAt).toBe(T0 + 10 * MINUTE);
    expect(record.firstResponseMs).toBe(10 * MINUTE);
    expect(conversationStatus(record, T0 + 11 * MINUTE)).toBe('answered');
    expect(conversationStatus(record, T0 + 5 * DAY)).toBe('answered');
  });

  it('a reply 1 ms before the window closes answers; a reply when it closes does not, and it is missed', () => {
    expect(only([customer(T0), reply(T0 + DAY - 1)]).firstResponseMs).toBe(DAY - 1);

    const late = only([customer(T0), reply(T0 + DAY)]);
    expect(late.firstResponseAt).toBeNull();
    expect(late.replyWaitsMs).toEqual([]);
    expect(conversationStatus(late, T0 + DAY)).toBe('missed');
  });

  it('automatic replies never answer; they are counted apart', () => {
    const record = only([customer(T0), automatic(T0 + 1000), automatic(T0 + 2 * HOUR)]);
    expect(record.automaticReplies).toBe(2);
    expect(record.firstResponseAt).toBeNull();
    expect(conversationStatus(record, T0 + 3 * HOUR)).toBe('pending');
    expect(conversationStatus(record, T0 + DAY)).toBe('missed');

    const thenAPerson = only([customer(T0), automatic(T0 + 1000), reply(T0 + 20 * MINUTE)]);
    expect(thenAPerson.firstResponseMs).toBe(20 * MINUTE);
    expect(thenAPerson.replyWaitsMs).toEqual([20 * MINUTE]);
  });

  it('a reply in the same millisecond as the customer message answers it', () => {
    expect(only([reply(T0), customer(T0)]).firstResponseMs).toBe(0);
  });

  it('stays answered when the customer’s last "obrigado!" gets no reply', () => {
    const record = only([customer(T0), reply(T0 + MINUTE), customer(T0 + 2 * MINUTE, 'obrigado!')]);
    expect(conversationStatus(record, T0 + 2 * DAY)).toBe('answered');
  });
});

describe('reply waits', () => {
  it('run from the first customer message not yet replied to until a person’s next reply', () => {
    const record = only([
      customer(T0),
      customer(T0 + MINUTE),
      reply(T0 + 5 * MINUTE),
      reply(T0 + 6 * MINUTE), // nobody was waiting
      customer(T0 + HOUR),
      automatic(T0 + HOUR + 1000), // does not end the wait
      customer(T0 + HOUR + 10 * MINUTE),
      reply(T0 + HOUR + 30 * MINUTE),
      customer(T0 + 3 * HOUR), // never replied: no wait is measured
    ]);
    expect(record.replyWaitsMs).toEqual([5 * MINUTE, 30 * MINUTE]);
    expect(record.firstResponseMs).toBe(5 * MINUTE);
    expect(record.automaticReplies).toBe(1);
  });
});

describe('satisfaction survey', () => {
  it('reads the customer’s next message as the answer when it is a score', () => {
    const record = only([customer(T0), reply(T0 + MINUTE), survey(T0 + 2 * MINUTE), customer(T0 + HOUR, '5!')]);
    expect(record).toMatchObject({ surveySentAt: T0 + 2 * MINUTE, csatScore: 5 });
  });

  it('only the next message: "obrigado" then "5" is no answer', () => {
    const record = only([
      customer(T0),
      survey(T0 + MINUTE),
      customer(T0 + 2 * MINUTE, 'obrigado'),
      customer(T0 + 3 * MINUTE, '5'),
    ]);
    expect(record).toMatchObject({ surveySentAt: T0 + MINUTE, csatScore: null });
  });

  it('counts the first survey of a conversation; a "5" before any survey is a normal message', () => {
    const record = only([
      customer(T0, '5'),
      survey(T0 + MINUTE),
      survey(T0 + 2 * MINUTE),
      customer(T0 + HOUR, 'péssimo'),
    ]);
    expect(record).toMatchObject({ surveySentAt: T0 + MINUTE, csatScore: 1 });
  });

  it('a survey is not a reply, and one sent after the window closed belongs to no conversation', () => {
    const record = only([customer(T0), survey(T0 + MINUTE)]);
    expect(record.firstResponseAt).toBeNull();
    expect(record.automaticReplies).toBe(0);
    expect(only([customer(T0), survey(T0 + DAY), customer(T0 + DAY + 1, '5')].slice(0, 2)).surveySentAt).toBeNull();
  });

  it('an answer after the window closed starts a new conversation and is no score', () => {
    const [first, second] = recordsOf([customer(T0), survey(T0 + MINUTE), customer(T0 + DAY + MINUTE, '5')]);
    expect(first?.csatScore).toBeNull();
    expect(second?.csatScore).toBeNull();
  });
});

describe('out of order and duplicates', () => {
  const inOrder = [
    customer(T0),
    automatic(T0 + 1000),
    reply(T0 + 10 * MINUTE),
    customer(T0 + HOUR),
    reply(T0 + 2 * HOUR),
    survey(T0 + 2 * HOUR + 1),
    customer(T0 + 3 * HOUR, 'ótimo'),
    customer(T0 + 30 * HOUR),
    reply(T0 + 30 * HOUR + 5 * MINUTE),
  ];
  // Swapped customer messages, a reply before its question, and re-deliveries of recent messages.
  const arrival = [3, 0, 0, 2, 1, 3, 6, 5, 4, 2, 8, 7, 8, 7].map((index) => inOrder[index]);
  const shuffled = arrival.filter((message): message is MetricsMessage => message !== undefined);
  it('rebuild gives the same records for shuffled and duplicated input', () => {
    expect(recordsOf(shuffled)).toEqual(recordsOf(inOrder));
    expect(recordsOf([...shuffled, ...inOrder.slice(0, 4)])).toEqual(recordsOf(inOrder));
    expect(recordsOf(inOrder)).toHaveLength(2);
  });

  it('a late survey, with the customer’s answer already folded, asks for a rebuild (the answer was not read as a score)', () => {
    const answerFirst = [customer(T0), customer(T0 + 3 * HOUR, 'ótimo'), survey(T0 + 2 * HOUR)];
    expect(answerFirst.reduce(foldMessage, emptyChatState(ANA)).needsRebuild).toBe(true);
    expect(foldAll(answerFirst)).toEqual(rebuild(answerFirst).states.get(ANA));
    expect(foldAll(answerFirst).latest?.csatScore).toBe(5);
  });

  it('folding one by one in arrival order ends in the state rebuild gives', () => {
    const reference = rebuild(inOrder).states.get(ANA);
    expect(foldAll(inOrder)).toEqual(reference);
    expect(foldAll(shuffled)).toEqual(reference);
  });

  it('a shop reply that arrives before the customer message it answers still answers it', () => {
    const question = customer(T0 + 3 * DAY);
    const answer = reply(T0 + 3 * DAY + MINUTE);
    const state = foldAll([customer(T0), answer, question]);
    expect(state.needsRebuild).toBe(false);
    expect(state.latest).toMatchObject({ startedAt: T0 + 3 * DAY, firstResponseMs: MINUTE, restarted: true });
  });

  it('a late customer message inside the open conversation moves its end, and a reply after the old end now answers', () => {
    const state = foldAll([customer(T0), reply(T0 + DAY + HOUR), customer(T0 + 2 * HOUR)]);
    expect(state.latest).toMatchObject({ expiresAt: T0 + 26 * HOUR, firstResponseAt: T0 + DAY + HOUR });
  });

  it('a customer’s two messages arriving swapped are one conversation starting at the first', () => {
    const state = foldAll([customer(T0 + 30_000), reply(T0 + MINUTE), customer(T0)]);
    expect(state.needsRebuild).toBe(false);
    expect(state.latest).toMatchObject({ startedAt: T0, sequence: 0, firstResponseMs: MINUTE, replyWaitsMs: [MINUTE] });
  });

  it('asks for a rebuild when a late customer message would be a conversation of its own before the latest', () => {
    const state = foldRaw([customer(T0 + DAY), customer(T0)]);
    expect(state.needsRebuild).toBe(true);
    expect(rebuild([customer(T0 + DAY), customer(T0)]).records.map((record) => record.sequence)).toEqual([0, 1]);
  });

  it('asks for a rebuild when a message is older than the latest conversation', () => {
    const state = foldRaw([customer(T0), customer(T0 + 3 * DAY), reply(T0 + 10 * MINUTE)]);
    expect(state.needsRebuild).toBe(true);
    expect(state.latest?.startedAt).toBe(T0 + 3 * DAY);
    // and nothing more is folded until it is rebuilt
    expect(foldMessage(state, customer(T0 + 3 * DAY + HOUR))).toBe(state);
  });

  it('leaves the state it was given unchanged', () => {
    const before = foldAll([customer(T0), reply(T0 + MINUTE)]);
    const copy = structuredClone(before);
    foldMessage(before, customer(T0 + HOUR));
    foldMessage(before, customer(T0 + 30 * MINUTE));
    expect(before).toEqual(copy);
  });
});

describe('stored as plain JSON', () => {
  it('records and fold states survive a JSON round trip through their schemas', () => {
    const { records, states } = rebuild([
      customer(T0),
      reply(T0 + MINUTE),
      survey(T0 + 2 * MINUTE),
      customer(T0 + HOUR, '4'),
    ]);
    for (const record of records) {
      expect(conversationRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
    }
    const state = states.get(ANA);
    expect(chatFoldStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(JSON.stringify(state)).not.toContain('pão');
  });
});
