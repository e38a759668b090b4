import { beforeEach, describe, expect, it } from 'vitest';
import { catalogues, placeholdersOf } from '../../../../../shared/i18n';
import { notificationMessages } from '../../../../../shared/i18n/messages/notifications';
import {
  type AttentionMemory,
  emptyAttentionMemory,
  parseAttentionMemory,
} from '../../../../../electron/backend/notifications/attention-memory';
import {
  type AttentionChat,
  type AttentionInput,
  type AttentionNotification,
  type AttentionSettings,
  BURST_MS,
  decideAttention,
  defaultAttentionSettings,
  formatTimeLeft,
  MAX_NOTIFICATIONS_PER_KIND,
  unreadTotal,
} from '../../../../../electron/backend/notifications/attention-policy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2025, 2, 12, 13, 0); // 10:00 in São Paulo

/**
 * A tiny world: the chats as the store would summarise them, a fake clock, and the policy's memory
 * carried from one call to the next as the backend would persist it.
 */
class World {
  now = START;
  chats = new Map<string, AttentionChat>();
  memory: AttentionMemory = emptyAttentionMemory();
  settings: AttentionSettings = { ...defaultAttentionSettings };
  pausedUntil: number | null = null;
  isWithinBusinessHours: AttentionInput['isWithinBusinessHours'] = undefined;
  language: AttentionInput['language'] = 'pt-BR';

  chat(chatId: string, displayName: string): void {
    this.chats.set(chatId, {
      chatId,
      displayName,
      lastInboundAt: null,
      lastOutboundAt: null,
      lastMessage: null,
      unreadCount: 0,
    });
  }
  private update(chatId: string, change: Partial<AttentionChat>): void {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`no chat ${chatId}`);
    this.chats.set(chatId, { ...chat, ...change });
  }
  customerWrites(chatId: string, text: string): void {
    const unread = this.chats.get(chatId)?.unreadCount ?? 0;
    this.update(chatId, {
      lastInboundAt: this.now,
      lastMessage: { text, at: this.now, direction: 'in' },
      unreadCount: unread + 1,
    });
  }
  staffReplies(chatId: string, text = 'Temos sim!'): void {
    this.update(chatId, {
      lastOutboundAt: this.now,
      lastMessage: { text, at: this.now, direction: 'out' },
      unreadCount: 0,
    });
  }
  staffReads(chatId: string): void {
    this.update(chatId, { unreadCount: 0 });
  }
  set(chatId: string, change: Partial<AttentionChat>): void {
    this.update(chatId, change);
  }
  advance(ms: number): void {
    this.now += ms;
  }
  /** One run of the policy, as the backend does on every change and every clock tick. */
  evaluate(): AttentionNotification[] {
    const decision = decideAttention({
      chats: [...this.chats.values()],
      settings: this.settings,
      language: this.language,
      now: this.now,
      pausedUntil: this.pausedUntil,
      isWithinBusinessHours: this.isWithinBusinessHours,
      memory: this.memory,
    });
    this.memory = decision.memory;
    return decision.notifications;
  }
  /** Runs the policy every `step` for `duration`, collecting everything it shows. */
  run(duration: number, step = MINUTE): AttentionNotification[] {
    const shown: AttentionNotification[] = [];
    for (let elapsed = 0; elapsed < duration; elapsed += step) {
      this.advance(step);
      shown.push(...this.evaluate());
    }
    return shown;
  }
}

const MARIA = '5511987654321@c.us';
const JOAO = '5511912345678@c.us';
let world: World;

beforeEach(() => {
  world = new World();
  world.chat(MARIA, 'Maria Silva');
  world.chat(JOAO, 'João Souza');
  expect(world.evaluate()).toEqual([]); // the first run takes in what exists
});

