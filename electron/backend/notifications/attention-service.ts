/**
 * Runs the attention policy (attention-policy.ts) against the store: soon after chats change, on
 * every clock tick (a window reaches "closing soon" with nothing else happening) and when the test
 * clock jumps. Each run that has something new emits `attentionChanged` with the notifications to
 * show and the unread total; the shells display them (electron/main/desktop-attention.ts natively,
 * the renderer through the Web Notifications API in the browser host). The policy's memory and
 * the pause are kept in the store (`attention`), so a restart neither repeats nor floods.
 */
import type { EventPayload } from '../../../shared/contract';
import { WINDOW_LENGTH_MS } from '../../../shared/chats/window-rules';
import type { AttentionStatus, ChatId } from '../../../shared/domain';
import type { Clock } from '../clock';
import { displayName } from '../profiles/profiles';
import type { JanelaStore, StoredContact } from '../store/store-types';
import { type AttentionChat, type AttentionSettings, decideAttention } from './attention-policy';

export const ATTENTION_TICK_MS = 30_000;
/** Chat changes arrive in 30 ms batches; a little more lets a burst settle into one run. */
export const ATTENTION_SETTLE_MS = 100;

export interface AttentionServiceOptions {
  store: Pick<JanelaStore, 'data' | 'update' | 'contactsLoaded'>;
  clock: Clock;
  emit(payload: EventPayload<'attentionChanged'>): void;
  /** The shop's business hours, once it has set them (automations); undefined otherwise. */
  businessHours?: () => ((at: number) => boolean) | undefined;
  /** What other features know of a chat: marked done (metrics), waiting for a person (the bot). */
  chatExtras?: (chatId: ChatId) => Pick<AttentionChat, 'doneAt' | 'handoffWaitingSince'>;
  tickMs?: number;
  settleMs?: number;
}

export interface AttentionService {
  /** Begins once every stored contact is read; the first run takes in what exists, silently. */
  start(): Promise<void>;
  /** Chats or settings changed: run soon. */
  changed(): void;
  /** Runs now (the clock jumped). */
  run(): void;
  status(): AttentionStatus;
  pause(minutes: number): AttentionStatus;
  resume(): AttentionStatus;
  close(): void;
}

export function attentionSettingsFrom(settings: JanelaStore['data']['settings']): AttentionSettings {
  const { enabled, sound, showText, closingSoonMinutes, quietOutsideBusinessHours } = settings.notifications;
  return { enabled, sound, showText, quietOutsideBusinessHours, closingSoonThresholdMs: closingSoonMinutes * 60_000 };
}

function toAttentionChat(contact: StoredContact, extras: AttentionServiceOptions['chatExtras']): AttentionChat {
  return {
    chatId: contact.chatId,
    displayName: displayName(contact),
    lastInboundAt: contact.lastInboundAt,
    lastOutboundAt: contact.lastOutboundAt,
    lastMessage: contact.lastMessage,
    unreadCount: contact.unreadCount,
    ...extras?.(contact.chatId),
  };
}

export function createAttentionService(options: AttentionServiceOptions): AttentionService {
  const { store, clock } = options;
  let ready = false;
  let closed = false;
  let settleTimer: NodeJS.Timeout | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let shown: AttentionStatus | null = null;
  let savedMemory = JSON.stringify(store.data.attention.memory);

  const pausedUntil = (now: number) => {
    const until = store.data.attention.pausedUntil;
    return until !== null && now < until ? until : null;
  };

  const status = (): AttentionStatus => {
    // Before every contact is read, counting would read them all at once and slow the first
    // snapshot down: the first run, right after, brings the total.
    let unreadTotal = 0;
    if (ready) for (const contact of Object.values(store.data.contacts)) unreadTotal += contact.unreadCount;
    return { unreadTotal, pausedUntil: pausedUntil(clock.now()) };
  };

  function run(): void {
    if (!ready || closed) return;
    clearTimeout(settleTimer);
    settleTimer = undefined;
    const now = clock.now();
    const chats: AttentionChat[] = [];
    let unreadTotal = 0;
    for (const contact of Object.values(store.data.contacts)) {
      unreadTotal += contact.unreadCount;
      const extras = options.chatExtras?.(contact.chatId);
      // Only an open window can notify (the policy's own rule); skipping the rest keeps a tick cheap.
      const open = contact.lastInboundAt !== null && now < contact.lastInboundAt + WINDOW_LENGTH_MS;
      if (open || extras?.handoffWaitingSince != null) chats.push(toAttentionChat(contact, options.chatExtras));
    }
    const paused = pausedUntil(now);
    const isWithinBusinessHours = options.businessHours?.();
    const decision = decideAttention({
      chats,
      settings: attentionSettingsFrom(store.data.settings),
      language: store.data.settings.language,
      now,
      pausedUntil: paused,
      ...(isWithinBusinessHours ? { isWithinBusinessHours } : {}),
      memory: store.data.attention.memory,
    });
    const memory = JSON.stringify(decision.memory);
    const pauseEnded = paused === null && store.data.attention.pausedUntil !== null;
    if (memory !== savedMemory || pauseEnded) {
      savedMemory = memory;
      store.update((data) => void (data.attention = { memory: decision.memory, pausedUntil: paused }));
    }
    const next: AttentionStatus = { unreadTotal, pausedUntil: paused };
    const statusChanged = shown?.unreadTotal !== next.unreadTotal || shown.pausedUntil !== next.pausedUntil;
    if (decision.notifications.length > 0 || statusChanged) {
      shown = next;
      options.emit({ ...next, notifications: decision.notifications });
    }
  }

  function setPause(until: number | null): AttentionStatus {
    store.update((data) => void (data.attention = { ...data.attention, pausedUntil: until }));
    run();
    return status();
  }

  return {
    async start() {
      await store.contactsLoaded();
      if (closed) return;
      ready = true;
      run();
      ticker = setInterval(run, options.tickMs ?? ATTENTION_TICK_MS);
      ticker.unref?.();
    },
    changed() {
      if (!ready || closed || settleTimer) return;
      settleTimer = setTimeout(run, options.settleMs ?? ATTENTION_SETTLE_MS);
    },
    run,
    status,
    pause: (minutes) => setPause(clock.now() + minutes * 60_000),
    resume: () => setPause(null),
    close() {
      closed = true;
      clearTimeout(settleTimer);
      clearInterval(ticker);
    },
  };
}
