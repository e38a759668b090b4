/**
 * What deserves the shop owner's attention, decided from the chat list and the clock alone. Pure:
 * no Electron, no Node, no wall clock (`now` is an argument). The desktop shell shows the result as
 * native notifications, the browser host through the Web Notifications API.
 *
 * - **New message**, grouped: one notification per chat per burst. A burst is every customer message
 *   of a chat that arrives within BURST_MS (2 min) of the previous notification for that chat; the
 *   first message after that starts a new burst. Messages already read (unreadCount 0), already
 *   answered, or older than the 24-hour window never notify.
 * - **Closing soon, still unanswered**: the window closes within `closingSoonThresholdMs` and the last
 *   customer message has no reply — exactly once per chat per window (a window is identified by its
 *   lastInboundAt). Never after a reply, never for a closed window, never for a chat marked done.
 * - **Hand-off**: the bot handed the chat to a person — once per hand-off.
 *
 * While notifications are off, paused or quiet outside business hours, new messages are taken in
 * without a notification (the unread badge still counts them: no flood when the pause ends), while a
 * closing-soon or hand-off still pending when the pause ends is announced then.
 */
import type { Direction, Language } from '../../../shared/domain';
import { notificationMessages, type NotificationMessageKey } from '../../../shared/i18n/messages/notifications';
import { WINDOW_LENGTH_MS } from '../../../shared/chats/window-rules';
import { type AttentionMemory, type ChatAttentionMemory, emptyChatMemory } from './attention-memory';

export const BURST_MS = 2 * 60_000;
export const DEFAULT_CLOSING_SOON_THRESHOLD_MS = 60 * 60_000;
/** More notifications of one kind at once (after a reconnection, at start-up) become one summary. */
export const MAX_NOTIFICATIONS_PER_KIND = 3;
const MAX_BODY_LENGTH = 140;

export interface AttentionChat {
  chatId: string;
  displayName: string;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  lastMessage: { text: string; at: number; direction: Direction } | null;
  unreadCount: number;
  /** Marked done by staff: no closing-soon nudge for the messages it covers. */
  doneAt?: number | null;
  /** Set while the bot waits for a person to take over; cleared by the backend when one does. */
  handoffWaitingSince?: number | null;
}

export interface AttentionSettings {
  enabled: boolean;
  sound: boolean;
  /** False: notifications say only "New message", for a customer standing at the counter. */
  showText: boolean;
  closingSoonThresholdMs: number;
  quietOutsideBusinessHours: boolean;
}

export const defaultAttentionSettings: AttentionSettings = {
  enabled: true,
  sound: true,
  showText: true,
  closingSoonThresholdMs: DEFAULT_CLOSING_SOON_THRESHOLD_MS,
  quietOutsideBusinessHours: false,
};

export type AttentionKind = 'message' | 'closing-soon' | 'handoff';

export interface AttentionNotification {
  kind: AttentionKind;
  /** The chat a click opens (for a summary, the most urgent of those it covers). */
  chatId: string;
  title: string;
  body: string;
  silent: boolean;
}

export interface AttentionInput {
  chats: readonly AttentionChat[];
  settings: AttentionSettings;
  language: Language;
  now: number;
  /** Notifications paused (tray "Pause for 1 h") until this instant; null when not paused. */
  pausedUntil: number | null;
  /** Present only when the shop has business hours. */
  isWithinBusinessHours?: (at: number) => boolean;
  memory: AttentionMemory;
}

export interface AttentionDecision {
  notifications: AttentionNotification[];
  /** To persist and pass to the next call. */
  memory: AttentionMemory;
}

export function unreadTotal(chats: readonly Pick<AttentionChat, 'unreadCount'>[]): number {
  return chats.reduce((total, chat) => total + Math.max(0, chat.unreadCount), 0);
}

/** Whether notifications may be shown at `now`; `false` also covers the case of notifications off. */
export function mayNotify(input: Pick<AttentionInput, 'settings' | 'now' | 'pausedUntil' | 'isWithinBusinessHours'>) {
  const { settings, now, pausedUntil, isWithinBusinessHours } = input;
  if (!settings.enabled) return false;
  if (pausedUntil !== null && now < pausedUntil) return false;
  if (settings.quietOutsideBusinessHours && isWithinBusinessHours && !isWithinBusinessHours(now)) return false;
  return true;
}

