/**
 * The lines of `metrics.jsonl`, compact: a chat's records and fold state as JSON arrays of numbers
 * in a fixed order instead of objects with field names. A batch of thousands of chats is written
 * at every flush, so the bytes and the serializing time per chat are what keeping the records
 * costs per message; field names would triple both.
 *
 * Every line starts with the CRC-32 of its JSON, so a line torn by a crash is told from a whole
 * one. Reading checks every value's type and range: a line that parses but does not decode is
 * damage, never a record with a wrong figure.
 */
import { crc32 } from 'node:zlib';
import { chatIdSchema } from '../../../shared/domain';
import type {
  ChatFoldState,
  ConversationRecord,
  FoldedMessage,
  MessageRole,
} from '../../../shared/metrics/conversation-record';

/** One chat as a line carries it: its records finished since its previous line (all of them when `replace`) and its state. */
export interface ChatEntry {
  chatId: string;
  replace: boolean;
  finished: readonly ConversationRecord[];
  state: ChatFoldState;
}

export type MetricsLine =
  /** A whole file's worth of chats, written at a compaction or after a rebuild: always the first line. */
  | { kind: 'snapshot'; chats: ChatEntry[] }
  /** The chats changed since the previous flush. */
  | { kind: 'batch'; chats: ChatEntry[] }
  /** Written last at a clean close: the store's contact times then, to check at the next start. */
  | { kind: 'clean'; fingerprint: string };

const roles: readonly MessageRole[] = ['customer', 'reply', 'automatic', 'survey'];
const roleCodes: Record<MessageRole, number> = { customer: 0, reply: 1, automatic: 2, survey: 3 };

type Tuple = unknown[];

function recordTuple(record: ConversationRecord): Tuple {
  return [
    record.startedAt,
    record.lastInboundAt,
    record.expiresAt,
    record.customerMessageAts,
    record.firstResponseAt,
    record.firstResponseMs,
    record.sequence,
    record.restarted ? 1 : 0,
    record.replyWaitsMs,
    record.automaticReplies,
    record.surveySentAt,
    record.csatScore,
  ];
}

function stateTuple(state: ChatFoldState): Tuple {
  const tail: unknown[] = [];
  for (const message of state.tail) tail.push(message.id, message.at, roleCodes[message.role], message.csatScore);
  return [
    state.earlierConversations,
    state.latest && recordTuple(state.latest),
    state.previousExpiresAt,
    state.waitingSince,
    state.awaitingCsatAnswer ? 1 : 0,
    tail,
    state.needsRebuild ? 1 : 0,
  ];
}

function chatTuple(chat: ChatEntry): Tuple {
  const finished: Tuple[] = [];
  for (const record of chat.finished) finished.push(recordTuple(record));
  return [chat.chatId, chat.replace ? 1 : 0, finished, stateTuple(chat.state)];
}

/** The line's text with its checksum and newline. Built synchronously: the records change in place after. */
export function encodeLine(line: MetricsLine): string {
  const body =
    line.kind === 'clean'
      ? JSON.stringify(['clean', line.fingerprint])
      : JSON.stringify([line.kind, line.chats.map(chatTuple)]);
  return `${checksumOf(body)} ${body}\n`;
}

function checksumOf(body: string): string {
  return crc32(body).toString(16).padStart(8, '0');
}

export class DamagedLine extends Error {
  constructor(what: string) {
    super(`metrics line: ${what}`);
    this.name = 'DamagedLine';
  }
}

/** Null when the checksum does not match (a torn or altered line); throws `DamagedLine` when it matches but does not decode. */
export function decodeLine(text: string): MetricsLine | null {
  const body = text.slice(9);
  if (text[8] !== ' ' || checksumOf(body) !== text.slice(0, 8)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new DamagedLine('not JSON');
  }
  const [kind, payload] = array(parsed, 2);
  if (kind === 'clean' && typeof payload === 'string') return { kind, fingerprint: payload };
  if (kind !== 'snapshot' && kind !== 'batch') throw new DamagedLine('unknown kind');
  return { kind, chats: array(payload).map(decodeChat) };
}

function array(value: unknown, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) throw new DamagedLine('bad shape');
  return value as unknown[];
}

function integer(value: unknown, min = Number.MIN_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new DamagedLine('bad number');
  return value;
}

function nullableInteger(value: unknown, min?: number): number | null {
  return value === null ? null : integer(value, min);
}

function flag(value: unknown): boolean {
  if (value !== 0 && value !== 1) throw new DamagedLine('bad flag');
  return value === 1;
}

function score(value: unknown): number | null {
  const decoded = nullableInteger(value, 1);
  if (decoded !== null && decoded > 5) throw new DamagedLine('bad score');
  return decoded;
}

function decodeChat(value: unknown): ChatEntry {
  const [chatId, replace, finished, state] = array(value, 4);
  if (typeof chatId !== 'string' || !chatIdSchema.safeParse(chatId).success) throw new DamagedLine('bad chat id');
  return {
    chatId,
    replace: flag(replace),
    finished: array(finished).map((record) => decodeRecord(chatId, record)),
    state: decodeState(chatId, state),
  };
}

function decodeRecord(chatId: string, value: unknown): ConversationRecord {
  const [
    started,
    lastInbound,
    expires,
    customerAts,
    firstAt,
    firstMs,
    sequence,
    restarted,
    waits,
    automatic,
    survey,
    csat,
  ] = array(value, 12);
  return {
    chatId,
    startedAt: integer(started),
    lastInboundAt: integer(lastInbound),
    expiresAt: integer(expires),
    customerMessageAts: array(customerAts).map((at) => integer(at)),
    firstResponseAt: nullableInteger(firstAt),
    firstResponseMs: nullableInteger(firstMs, 0),
    sequence: integer(sequence, 0),
    restarted: flag(restarted),
    replyWaitsMs: array(waits).map((wait) => integer(wait, 0)),
    automaticReplies: integer(automatic, 0),
    surveySentAt: nullableInteger(survey),
    csatScore: score(csat),
  };
}

function decodeState(chatId: string, value: unknown): ChatFoldState {
  const [earlier, latest, previousExpires, waiting, awaiting, tailFlat, needsRebuild] = array(value, 7);
  const flat = array(tailFlat);
  if (flat.length % 4 !== 0) throw new DamagedLine('bad tail');
  const tail: FoldedMessage[] = [];
  for (let index = 0; index < flat.length; index += 4) {
    const id = flat[index];
    const role = roles[integer(flat[index + 2], 0)];
    if (typeof id !== 'string' || id === '' || role === undefined) throw new DamagedLine('bad tail message');
    tail.push({ id, at: integer(flat[index + 1]), role, csatScore: score(flat[index + 3]) });
  }
  return {
    chatId,
    earlierConversations: integer(earlier, 0),
    latest: latest === null ? null : decodeRecord(chatId, latest),
    previousExpiresAt: nullableInteger(previousExpires),
    waitingSince: nullableInteger(waiting),
    awaitingCsatAnswer: flag(awaiting),
    tail,
    needsRebuild: flag(needsRebuild),
  };
}
