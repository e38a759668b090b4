/**
 * The bot inside a real backend: a store on disk, the simulated WhatsApp, a manual clock. What the
 * customer receives is read from the simulated WhatsApp, what the bot remembers from the store,
 * also after closing and opening it again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatFlow } from '../../../../../electron/backend/automations/chat-flow';
import { createBackend, type Backend } from '../../../../../electron/backend/backend';
import type { AdjustableClock } from '../../../../../electron/backend/clock';
import { createManualClock } from '../manual-clock';
import { EventHub } from '../../../../../electron/backend/event-hub';
import { SimulatedGateway } from '../../../../../electron/backend/gateways/simulated/simulated-gateway';
import { createNoticeBoard } from '../../../../../electron/backend/notices/notice-board';
import { openStore } from '../../../../../electron/backend/store/open-store';
import { emptyStoreData, type JanelaStore } from '../../../../../electron/backend/store/store-types';
import {
  defaultAutomationSettings,
  type AutomationSettings,
} from '../../../../../shared/automations/automation-settings';
import { errorCodeOf } from '../../../../../shared/contract';
import { defaultSettings } from '../../../../../shared/settings/default-settings';
import { tempMediaStore } from '../media/temp-media-store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const maria = { phone: '5511987654321', name: 'Maria Silva' };
const mariaId = '5511987654321@c.us';
// Wednesday 25 Nov 2026, 10:00 in São Paulo (UTC−3): open under the default hours (Mon–Fri 9–18).
const wednesday10 = Date.UTC(2026, 10, 25, 13, 0, 0);

interface World {
  backend: Backend;
  store: JanelaStore;
  gateway: SimulatedGateway;
  clock: AdjustableClock;
  dataDir: string;
  events: { name: string; payload: unknown }[];
}

const running: World[] = [];

async function world(
  options: {
    dataDir?: string;
    clock?: AdjustableClock;
    flows?: ChatFlow[];
    settings?: Partial<AutomationSettings>;
  } = {},
): Promise<World> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'janela-bot-'));
  const clock = options.clock ?? createManualClock(wednesday10);
  const store = await openStore({
    dataDir,
    clock,
    flushDelayMs: 5,
    defaults: () => {
      const settings = defaultSettings('America/Sao_Paulo', 'pt-BR');
      return emptyStoreData({
        ...settings,
        sendIntervalMs: 0,
        shop: { ...settings.shop, name: 'Doceria da Ana', hours: 'seg. a sex. 9h–18h', address: 'Rua das Flores, 120' },
      });
    },
  });
  const gateway = new SimulatedGateway({ clock, ackDelaysMs: [5, 10, 15] });
  const hub = new EventHub();
  const events: World['events'] = [];
  hub.subscribe((name, payload) => events.push({ name, payload }));
  const backend = createBackend({
    media: await tempMediaStore(clock),
    store,
    gateway,
    clock,
    hub,
    notices: createNoticeBoard(clock),
    log: () => undefined,
    startDemo: async () => undefined,
    exitDemo: async () => undefined,
    flows: options.flows ?? [],
  });
  await backend.start();
  if (options.settings) {
    await backend.handlers.updateAutomationSettings({
      ...defaultAutomationSettings('pt-BR'),
      enabled: true,
      ...options.settings,
    });
  }
  const created = { backend, store, gateway, clock, dataDir, events };
  running.push(created);
  return created;
}

async function restart(w: World, flows: ChatFlow[] = []): Promise<World> {
  running.splice(running.indexOf(w), 1);
  await w.backend.close();
  return world({ dataDir: w.dataDir, clock: w.clock, flows });
}

afterEach(async () => {
  for (const w of running.splice(0)) await w.backend.close();
});

const texts = (w: World) => w.gateway.sent.map((sent) => sent.text);
const write = (w: World, text: string) => w.gateway.receive({ ...maria, text });
const on = { enabled: true } as const;

async function sentCount(w: World, count: number): Promise<void> {
  for (let i = 0; i < 200 && w.gateway.sent.length < count; i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(texts(w)).toHaveLength(count);
}

describe('greeting, away, FAQ and menu', () => {
  it('greets a first-time customer once, as an automatic message through the outbox', async () => {
    const w = await world({ settings: on });
    write(w, 'Oi, bom dia');
    await sentCount(w, 1);
    expect(texts(w)[0]).toBe('Bom dia, Maria! Aqui é da Doceria da Ana. Como podemos ajudar?');
    write(w, 'tudo bem?');
    w.clock.advance(HOUR);
    write(w, 'alguém aí?');
    await new Promise((r) => setTimeout(r, 30));
    expect(texts(w)).toHaveLength(1);
    const [greeting] = w.store.readMessages(mariaId, { limit: 10 }).messages.filter((m) => m.direction === 'out');
    expect(greeting).toMatchObject({ automatic: true, direction: 'out' });
  });

  it('greets again only after the configured days of silence', async () => {
    const w = await world({ settings: { greetingAfterDays: 3 } });
    write(w, 'Oi');
    await sentCount(w, 1);
    w.clock.advance(2 * DAY);
    write(w, 'Oi de novo');
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toHaveLength(1);
    w.clock.advance(3 * DAY);
    write(w, 'Olá!');
    await sentCount(w, 2);
  });

  it('sends the away message outside business hours with the next opening, once per conversation', async () => {
    const w = await world({ settings: { greetingEnabled: false } });
    // Wednesday 20:00 in São Paulo: closed until Thursday 9:00.
    w.clock.advance(10 * HOUR);
    write(w, 'Vocês estão aí?');
    await sentCount(w, 1);
    expect(texts(w)[0]).toBe(
      'No momento estamos fechados. Abrimos amanhã às 09:00 e respondemos sua mensagem assim que possível.',
    );
    write(w, 'Oi??');
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toHaveLength(1);
  });

  it('answers a FAQ with the best rule, accents and typos forgiven', async () => {
    const w = await world({ settings: { greetingEnabled: false } });
    write(w, 'que horas vcs abrem?');
    await sentCount(w, 1);
    expect(texts(w)[0]).toBe('Nosso horário de atendimento: seg. a sex. 9h–18h.');
  });

  it('never sends an answer with a placeholder it cannot fill', async () => {
    const w = await world({ settings: { greetingEnabled: false } });
    await w.backend.handlers.updateSettings({ shop: { hours: '' } });
    write(w, 'horário de funcionamento');
    await new Promise((r) => setTimeout(r, 30));
    expect(texts(w)).toEqual([]);
  });

  it('sends the menu with the greeting and answers a picked option', async () => {
    const w = await world({ settings: { menuEnabled: true } });
    write(w, 'Oi');
    await sentCount(w, 2);
    expect(texts(w)[1]).toBe(
      'Responda com o número da opção:\n1. Horários\n2. Endereço\n3. Formas de pagamento\n4. Entrega\n5. Falar com uma pessoa',
    );
    write(w, 'dois');
    await sentCount(w, 3);
    expect(texts(w)[2]).toContain('Rua das Flores, 120');
  });
});

describe('hand-off to a person', () => {
  it('a staff reply in Janela hands the chat to a person until staff give it back', async () => {
    const w = await world({ settings: { greetingEnabled: false } });
    write(w, 'Oi');
    await w.backend.handlers.sendMessage({ chatId: mariaId, text: 'Olá Maria, tudo bem?' });
    await sentCount(w, 1);
    write(w, 'que horas vocês abrem?');
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toHaveLength(1);
    const row = await w.backend.handlers.getProfile({ chatId: mariaId });
    expect(row).toMatchObject({ handledBy: 'person', waitingForPerson: false });

    await w.backend.handlers.returnChatToBot({ chatId: mariaId });
    expect(await w.backend.handlers.getProfile({ chatId: mariaId })).toMatchObject({ handledBy: 'bot' });
    write(w, 'que horas vocês fecham?');
    await sentCount(w, 2);
  });

  it('a message typed on the phone hands off too; the bot’s own sends never do', async () => {
    const w = await world({ settings: on });
    write(w, 'Oi');
    await sentCount(w, 1);
    expect(await w.backend.handlers.getProfile({ chatId: mariaId })).toMatchObject({ handledBy: 'bot' });
    w.gateway.emit('message', {
      waId: 'phone-1',
      chatId: mariaId,
      fromMe: true,
      kind: 'text',
      text: 'Oi Maria! Aqui é a Ana.',
      at: w.clock.now(),
      contactName: null,
    });
    expect(await w.backend.handlers.getProfile({ chatId: mariaId })).toMatchObject({ handledBy: 'person' });
  });

  it('a customer asking for a person waits as urgent until someone replies', async () => {
    const w = await world({ settings: { greetingEnabled: false } });
    write(w, 'quero falar com um atendente');
    await sentCount(w, 1);
    expect(texts(w)[0]).toContain('Uma pessoa da nossa equipe');
    expect(await w.backend.handlers.getProfile({ chatId: mariaId })).toMatchObject({
      handledBy: 'person',
      waitingForPerson: true,
    });
    await w.backend.handlers.sendMessage({ chatId: mariaId, text: 'Oi Maria, pode falar!' });
    expect(await w.backend.handlers.getProfile({ chatId: mariaId })).toMatchObject({ waitingForPerson: false });
  });
});

describe('safety', () => {
  it('sends nothing while the master switch is off (the default)', async () => {
    const w = await world();
    write(w, 'Oi');
    write(w, 'que horas abrem?');
    await new Promise((r) => setTimeout(r, 30));
    expect(texts(w)).toEqual([]);
    expect(await w.backend.handlers.getProfile({ chatId: mariaId })).toMatchObject({ handledBy: null });
  });

  it('stores an opt-out, shows it on the profile, and staff can reverse it', async () => {
    const w = await world({ settings: { greetingEnabled: false } });
    write(w, 'PARAR');
    await sentCount(w, 1);
    const optedOutAt = (await w.backend.handlers.getProfile({ chatId: mariaId })).automaticRepliesOptedOutAt;
    expect(optedOutAt).toBe(wednesday10);
    write(w, 'que horas abrem?');
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toHaveLength(1);
    const profile = await w.backend.handlers.clearOptOut({ chatId: mariaId });
    expect(profile.automaticRepliesOptedOutAt).toBeNull();
    write(w, 'que horas fecham?');
    await sentCount(w, 2);
  });

  it('the loop guard caps the bot’s messages per hour and ignores a repeated message', async () => {
    const w = await world({ settings: { greetingEnabled: false, maxBotMessagesPerHour: 2 } });
    write(w, 'que horas abrem?');
    await sentCount(w, 1);
    write(w, 'Que horas abrem');
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toHaveLength(1);
    write(w, 'qual o endereço?');
    write(w, 'aceita pix?');
    await sentCount(w, 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toHaveLength(2);
  });

  it('never answers a message that arrives through catch-up', async () => {
    const w = await world({ settings: on });
    w.gateway.emit('message', {
      waId: 'old-1',
      chatId: mariaId,
      fromMe: false,
      kind: 'text',
      text: 'Oi',
      at: w.clock.now(),
      contactName: 'Maria Silva',
      catchUp: true,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(texts(w)).toEqual([]);
  });
});

describe('restart', () => {
  it('neither repeats a greeting nor loses a hand-off or an opt-out', async () => {
    let w = await world({ settings: on });
    write(w, 'Oi');
    await sentCount(w, 1);
    w.gateway.receive({ phone: '5521998765432', name: 'João', text: 'PARAR' });
    w.gateway.receive({ phone: '5531976543210', name: 'Ana', text: 'Oi' });
    await w.backend.handlers.sendMessage({ chatId: '5531976543210@c.us', text: 'Oi Ana!' });
    await sentCount(w, 4);
    // The simulated WhatsApp of the next run knows nothing of these: let them be acknowledged first.
    for (let i = 0; i < 200 && w.store.data.outbox.length > 0; i += 1) await new Promise((r) => setTimeout(r, 5));

    w = await restart(w);
    expect(w.store.data.automations?.enabled).toBe(true);
    write(w, 'Oi de novo');
    w.gateway.receive({ phone: '5521998765432', name: 'João', text: 'que horas abrem?' });
    w.gateway.receive({ phone: '5531976543210', name: 'Ana', text: 'que horas abrem?' });
    await new Promise((r) => setTimeout(r, 30));
    expect(texts(w)).toEqual([]);
    expect(await w.backend.handlers.getProfile({ chatId: '5531976543210@c.us' })).toMatchObject({
      handledBy: 'person',
    });
    expect((await w.backend.handlers.getProfile({ chatId: '5521998765432@c.us' })).automaticRepliesOptedOutAt).toBe(
      wednesday10,
    );
    const [bot] = w.store.readMessages(mariaId, { limit: 10 }).messages.filter((m) => m.direction === 'out');
    expect(bot?.automatic).toBe(true);
  });
});

describe('flows', () => {
  function bookingFlow(log: string[]): ChatFlow {
    let underWay = false;
    return {
      name: 'booking',
      start: () => {
        underWay = true;
        log.push('start');
        return { texts: ['Qual dia?'], backToMenu: false, notUnderstood: false };
      },
      continue: ({ text }) => {
        if (!underWay) return null;
        underWay = false;
        log.push(`continue ${text}`);
        return { texts: [`Marcado: ${text}`], backToMenu: true, notUnderstood: false };
      },
    };
  }
  const withBooking: Partial<AutomationSettings> = {
    greetingEnabled: false,
    menuEnabled: true,
    menuOptions: [
      { id: 'm-book', label: { 'pt-BR': 'Agendar', en: 'Book' }, action: { kind: 'flow', flow: 'booking' } },
      {
        id: 'm-person',
        label: { 'pt-BR': 'Falar com uma pessoa', en: 'Talk to a person' },
        action: { kind: 'handoff' },
      },
    ],
  };

  it('a menu option starts its flow, the flow continues, and the menu comes back when it ends', async () => {
    const log: string[] = [];
    const w = await world({ flows: [bookingFlow(log)], settings: { ...withBooking, greetingEnabled: true } });
    write(w, 'Oi');
    await sentCount(w, 2);
    expect(texts(w)[1]).toBe('Responda com o número da opção:\n1. Agendar\n2. Falar com uma pessoa');
    write(w, '1');
    await sentCount(w, 3);
    expect(texts(w)[2]).toBe('Qual dia?');
    write(w, 'sexta');
    await sentCount(w, 5);
    expect(texts(w).slice(3)).toEqual(['Marcado: sexta', texts(w)[1]]);
    expect(log).toEqual(['start', 'continue sexta']);
  });

  /** A flow of many steps, each answered "1"; anything else is not understood. */
  function longFlow(): ChatFlow {
    let step = -1;
    return {
      name: 'booking',
      start: () => {
        step = 0;
        return { texts: ['Passo 0'], backToMenu: false, notUnderstood: false };
      },
      continue: ({ text }) => {
        if (step < 0) return null;
        if (text !== '1') return { texts: ['Não entendi'], backToMenu: false, notUnderstood: true };
        step += 1;
        return { texts: [`Passo ${step}`], backToMenu: false, notUnderstood: false };
      },
    };
  }

  it('a customer answering "1" step after step gets every step, past the hourly limit', async () => {
    const w = await world({ flows: [longFlow()], settings: { ...withBooking, maxBotMessagesPerHour: 3 } });
    write(w, 'Oi');
    write(w, '1');
    await sentCount(w, 2);
    for (let step = 1; step <= 6; step += 1) {
      write(w, '1');
      await sentCount(w, step + 2);
    }
    expect(texts(w).at(-1)).toBe('Passo 6');
  });

  it('answers that were not understood count toward the loop guard, so another bot is stopped', async () => {
    const w = await world({ flows: [longFlow()], settings: { ...withBooking, maxBotMessagesPerHour: 3 } });
    write(w, 'Oi');
    write(w, '1');
    await sentCount(w, 2);
    // The menu and the flow's start already count: room for one answer not understood.
    for (const junk of ['a', 'b', 'c', 'd']) write(w, junk);
    await sentCount(w, 3);
    await new Promise((r) => setTimeout(r, 30));
    expect(texts(w).slice(1)).toEqual(['Passo 0', 'Não entendi']);
  });

  it('an option whose flow is not registered is not offered', async () => {
    const w = await world({ settings: { ...withBooking, greetingEnabled: true } });
    write(w, 'Oi');
    await sentCount(w, 2);
    expect(texts(w)[1]).toBe('Responda com o número da opção:\n1. Falar com uma pessoa');
  });
});

