/**
 * The lines of `metrics.jsonl`, compact: JSON arrays in a fixed order instead of objects with field
 * names. A snapshot line holds every chat's records and fold state; a batch line holds, in the order
 * they were folded, the messages folded since the previous batch (what the fold reads of each:
 * chat, id, time, role, and the text only when it may be a survey answer) and the chats rebuilt
 * whole. Writing what the fold read, not the states it changed, makes a message cost a few dozen
 * bytes to write; reading the file folds them again, and the fold gives the same states.
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
  MetricsMessage,
} from '../../../shared/metrics/conversation-record';
import { newestAtOf } from '../../../shared/metrics/conversations';

/** One chat as a line carries it: every finished record (oldest first) and its state. */
export interface ChatEntry {
  chatId: string;
  finished: readonly ConversationRecord[];
  state: ChatFoldState;
}

export type MetricsLine =
  /** Every chat, written at a compaction or after a rebuild: always the first line. */
  | { kind: 'snapshot'; chats: ChatEntry[] }
  /** What changed since the previous batch, in order: messages to fold, chats to replace. */
  | { kind: 'batch'; entries: (ChatEntry | MetricsMessage)[] }
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
  return [chat.chatId, finished, stateTuple(chat.state)];
}

/** A chat rebuilt whole, as a batch entry. Encoded at once: its records change in place after. */
export function encodeChatEntry(chat: ChatEntry): string {
  return JSON.stringify(chatTuple(chat));
}

/** The message codes of a batch: who wrote it, as the fold tells them apart. */
const messageCodes = { in: 0, reply: 1, automatic: 2, survey: 3 } as const;

/** A folded message, as a batch entry; `withText` when the fold may read it as a survey answer. */
export function encodeMessageEntry(message: MetricsMessage, withText: boolean): string {
  const code =
    message.direction === 'in'
      ? messageCodes.in
      : message.csatSurvey
        ? messageCodes.survey
        : message.automatic
          ? messageCodes.automatic
          : messageCodes.reply;
  const head = `[${JSON.stringify(message.chatId)},${JSON.stringify(message.id)},${message.at},${code}`;
  return withText ? `${head},${JSON.stringify(message.text)}]` : `${head}]`;
}

export function encodeSnapshot(chats: Iterable<ChatEntry>): string {
  const tuples: Tuple[] = [];
  for (const chat of chats) tuples.push(chatTuple(chat));
  return withChecksum(JSON.stringify(['snapshot', tuples]));
}

/** A batch line from entries already encoded (`encodeMessageEntry`, `encodeChatEntry`). */
export function encodeBatch(entries: readonly string[]): string {
  return withChecksum(`["batch",[${entries.join(',')}]]`);
}

export function encodeClean(fingerprint: string): string {
  return withChecksum(JSON.stringify(['clean', fingerprint]));
}

function withChecksum(body: string): string {
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
  if (kind === 'snapshot') return { kind, chats: array(payload).map(decodeChat) };
  if (kind === 'batch') return { kind, entries: array(payload).map(decodeEntry) };
  throw new DamagedLine('unknown kind');
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

function chatIdOf(value: unknown): string {
  if (typeof value !== 'string' || !chatIdSchema.safeParse(value).success) throw new DamagedLine('bad chat id');
  return value;
}

function decodeChat(value: unknown): ChatEntry {
  const [chatIdValue, finished, state] = array(value, 3);
  const chatId = chatIdOf(chatIdValue);
  return {
    chatId,
    finished: array(finished).map((record) => decodeRecord(chatId, record)),
    state: decodeState(chatId, state),
  };
}

/** A chat entry has its records (an array) second; a message entry its id (a string). */
function decodeEntry(value: unknown): ChatEntry | MetricsMessage {
  const tuple = array(value);
  if (typeof tuple[1] !== 'string') return decodeChat(tuple);
  if (tuple.length !== 4 && tuple.length !== 5) throw new DamagedLine('bad message');
  const [chatIdValue, id, at, code, text] = tuple;
  if (typeof id !== 'string' || id === '' || (text !== undefined && typeof text !== 'string'))
    throw new DamagedLine('bad message');
  const role = integer(code, 0);
  if (role > messageCodes.survey) throw new DamagedLine('bad message code');
  return {
    id,
    chatId: chatIdOf(chatIdValue),
    direction: role === messageCodes.in ? 'in' : 'out',
    at: integer(at),
    text: text ?? '',
    ...(role === messageCodes.automatic ? { automatic: true } : {}),
    ...(role === messageCodes.survey ? { csatSurvey: true } : {}),
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
    newestAt: newestAtOf(tail),
    needsRebuild: flag(needsRebuild),
  };
}
