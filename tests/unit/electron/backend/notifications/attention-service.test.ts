import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import type { ChatId } from '../../../../../shared/domain';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import {
  ATTENTION_SETTLE_MS,
  ATTENTION_TICK_MS,
  createAttentionService,
  type AttentionService,
  type AttentionServiceOptions,
} from '../../../../../electron/backend/notifications/attention-service';
import { emptyStoreData, type StoreData, type StoredContact } from '../../../../../electron/backend/store/store-types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.UTC(2026, 10, 25, 13, 0); // 10:00 in São Paulo
const MARIA = '5511987654321@c.us';
const JOAO = '5511912345678@c.us';

type Emitted = EventPayload<'attentionChanged'>;

/** The store as the service sees it, the clock, and what the service emitted. */
class World {
  clock: AdjustableClock = createManualClock(START);
  data: StoreData = emptyStoreData(defaultSettings('America/Sao_Paulo', 'pt-BR'));
  writes = 0;
  emitted: Emitted[] = [];
  service: AttentionService;

  constructor(extra: Partial<AttentionServiceOptions> = {}) {
    this.service = this.startService(extra);
  }

  startService(extra: Partial<AttentionServiceOptions> = {}): AttentionService {
    const store: AttentionServiceOptions['store'] = {
      data: this.data,
      update: (mutator) => {
        this.writes += 1;
        mutator(this.data);
      },
      contactsLoaded: () => Promise.resolve(),
    };
    return createAttentionService({
      store,
      clock: this.clock,
      emit: (payload) => this.emitted.push(payload),
      ...extra,
    });
  }

  contact(chatId: ChatId, name: string): void {
    this.data.contacts[chatId] = {
      chatId,
      phone: chatId.slice(0, chatId.indexOf('@')),
      waName: name,
      nameOverride: null,
      firstNameOverride: null,
      lastInboundAt: null,
      lastOutboundAt: null,
      lastMessage: null,
      unreadCount: 0,
      customFields: {},
      labels: [],
      notes: '',
    };
  }
  change(chatId: string, change: Partial<StoredContact>): void {
    const contact = this.data.contacts[chatId];
    if (!contact) throw new Error(`no contact ${chatId}`);
    this.data.contacts[chatId] = { ...contact, ...change };
  }
  customerWrites(chatId: string, text: string): void {
    const now = this.clock.now();
    const unread = this.data.contacts[chatId]?.unreadCount ?? 0;
    this.change(chatId, {
      lastInboundAt: now,
      lastMessage: { text, at: now, direction: 'in' },
      unreadCount: unread + 1,
    });
    this.service.changed();
  }
  staffReplies(chatId: string): void {
    const now = this.clock.now();
    this.change(chatId, {
      lastOutboundAt: now,
      lastMessage: { text: 'Temos!', at: now, direction: 'out' },
      unreadCount: 0,
    });
    this.service.changed();
  }
  staffReads(chatId: string): void {
    this.change(chatId, { unreadCount: 0 });
    this.service.changed();
  }
  /** Lets timers run for `ms` of both the backend clock and the fake timers. */
  async pass(ms: number): Promise<void> {
    this.clock.advance(ms);
    await vi.advanceTimersByTimeAsync(ms);
  }
  notifications(): Emitted['notifications'] {
    return this.emitted.flatMap((event) => event.notifications);
  }
  take(): Emitted['notifications'] {
    const shown = this.notifications();
    this.emitted = [];
    return shown;
  }
}

let world: World;

beforeEach(async () => {
  vi.useFakeTimers();
  world = new World();
  world.contact(MARIA, 'Maria Silva');
  world.contact(JOAO, 'João Souza');
  await world.service.start();
});

afterEach(() => {
  world.service.close();
  vi.useRealTimers();
});