describe('new customer messages', () => {
  it('notify with the customer’s name and the message text', () => {
    world.customerWrites(MARIA, 'Oi! Tem bolo de cenoura hoje?');
    expect(world.evaluate()).toEqual([
      { kind: 'message', chatId: MARIA, title: 'Maria Silva', body: 'Oi! Tem bolo de cenoura hoje?', silent: false },
    ]);
    expect(world.evaluate()).toEqual([]);
  });

  it('group a burst: one notification per chat, never one per message', () => {
    world.customerWrites(MARIA, 'Oi!');
    expect(world.evaluate()).toHaveLength(1);
    for (const text of ['Tem bolo hoje?', 'De cenoura', 'Com cobertura de chocolate']) {
      world.advance(30_000);
      world.customerWrites(MARIA, text);
      expect(world.evaluate(), text).toEqual([]);
    }
  });

  it('start a new burst once BURST_MS has passed since the previous notification', () => {
    world.customerWrites(MARIA, 'Oi!');
    expect(world.evaluate()).toHaveLength(1);
    world.advance(BURST_MS - 1);
    world.customerWrites(MARIA, 'Ainda está aí?');
    expect(world.evaluate()).toEqual([]);
    world.advance(1);
    world.customerWrites(MARIA, 'Alô?');
    expect(world.evaluate()).toEqual([expect.objectContaining({ kind: 'message', chatId: MARIA, body: 'Alô?' })]);
  });

  it('are grouped per chat: two customers writing at once get one notification each', () => {
    world.customerWrites(MARIA, 'Oi!');
    world.customerWrites(JOAO, 'Bom dia');
    world.advance(10_000);
    world.customerWrites(MARIA, 'Tem bolo?');
    expect(
      world
        .evaluate()
        .map((notification) => notification.chatId)
        .sort(),
    ).toEqual([JOAO, MARIA].sort());
  });

  it('do not notify what the person has already read or answered', () => {
    world.customerWrites(MARIA, 'Oi!');
    world.staffReads(MARIA);
    world.customerWrites(JOAO, 'Bom dia');
    world.staffReplies(JOAO);
    expect(world.evaluate()).toEqual([]);
  });

  it('show only “Nova mensagem” when the text is private', () => {
    world.settings = { ...world.settings, showText: false };
    world.customerWrites(MARIA, 'Meu CPF é 123.456.789-00');
    const [notification] = world.evaluate();
    expect(notification).toMatchObject({ title: 'Maria Silva', body: 'Nova mensagem' });
    expect(JSON.stringify(notification)).not.toContain('CPF');
    world.language = 'en';
    world.advance(BURST_MS);
    world.customerWrites(MARIA, 'Hello?');
    expect(world.evaluate()).toEqual([expect.objectContaining({ body: 'New message' })]);
  });

  it('say “Nova mensagem” for a message without text (a photo) and shorten a long one to a line', () => {
    world.customerWrites(MARIA, '');
    expect(world.evaluate()[0]?.body).toBe('Nova mensagem');
    world.advance(BURST_MS);
    world.customerWrites(MARIA, `Oi\n${'muito '.repeat(60)}`);
    const body = world.evaluate()[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(140);
    expect(body).toMatch(/^Oi muito .*…$/);
  });

  it('are silent when sound is off', () => {
    world.settings = { ...world.settings, sound: false };
    world.customerWrites(MARIA, 'Oi!');
    expect(world.evaluate()).toEqual([expect.objectContaining({ silent: true })]);
  });

  it('do not flood at first start: chats that existed before are taken in silently', () => {
    const fresh = new World();
    fresh.chat(MARIA, 'Maria Silva');
    fresh.customerWrites(MARIA, 'Oi, ontem à noite');
    fresh.advance(2 * HOUR);
    expect(fresh.evaluate()).toEqual([]);
    fresh.advance(MINUTE);
    fresh.customerWrites(MARIA, 'Bom dia!');
    expect(fresh.evaluate()).toHaveLength(1);
  });

  it('become one summary when many chats have news at once (after a reconnection)', () => {
    const ids = Array.from({ length: MAX_NOTIFICATIONS_PER_KIND + 2 }, (_, index) => `55119000000${index}@c.us`);
    for (const id of ids) {
      world.chat(id, `Cliente ${id.slice(9, 11)}`);
      world.customerWrites(id, 'Oi');
      world.advance(1_000);
    }
    const shown = world.evaluate();
    expect(shown).toEqual([
      {
        kind: 'message',
        chatId: ids.at(-1),
        title: 'Janela',
        body: `Mensagens novas em ${ids.length} conversas`,
        silent: false,
      },
    ]);
  });
});

describe('closing soon, still unanswered', () => {
  beforeEach(() => {
    world.customerWrites(MARIA, 'Oi! Tem bolo hoje?');
    world.evaluate();
    world.staffReads(MARIA); // seen, but not answered
  });

  it('nudges exactly once per window, with the time left', () => {
    const shown = world.run(24 * HOUR + 30 * MINUTE).filter((notification) => notification.kind === 'closing-soon');
    expect(shown).toEqual([
      {
        kind: 'closing-soon',
        chatId: MARIA,
        title: 'Ainda sem resposta',
        body: 'Maria Silva · a janela fecha em 1 h',
        silent: false,
      },
    ]);
  });

  it('says the time left as it is when it first becomes due (45 min after a pause), in English too', () => {
    world.language = 'en';
    world.advance(23 * HOUR + 15 * MINUTE);
    expect(world.evaluate()).toEqual([
      expect.objectContaining({ title: 'Still unanswered', body: 'Maria Silva · window closes in 45 min' }),
    ]);
  });

  it('nudges again for the next window when the customer writes again', () => {
    world.advance(23 * HOUR + 30 * MINUTE);
    expect(world.evaluate()).toHaveLength(1);
    world.customerWrites(MARIA, 'Ainda tem?');
    world.staffReads(MARIA);
    const next = world.run(24 * HOUR, 5 * MINUTE).filter((notification) => notification.kind === 'closing-soon');
    expect(next).toHaveLength(1);
  });

  it('never nudges once the customer has a reply', () => {
    world.advance(2 * HOUR);
    world.staffReplies(MARIA);
    expect(world.run(26 * HOUR)).toEqual([]);
  });

  it('stops nudging after a reply even when the reply comes inside the threshold', () => {
    world.advance(23 * HOUR + 10 * MINUTE);
    expect(world.evaluate()).toHaveLength(1);
    world.staffReplies(MARIA);
    expect(world.run(2 * HOUR)).toEqual([]);
  });

  it('never nudges for a window that has already closed', () => {
    world.settings = { ...world.settings, enabled: false };
    world.advance(24 * HOUR);
    expect(world.evaluate()).toEqual([]);
    world.settings = { ...world.settings, enabled: true };
    expect(world.run(3 * HOUR)).toEqual([]);
  });

  it('does not nudge a chat staff marked done', () => {
    world.set(MARIA, { doneAt: world.now + MINUTE });
    expect(world.run(25 * HOUR, 10 * MINUTE)).toEqual([]);
  });

  it('follows the threshold setting', () => {
    world.settings = { ...world.settings, closingSoonThresholdMs: 15 * MINUTE };
    world.advance(23 * HOUR);
    expect(world.evaluate()).toEqual([]);
    world.advance(45 * MINUTE);
    expect(world.evaluate()).toEqual([expect.objectContaining({ body: 'Maria Silva · a janela fecha em 15 min' })]);
  });

  it('survives a restart: the memory read back from JSON prevents a second nudge', () => {
    world.advance(23 * HOUR + 30 * MINUTE);
    expect(world.evaluate()).toHaveLength(1);
    const reread = parseAttentionMemory(JSON.parse(JSON.stringify(world.memory)));
    expect(reread.ok).toBe(true);
    world.memory = reread.memory;
    expect(world.run(30 * MINUTE)).toEqual([]);
  });
});

describe('hand-off from the bot', () => {
  it('announces once per hand-off', () => {
    world.customerWrites(MARIA, 'Quero falar com alguém');
    world.evaluate();
    world.advance(MINUTE);
    world.set(MARIA, { handoffWaitingSince: world.now });
    expect(world.evaluate()).toEqual([
      {
        kind: 'handoff',
        chatId: MARIA,
        title: 'Um cliente está esperando por você',
        body: 'Maria Silva pediu para falar com uma pessoa',
        silent: false,
      },
    ]);
    expect(world.run(10 * MINUTE)).toEqual([]);
    world.set(MARIA, { handoffWaitingSince: null });
    world.evaluate();
    world.set(MARIA, { handoffWaitingSince: world.now });
    expect(world.evaluate()).toHaveLength(1);
  });

  it('takes the place of the message notification for the same chat', () => {
    world.customerWrites(MARIA, 'Atendente, por favor');
    world.set(MARIA, { handoffWaitingSince: world.now });
    expect(world.evaluate().map((notification) => notification.kind)).toEqual(['handoff']);
  });
});

describe('when nothing may be shown', () => {
  it('shows nothing while notifications are off, and does not catch up afterwards', () => {
    world.settings = { ...world.settings, enabled: false };
    world.customerWrites(MARIA, 'Oi!');
    expect(world.evaluate()).toEqual([]);
    world.settings = { ...world.settings, enabled: true };
    expect(world.evaluate()).toEqual([]);
  });

  it('pauses until the given instant; a still-unanswered window is nudged when the pause ends', () => {
    world.customerWrites(MARIA, 'Oi!');
    world.evaluate();
    world.advance(23 * HOUR + 10 * MINUTE);
    world.pausedUntil = world.now + 30 * MINUTE;
    world.customerWrites(JOAO, 'Bom dia');
    expect(world.run(29 * MINUTE)).toEqual([]);
    world.advance(MINUTE);
    // João's message came during the pause: the badge counts it, no late notification.
    expect(world.evaluate()).toEqual([
      expect.objectContaining({ kind: 'closing-soon', chatId: MARIA, body: 'Maria Silva · a janela fecha em 20 min' }),
    ]);
  });

  it('keeps quiet outside business hours, and only when the shop has hours and the setting is on', () => {
    const hours = (at: number) => {
      const hour = new Date(at).getUTCHours() - 3; // São Paulo, no DST since 2019
      return hour >= 9 && hour < 18;
    };
    world.isWithinBusinessHours = hours;
    world.settings = { ...world.settings, quietOutsideBusinessHours: true };
    world.advance(10 * HOUR); // 20:00
    world.customerWrites(MARIA, 'Ainda aberto?');
    expect(world.evaluate()).toEqual([]);
    world.advance(13 * HOUR); // 09:00 the next day, window closes at 20:00
    world.customerWrites(JOAO, 'Bom dia');
    expect(world.evaluate()).toEqual([expect.objectContaining({ kind: 'message', chatId: JOAO })]);

    world.settings = { ...world.settings, quietOutsideBusinessHours: false };
    world.advance(11 * HOUR); // 20:00 again
    world.customerWrites(JOAO, 'Vocês entregam?');
    expect(world.evaluate()).toEqual([expect.objectContaining({ chatId: JOAO })]);
  });
});

describe('unreadTotal', () => {
  it('adds the unread counts of every chat', () => {
    expect(unreadTotal([])).toBe(0);
    expect(unreadTotal([{ unreadCount: 2 }, { unreadCount: 0 }, { unreadCount: 5 }])).toBe(7);
  });
});

describe('formatTimeLeft', () => {
  it('rounds down and reads naturally', () => {
    expect(formatTimeLeft(45 * MINUTE + 59_000)).toBe('45 min');
    expect(formatTimeLeft(59_000)).toBe('<1 min');
    expect(formatTimeLeft(HOUR)).toBe('1 h');
    expect(formatTimeLeft(HOUR + 5 * MINUTE)).toBe('1 h 05 min');
  });
});

describe('parseAttentionMemory', () => {
  it('starts over from a damaged file and refuses one from a newer Janela', () => {
    expect(parseAttentionMemory('nonsense')).toMatchObject({ ok: false, reason: 'damaged' });
    expect(parseAttentionMemory({ version: 99, primed: true, chats: {} })).toMatchObject({
      ok: false,
      reason: 'newer-version',
    });
  });

  it('keeps the good chat entries of a partly damaged file', () => {
    const parsed = parseAttentionMemory({
      version: 1,
      primed: true,
      chats: { [MARIA]: { seenInboundAt: 5, closingSoonFor: 'x' }, [JOAO]: 'broken' },
    });
    expect(parsed.ok).toBe(true);
    expect(parsed.memory.chats[MARIA]).toEqual({
      seenInboundAt: 5,
      messageNotifiedAt: null,
      closingSoonFor: null,
      handoffFor: null,
    });
  });
});

describe('the notifications catalogue', () => {
  it('has the same keys and placeholders in both languages and no key another catalogue defines', () => {
    expect(Object.keys(notificationMessages['pt-BR']).sort()).toEqual(Object.keys(notificationMessages.en).sort());
    for (const [key, english] of Object.entries(notificationMessages.en)) {
      const portuguese = (notificationMessages['pt-BR'] as Record<string, string>)[key] ?? '';
      expect(placeholdersOf(portuguese), key).toEqual(placeholdersOf(english));
    }
    // Holds once shared/i18n/index.ts lists this catalogue too.
    const others = (catalogues as readonly { en: object }[]).filter((catalogue) => catalogue !== notificationMessages);
    const existing = new Set(others.flatMap((catalogue) => Object.keys(catalogue.en)));
    for (const key of Object.keys(notificationMessages.en)) expect(existing.has(key), key).toBe(false);
  });
});