describe('settings commands', () => {
  it('returns the defaults in the shop’s language, switched off, until saved; saves validated', async () => {
    const w = await world();
    expect(await w.backend.handlers.getAutomationSettings({})).toMatchObject({ enabled: false });
    const rule = defaultAutomationSettings('pt-BR').faqRules[0];
    if (!rule) throw new Error('no starter rule');
    await expect(
      Promise.resolve().then(() =>
        w.backend.handlers.updateAutomationSettings({
          ...defaultAutomationSettings('pt-BR'),
          faqRules: [rule, rule],
        }),
      ),
    ).rejects.toSatisfy((error) => errorCodeOf(error) === 'invalid-input');
    w.backend.handlers.updateAutomationSettings({ ...defaultAutomationSettings('pt-BR'), enabled: true });
    expect(w.events.some((event) => event.name === 'automationSettingsChanged')).toBe(true);
  });

  it('"Try it" names the rule, its score and the filled answer; nothing below the threshold', async () => {
    const w = await world();
    const hit = await w.backend.handlers.testFaqMatch({ text: 'Horário de funcionamento?' });
    expect(hit.answer).toMatchObject({
      ruleId: 'starter-hours',
      title: 'Horário de funcionamento',
      text: 'Nosso horário de atendimento: seg. a sex. 9h–18h.',
    });
    expect(hit.answer?.score).toBeGreaterThanOrEqual(hit.threshold);
    const miss = await w.backend.handlers.testFaqMatch({ text: 'meu gato fugiu' });
    expect(miss.answer).toBeNull();
  });
});