describe('the attention service', () => {
  it('starts silent over existing chats and says the unread total', async () => {
    const fresh = new World();
    fresh.contact(MARIA, 'Maria Silva');
    fresh.change(MARIA, {
      lastInboundAt: START - MINUTE,
      lastMessage: { text: 'Oi', at: START - MINUTE, direction: 'in' },
      unreadCount: 2,
    });
    await fresh.service.start();
    expect(fresh.emitted).toEqual([{ unreadTotal: 2, pausedUntil: null, notifications: [] }]);
    fresh.service.close();
  });

  it('announces a customer message once the burst settles, with the unread total', async () => {
    world.take();
    world.customerWrites(MARIA, 'Oi! Tem bolo de cenoura hoje?');
    world.customerWrites(MARIA, 'De chocolate também serve');
    expect(world.emitted).toEqual([]);
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.emitted).toEqual([
      {
        unreadTotal: 2,
        pausedUntil: null,
        notifications: [
          { kind: 'message', chatId: MARIA, title: 'Maria Silva', body: 'De chocolate também serve', silent: false },
        ],
      },
    ]);
  });

  it('groups a burst into one notification per chat', async () => {
    world.take();
    for (const text of ['Oi!', 'Tem bolo hoje?', 'De cenoura']) {
      world.customerWrites(MARIA, text);
      await world.pass(20_000);
    }
    world.customerWrites(JOAO, 'Bom dia');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications().map((shown) => [shown.kind, shown.chatId])).toEqual([
      ['message', MARIA],
      ['message', JOAO],
    ]);
    expect(world.emitted.at(-1)?.unreadTotal).toBe(4);
  });

  it('nudges exactly once per window as it closes, unanswered, on the clock tick alone', async () => {
    world.customerWrites(MARIA, 'Oi, vocês entregam?');
    await world.pass(ATTENTION_SETTLE_MS);
    world.staffReads(MARIA);
    world.take();

    // 24 hours of ticks: one nudge when less than the threshold (1 h) is left, then nothing.
    for (let passed = 0; passed < 24 * HOUR; passed += ATTENTION_TICK_MS * 20) await world.pass(ATTENTION_TICK_MS * 20);
    const nudges = world.take();
    expect(nudges).toEqual([
      {
        kind: 'closing-soon',
        chatId: MARIA,
        title: 'Ainda sem resposta',
        body: expect.stringMatching(/^Maria Silva · a janela fecha em \d+ min$/),
        silent: false,
      },
    ]);

    // A new window (the customer wrote again) gets its own single nudge.
    world.customerWrites(MARIA, 'Oi de novo');
    await world.pass(ATTENTION_SETTLE_MS);
    world.staffReads(MARIA);
    await world.pass(23 * HOUR + 5 * MINUTE);
    await world.pass(HOUR);
    expect(world.notifications().map((shown) => shown.kind)).toEqual(['message', 'closing-soon']);
  });

  it('never nudges after a reply', async () => {
    world.customerWrites(MARIA, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    world.staffReplies(MARIA);
    world.take();
    for (let passed = 0; passed < 25 * HOUR; passed += 10 * MINUTE) await world.pass(10 * MINUTE);
    expect(world.notifications()).toEqual([]);
  });

  it('never nudges for a window that is already closed', async () => {
    world.customerWrites(MARIA, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    world.take();
    world.service.close();
    // Janela was not running while the window closed: after it starts again, nothing about it.
    world.clock.advance(25 * HOUR);
    world.service = world.startService();
    await world.service.start();
    await world.pass(HOUR);
    expect(world.notifications()).toEqual([]);
  });

  it('keeps its memory in the store: a restart neither repeats a notification nor a nudge', async () => {
    world.customerWrites(MARIA, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    await world.pass(23 * HOUR + 10 * MINUTE);
    expect(world.take().map((shown) => shown.kind)).toEqual(['message', 'closing-soon']);
    expect(world.data.attention.memory.chats[MARIA]?.closingSoonFor).toBe(START);

    world.service.close();
    world.service = world.startService();
    await world.service.start();
    await world.pass(10 * MINUTE);
    expect(world.notifications()).toEqual([]);
  });

  it('writes to the store only when its memory changes', async () => {
    await world.pass(ATTENTION_TICK_MS);
    const before = world.writes;
    for (let tick = 0; tick < 10; tick += 1) await world.pass(ATTENTION_TICK_MS);
    expect(world.writes).toBe(before);
  });

  it('pauses for an hour: messages count as unread without a notification, and the pause ends by itself', async () => {
    world.take();
    const status = world.service.pause(60);
    expect(status.pausedUntil).toBe(world.clock.now() + HOUR);
    expect(world.data.attention.pausedUntil).toBe(world.clock.now() + HOUR);
    world.customerWrites(MARIA, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications()).toEqual([]);
    expect(world.emitted.at(-1)).toMatchObject({ unreadTotal: 1, pausedUntil: START + HOUR });

    await world.pass(HOUR);
    expect(world.emitted.at(-1)).toMatchObject({ unreadTotal: 1, pausedUntil: null });
    expect(world.data.attention.pausedUntil).toBeNull();
    world.customerWrites(JOAO, 'Bom dia');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications().map((shown) => shown.chatId)).toEqual([JOAO]);
  });

  it('resumes at once', async () => {
    world.service.pause(60);
    expect(world.service.resume().pausedUntil).toBeNull();
    world.customerWrites(MARIA, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications()).toHaveLength(1);
  });

  it('follows the settings: off, no text, no sound, the closing-soon threshold', async () => {
    world.data.settings.notifications = { ...world.data.settings.notifications, showText: false, sound: false };
    world.customerWrites(MARIA, 'Meu pedido é o 123, endereço Rua X');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.take()).toEqual([
      { kind: 'message', chatId: MARIA, title: 'Maria Silva', body: 'Nova mensagem', silent: true },
    ]);

    world.data.settings.notifications = { ...world.data.settings.notifications, closingSoonMinutes: 120 };
    await world.pass(22 * HOUR + MINUTE);
    expect(world.take().map((shown) => shown.kind)).toEqual(['closing-soon']);

    world.data.settings.notifications = { ...world.data.settings.notifications, enabled: false };
    world.customerWrites(JOAO, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications()).toEqual([]);
  });

  it('is quiet outside business hours when the shop has them and the setting asks', async () => {
    world.service.close();
    let open = false;
    world.service = world.startService({ businessHours: () => () => open });
    await world.service.start();
    world.data.settings.notifications = { ...world.data.settings.notifications, quietOutsideBusinessHours: true };
    world.take();
    world.customerWrites(MARIA, 'Oi');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications()).toEqual([]);
    open = true;
    world.customerWrites(JOAO, 'Bom dia');
    await world.pass(ATTENTION_SETTLE_MS);
    expect(world.notifications().map((shown) => shown.chatId)).toEqual([JOAO]);
  });

  it('announces a hand-off from the bot once, when automations say a chat waits for a person', async () => {
    world.service.close();
    const waiting = new Map<string, number>();
    world.service = world.startService({
      chatExtras: (chatId) => ({ handoffWaitingSince: waiting.get(chatId) ?? null }),
    });
    await world.service.start();
    world.customerWrites(MARIA, 'Quero falar com uma pessoa');
    await world.pass(ATTENTION_SETTLE_MS);
    world.take();
    waiting.set(MARIA, world.clock.now());
    world.service.changed();
    await world.pass(ATTENTION_SETTLE_MS);
    await world.pass(ATTENTION_TICK_MS * 3);
    expect(world.notifications()).toEqual([expect.objectContaining({ kind: 'handoff', chatId: MARIA })]);
  });
});
