/**
 * Turns a chat's messages into conversation records, one message at a time.
 *
 * The fold keeps, per chat, only the latest conversation and the messages it may still need, so the
 * cost of a message depends on that conversation, never on the chat's history. After each fold the
 * backend stores `state.latest` under (`chatId`, `sequence`), replacing the record with that key: a
 * late message may move the latest conversation's start, never its sequence, and an earlier
 * conversation never changes again.
 *
 * Out of order: a late message gives exactly the records `rebuild` gives over the sorted messages
 * when it falls in the latest conversation, or — if it is a customer message that moves the latest
 * conversation's start or end, or starts a new one — when it is also at most 24 h older than the
 * chat's newest message. That covers a customer's messages arriving swapped and a reply typed on the
 * phone arriving before the question it answers. For that, the shop's messages of the last 24 h sent
 * outside any window are kept too. A message that would change an earlier conversation, or insert
 * one, sets `needsRebuild`: the backend then rebuilds that chat from its stored history. Duplicates
 * (same id) are folded once; the store drops duplicates of messages older than the fold keeps.
 */
import { WINDOW_LENGTH_MS, windowExpiresAt } from '../chats/window-rules';
import type { ChatFoldState, ConversationRecord, FoldedMessage, MetricsMessage } from './conversation-record';
import { parseCsatAnswer } from './csat-answer';

export function emptyChatState(chatId: string): ChatFoldState {
  return {
    chatId,
    earlierConversations: 0,
    latest: null,
    previousExpiresAt: null,
    waitingSince: null,
    awaitingCsatAnswer: false,
    tail: [],
    newestAt: null,
    needsRebuild: false,
  };
}

/**
 * Null for a reaction, which the metrics leave out: a 👍 to a reply is not a customer to answer.
 * A customer message is read as a score only when a survey may be waiting for it (`readScore`):
 * parsing every message would cost more than the rest of the fold.
 */
function foldedMessage(message: MetricsMessage, readScore: boolean): FoldedMessage | null {
  if (message.kind === 'reaction') return null;
  if (message.direction === 'in') {
    return {
      id: message.id,
      at: message.at,
      role: 'customer',
      csatScore: readScore ? parseCsatAnswer(message.text) : null,
    };
  }
  const role = message.csatSurvey ? 'survey' : message.automatic ? 'automatic' : 'reply';
  return { id: message.id, at: message.at, role, csatScore: null };
}

/** A survey went out in the open conversation this message falls in: it may be the answer. */
function surveyMayAwait(state: ChatFoldState, at: number): boolean {
  const latest = state.latest;
  return state.awaitingCsatAnswer || (latest !== null && latest.surveySentAt !== null && at < latest.expiresAt);
}