/** Time left as people say it: `45 min`, `1 h 05 min`, `<1 min`; rounded down, never promising more. */
export function formatTimeLeft(remainingMs: number): string {
  const minutes = Math.floor(Math.max(0, remainingMs) / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0
    ? `${Math.floor(minutes / 60)} h`
    : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')} min`;
}

function say(language: Language, key: NotificationMessageKey, params: Record<string, string | number> = {}): string {
  return notificationMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_BODY_LENGTH ? oneLine : `${oneLine.slice(0, MAX_BODY_LENGTH - 1).trimEnd()}…`;
}

const isAnswered = (chat: AttentionChat) =>
  chat.lastInboundAt !== null && chat.lastOutboundAt !== null && chat.lastOutboundAt >= chat.lastInboundAt;

interface Candidate {
  kind: AttentionKind;
  chat: AttentionChat;
  /** Lower comes first within a kind: time left for closing-soon, age for the others. */
  urgency: number;
  body: string;
  title: string;
}

export function decideAttention(input: AttentionInput): AttentionDecision {
  const { chats, settings, language, now } = input;
  const allowed = mayNotify(input);
  const firstRun = !input.memory.primed;
  const remembered: Record<string, ChatAttentionMemory> = {};
  const candidates: Candidate[] = [];

  for (const chat of chats) {
    const before = input.memory.chats[chat.chatId] ?? emptyChatMemory;
    const after: ChatAttentionMemory = { ...before };
    const inbound = chat.lastInboundAt;
    const windowOpen = inbound !== null && now < inbound + WINDOW_LENGTH_MS;
    const done = chat.doneAt != null && inbound !== null && chat.doneAt >= inbound;

    const isNewInbound = inbound !== null && (before.seenInboundAt === null || inbound > before.seenInboundAt);
    if (isNewInbound) {
      after.seenInboundAt = inbound;
      const inBurst = before.messageNotifiedAt !== null && now - before.messageNotifiedAt < BURST_MS;
      if (!firstRun && allowed && windowOpen && chat.unreadCount > 0 && !isAnswered(chat) && !done && !inBurst) {
        const text = chat.lastMessage?.direction === 'in' ? chat.lastMessage.text.trim() : '';
        candidates.push({
          kind: 'message',
          chat,
          urgency: now - inbound,
          title: chat.displayName,
          body: settings.showText && text ? shorten(text) : say(language, 'notification.newMessage'),
        });
      }
    }

    const remainingMs = inbound === null ? 0 : inbound + WINDOW_LENGTH_MS - now;
    if (
      allowed &&
      windowOpen &&
      remainingMs <= settings.closingSoonThresholdMs &&
      !isAnswered(chat) &&
      !done &&
      before.closingSoonFor !== inbound
    ) {
      candidates.push({
        kind: 'closing-soon',
        chat,
        urgency: remainingMs,
        title: say(language, 'notification.closingSoon.title'),
        body: say(language, 'notification.closingSoon.body', {
          name: chat.displayName,
          remaining: formatTimeLeft(remainingMs),
        }),
      });
    }

    const handoff = chat.handoffWaitingSince ?? null;
    if (handoff === null) after.handoffFor = null;
    else if (allowed && before.handoffFor !== handoff && !(chat.doneAt != null && chat.doneAt >= handoff)) {
      candidates.push({
        kind: 'handoff',
        chat,
        urgency: now - handoff,
        title: say(language, 'notification.handoff.title'),
        body: say(language, 'notification.handoff.body', { name: chat.displayName }),
      });
    }

    if (!windowOpen) after.closingSoonFor = null;
    remembered[chat.chatId] = after;
  }

  const notifications = pickNotifications(candidates, settings, language, remembered, now);
  const memory: AttentionMemory = {
    version: input.memory.version,
    primed: true,
    chats: { ...keepRecent(input.memory.chats, now), ...remembered },
  };
  return { notifications, memory };
}

const kindOrder: readonly AttentionKind[] = ['handoff', 'closing-soon', 'message'];
const summaryKey: Record<AttentionKind, NotificationMessageKey> = {
  handoff: 'notification.summary.handoff',
  'closing-soon': 'notification.summary.closingSoon',
  message: 'notification.summary.messages',
};

/** One notification per chat (the most important kind wins), a summary past the per-kind limit. */
function pickNotifications(
  candidates: Candidate[],
  settings: AttentionSettings,
  language: Language,
  remembered: Record<string, ChatAttentionMemory>,
  now: number,
): AttentionNotification[] {
  const silent = !settings.sound;
  const notified = new Set<string>();
  const notifications: AttentionNotification[] = [];
  for (const kind of kindOrder) {
    const ofKind = candidates
      .filter((candidate) => candidate.kind === kind && !notified.has(candidate.chat.chatId))
      .sort((a, b) => a.urgency - b.urgency);
    for (const { chat } of ofKind) {
      notified.add(chat.chatId);
      const memory = remembered[chat.chatId];
      if (!memory) continue;
      if (kind === 'message') memory.messageNotifiedAt = now;
      if (kind === 'closing-soon') memory.closingSoonFor = chat.lastInboundAt;
      if (kind === 'handoff') memory.handoffFor = chat.handoffWaitingSince ?? null;
    }
    const [first] = ofKind;
    if (!first) continue;
    if (ofKind.length > MAX_NOTIFICATIONS_PER_KIND) {
      const title = notificationMessages[language]['tray.tooltip'];
      const body = say(language, summaryKey[kind], { count: ofKind.length });
      notifications.push({ kind, chatId: first.chat.chatId, title, body, silent });
    } else {
      for (const { chat, title, body } of ofKind)
        notifications.push({ kind, chatId: chat.chatId, title, body, silent });
    }
  }
  return notifications;
}

/**
 * Memory of chats absent from this call's list is kept while it can still matter (a list may be
 * partial): until the window it remembers has closed. After that the 24-hour rule alone prevents a
 * repeat, since closed windows and messages older than a window never notify.
 */
function keepRecent(chats: Record<string, ChatAttentionMemory>, now: number): Record<string, ChatAttentionMemory> {
  const kept: Record<string, ChatAttentionMemory> = {};
  for (const [chatId, memory] of Object.entries(chats)) {
    const latest = Math.max(memory.seenInboundAt ?? 0, memory.handoffFor ?? 0, memory.messageNotifiedAt ?? 0);
    if (now < latest + WINDOW_LENGTH_MS) kept[chatId] = memory;
  }
  return kept;
}