/** Time order; at the same millisecond the customer's message first, so a reply can answer it. */
function compareMessages(a: FoldedMessage, b: FoldedMessage): number {
  if (a.at !== b.at) return a.at - b.at;
  const byRole = Number(a.role !== 'customer') - Number(b.role !== 'customer');
  if (byRole !== 0) return byRole;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function newConversation(chatId: string, at: number, sequence: number): ConversationRecord {
  return {
    chatId,
    startedAt: at,
    lastInboundAt: at,
    expiresAt: windowExpiresAt(at),
    customerMessageAts: [at],
    firstResponseAt: null,
    firstResponseMs: null,
    sequence,
    restarted: sequence > 0,
    replyWaitsMs: [],
    automaticReplies: 0,
    surveySentAt: null,
    csatScore: null,
  };
}

function copyOf(record: ConversationRecord): ConversationRecord {
  return { ...record, customerMessageAts: [...record.customerMessageAts], replyWaitsMs: [...record.replyWaitsMs] };
}

/** Applies one message that sorts after every message already applied; mutates `state`. */
function applyInOrder(state: ChatFoldState, message: FoldedMessage): void {
  const conversation = state.latest;
  const windowOpen = conversation !== null && message.at < conversation.expiresAt;
  if (message.role === 'customer') {
    if (!windowOpen) {
      if (conversation) {
        state.earlierConversations += 1;
        state.previousExpiresAt = conversation.expiresAt;
      }
      state.latest = newConversation(state.chatId, message.at, state.earlierConversations);
      state.waitingSince = message.at;
      state.awaitingCsatAnswer = false;
      return;
    }
    conversation.customerMessageAts.push(message.at);
    conversation.lastInboundAt = message.at;
    conversation.expiresAt = windowExpiresAt(message.at);
    state.waitingSince ??= message.at;
    if (state.awaitingCsatAnswer) {
      conversation.csatScore = message.csatScore;
      state.awaitingCsatAnswer = false;
    }
    return;
  }
  // The shop writing with no window open (before the first customer message, or too late) is no reply.
  if (!windowOpen) return;
  if (message.role === 'survey') {
    if (conversation.surveySentAt === null) {
      conversation.surveySentAt = message.at;
      state.awaitingCsatAnswer = true;
    }
  } else if (message.role === 'automatic') {
    conversation.automaticReplies += 1;
  } else {
    if (conversation.firstResponseAt === null) {
      conversation.firstResponseAt = message.at;
      conversation.firstResponseMs = message.at - conversation.startedAt;
    }
    if (state.waitingSince !== null) {
      conversation.replyWaitsMs.push(message.at - state.waitingSince);
      state.waitingSince = null;
    }
  }
}

/** Whether the tail keeps a message: what a message within the tolerance could still need (see the module comment). */
function tailKeeps(message: FoldedMessage, state: ChatFoldState, recentFrom: number): boolean {
  const { latest, previousExpiresAt } = state;
  if (latest && message.at >= latest.startedAt) {
    const outsideWindow = message.role !== 'customer' && message.at >= latest.expiresAt;
    return !outsideWindow || message.at >= recentFrom;
  }
  const outsideWindows = message.role !== 'customer' && (previousExpiresAt === null || message.at >= previousExpiresAt);
  return outsideWindows && message.at >= recentFrom;
}

/**
 * Drops from a sorted tail what no message within the tolerance can need, in place (no copy per
 * message). After an in-order message the fold skips this while the latest conversation is the same
 * and the whole tail is within the last 24 h: `tailKeeps` then keeps every message (a window only
 * grows, and what came before the latest conversation was kept by the trim when it began).
 */
function trimTail(tail: FoldedMessage[], state: ChatFoldState): void {
  const recentFrom = (tail[tail.length - 1]?.at ?? 0) - WINDOW_LENGTH_MS;
  let kept = 0;
  for (const message of tail) if (tailKeeps(message, state, recentFrom)) tail[kept++] = message;
  tail.length = kept;
}

function withinTolerance(state: ChatFoldState, message: FoldedMessage, newestAt: number): boolean {
  const { latest, previousExpiresAt } = state;
  const recent = message.at >= newestAt - WINDOW_LENGTH_MS;
  if (latest && message.at >= latest.startedAt) {
    const movesEnd = message.role === 'customer' && message.at > latest.lastInboundAt;
    return !movesEnd || recent;
  }
  const afterPrevious = previousExpiresAt === null || message.at >= previousExpiresAt;
  if (message.role !== 'customer') return afterPrevious;
  // Earlier than the latest start: it may only become that conversation's new start.
  const joinsLatest = latest === null || latest.startedAt < windowExpiresAt(message.at);
  return afterPrevious && joinsLatest && recent;
}

/** Folds the sorted tail again from the conversation before it; replaces `state`'s fields. */
function refold(state: ChatFoldState, tail: FoldedMessage[]): void {
  const next: ChatFoldState = {
    ...emptyChatState(state.chatId),
    earlierConversations: state.earlierConversations,
    previousExpiresAt: state.previousExpiresAt,
  };
  for (const message of tail) applyInOrder(next, message);
  trimTail(tail, next);
  next.tail = tail;
  next.newestAt = newestAtOf(tail);
  Object.assign(state, next);
}

/** `newestAt` for a tail: the time of its last message, which is always the newest folded. */
export function newestAtOf(tail: readonly FoldedMessage[]): number | null {
  return tail[tail.length - 1]?.at ?? null;
}

/** Applies a message that sorts after every kept one; `newestAt` is the newest kept before it. */
function foldNewest(
  state: ChatFoldState,
  message: MetricsMessage,
  unread: FoldedMessage,
  newestAt: number | null,
): true {
  const readScore = unread.role === 'customer' && surveyMayAwait(state, unread.at);
  const folded = readScore ? (foldedMessage(message, true) ?? unread) : unread;
  const latestBefore = state.latest;
  applyInOrder(state, folded);
  state.newestAt = folded.at;
  const recentFrom = folded.at - WINDOW_LENGTH_MS;
  if (state.latest !== latestBefore && (newestAt === null || newestAt < recentFrom)) {
    // A new conversation after more than 24 h of silence: nothing kept before it is recent, and
    // nothing before the latest start is kept unless recent — the tail is this message alone,
    // without reading the old ones.
    state.tail = [folded];
    return true;
  }
  const { tail } = state;
  tail.push(folded);
  if (state.latest !== latestBefore || (tail[0] as FoldedMessage).at < recentFrom) trimTail(tail, state);
  return true;
}

/**
 * Folds one message into its chat's state, changing `state` in place: the keeper's hot path, with
 * no copy of the record and no new array per message. A conversation the message ends is left
 * untouched (`state.latest` becomes a new record). Returns whether anything changed.
 */
export function foldInPlace(state: ChatFoldState, message: MetricsMessage): boolean {
  if (state.needsRebuild) return false;
  const unread = foldedMessage(message, false);
  if (!unread) return false;
  const { newestAt } = state;
  // Newer than every kept message (the usual case): neither a copy of one nor out of order, and the
  // tail is not read — for a chat quiet for weeks, cold memory.
  if (newestAt === null || unread.at > newestAt) return foldNewest(state, message, unread, newestAt);
  const { tail } = state;
  // A copy of a message has its time (status changes never move it), and the tail is in time
  // order: only the end of the tail can hold it, so a long conversation is not walked per message.
  for (let index = tail.length - 1; index >= 0; index--) {
    const kept = tail[index] as FoldedMessage;
    if (kept.at < message.at) break;
    if (kept.id === message.id) return false;
  }
  const newest = tail[tail.length - 1] as FoldedMessage;
  if (compareMessages(newest, unread) < 0) return foldNewest(state, message, unread, newestAt);
  if (!withinTolerance(state, unread, newest.at)) {
    state.needsRebuild = true;
    return true;
  }
  // A late survey: the customer messages after it were not read as scores.
  let surveyBefore = false;
  for (const kept of tail) {
    if (kept.role === 'survey' && compareMessages(kept, unread) < 0) surveyBefore = true;
    if (unread.role === 'survey' && kept.role === 'customer' && compareMessages(unread, kept) < 0) {
      state.needsRebuild = true;
      return true;
    }
  }
  const folded = unread.role === 'customer' && surveyBefore ? (foldedMessage(message, true) ?? unread) : unread;
  refold(state, [...tail, folded].sort(compareMessages));
  return true;
}

/** Folds one message into a copy of its chat's state; the state given is left unchanged. */
export function foldMessage(state: ChatFoldState, message: MetricsMessage): ChatFoldState {
  const next: ChatFoldState = { ...state, latest: state.latest && copyOf(state.latest), tail: [...state.tail] };
  return foldInPlace(next, message) ? next : state;
}

export interface RebuiltConversations {
  /** Every conversation, by start time (then chat). */
  records: ConversationRecord[];
  /** Each chat's state, to keep folding from. */
  states: Map<string, ChatFoldState>;
}

/** Builds every record from stored history, in any order, with duplicates: the fold's reference. */
export function rebuild(messages: Iterable<MetricsMessage>): RebuiltConversations {
  const byChat = new Map<string, MetricsMessage[]>();
  for (const message of messages) {
    const chat = byChat.get(message.chatId);
    if (chat) chat.push(message);
    else byChat.set(message.chatId, [message]);
  }
  const records: ConversationRecord[] = [];
  const states = new Map<string, ChatFoldState>();
  for (const [chatId, chat] of byChat) {
    const rebuilt = rebuildChat(chatId, chat);
    records.push(...rebuilt.records);
    states.set(chatId, rebuilt.state);
  }
  records.sort((a, b) => a.startedAt - b.startedAt || (a.chatId < b.chatId ? -1 : a.chatId > b.chatId ? 1 : 0));
  return { records, states };
}

export interface RebuiltChat {
  /** The chat's conversations, oldest first; the last one is `state.latest`. */
  records: ConversationRecord[];
  state: ChatFoldState;
}

/**
 * Builds one chat's records from its messages, in any order, with duplicates (the first copy of an
 * id wins, as in the fold). A stored history comes sorted and without duplicates: then nothing is
 * sorted or copied, one small object per message is all it allocates.
 */
export function rebuildChat(chatId: string, messages: readonly MetricsMessage[]): RebuiltChat {
  const folded: FoldedMessage[] = [];
  const sources: MetricsMessage[] = [];
  const seen = new Set<string>();
  let sorted = true;
  for (const message of messages) {
    const unread = foldedMessage(message, false);
    if (!unread || seen.has(unread.id)) continue;
    seen.add(unread.id);
    const previous = folded[folded.length - 1];
    if (previous && compareMessages(previous, unread) >= 0) sorted = false;
    folded.push(unread);
    sources.push(message);
  }
  let order: number[] | null = null;
  if (!sorted) {
    order = folded.map((_, index) => index);
    order.sort((a, b) => compareMessages(folded[a] as FoldedMessage, folded[b] as FoldedMessage));
  }
  const state = emptyChatState(chatId);
  const records: ConversationRecord[] = [];
  const applied: FoldedMessage[] = order ? [] : folded;
  for (let position = 0; position < folded.length; position++) {
    const index = order ? (order[position] as number) : position;
    let message = folded[index] as FoldedMessage;
    if (message.role === 'customer' && surveyMayAwait(state, message.at)) {
      message = foldedMessage(sources[index] as MetricsMessage, true) ?? message;
      if (!order) folded[index] = message;
    }
    if (order) applied.push(message);
    const previous = state.latest;
    applyInOrder(state, message);
    if (previous && state.latest !== previous) records.push(previous);
  }
  if (state.latest) records.push(state.latest);
  trimTail(applied, state);
  state.tail = applied;
  state.newestAt = newestAtOf(applied);
  return { records, state };
}
