import { describe, expect, it } from 'vitest';
import { defaultAutomationSettings, type AutomationSettings } from '../../../../shared/automations/automation-settings';
import {
  handledBy,
  initialBotChatState,
  isWaitingForPerson,
  onShopReply,
  returnToBot,
  type BotChatState,
} from '../../../../shared/automations/bot-chat-state';
import {
  decideAutoReply,
  type AutoReplyInput,
  type AutoReplyPlan,
  type InboundForBot,
} from '../../../../shared/automations/bot-decision';
import { STARTER_FAQ_RULE_IDS } from '../../../../shared/automations/starter-faq-rules';
import { renderTemplate } from '../../../../shared/templates/render-template';
import { formatNextOpening } from '../../../../shared/automations/next-open-text';

const SP = 'America/Sao_Paulo';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** São Paulo wall clock (UTC−3). 2026-03-09 is a Monday; the default hours are Mon–Fri 9–18, Sat 9–13. */
const sp = (d: number, hh: number, mm = 0) => Date.UTC(2026, 2, d, hh + 3, mm);
const MONDAY_10 = sp(9, 10);

const settings = (overrides: Partial<AutomationSettings> = {}): AutomationSettings => ({
  ...defaultAutomationSettings('pt-BR'),
  enabled: true,
  ...overrides,
});

function inbound(text: string, at = MONDAY_10, flags: Partial<InboundForBot> = {}): InboundForBot {
  return { text, at, isGroup: false, isStatus: false, fromMe: false, ...flags };
}

function decide(overrides: Partial<AutoReplyInput> & { message: InboundForBot }) {
  return decideAutoReply({
    settings: settings(),
    language: 'pt-BR',
    state: initialBotChatState(),
    previousLastInboundAt: null,
    timeZone: SP,
    now: overrides.message.at + 2000,
    ...overrides,
  });
}

const kinds = (plan: AutoReplyPlan) => plan.messages.map((message) => message.kind);

/** Feeds messages through the decision as the backend would, keeping state and lastInboundAt. */
function conversation<const T extends ReadonlyArray<readonly [string, number]>>(
  texts: T,
  base: Partial<AutoReplyInput> = {},
): { [K in keyof T]: AutoReplyPlan } {
  let state = base.state ?? initialBotChatState();
  let previous = base.previousLastInboundAt ?? null;
  return texts.map(([text, at]) => {
    const plan = decide({ ...base, message: inbound(text, at), state, previousLastInboundAt: previous });
    state = plan.state;
    previous = at;
    return plan;
  }) as { [K in keyof T]: AutoReplyPlan };
}

function nextOpenOf(plan: AutoReplyPlan): number {
  if (plan.nextOpenAt === null) throw new Error('expected the plan to carry the next opening');
  return plan.nextOpenAt;
}

describe('decideAutoReply: who the bot answers', () => {
  it.each([
    ['the shop’s own message', { fromMe: true }],
    ['a group', { isGroup: true }],
    ['a status', { isStatus: true }],
  ])('never %s', (_name, flags) => {
    const plan = decide({ message: inbound('oi', MONDAY_10, flags) });
    expect(plan).toMatchObject({ outcome: 'not-a-customer-message', messages: [] });
  });

  it('stays silent with the master switch off, and the switch is off by default', () => {
    expect(defaultAutomationSettings('pt-BR').enabled).toBe(false);
    const plan = decide({ settings: settings({ enabled: false }), message: inbound('oi') });
    expect(plan.outcome).toBe('off');
  });

  it('does not answer a message whose window has closed, or one older than the latest', () => {
    expect(decide({ message: inbound('oi'), now: MONDAY_10 + DAY }).outcome).toBe('window-closed');
    expect(decide({ message: inbound('oi'), previousLastInboundAt: MONDAY_10 + MINUTE }).outcome).toBe('not-new');
  });
});

describe('decideAutoReply: greeting, away and menu', () => {
  it('greets a first-time customer once, then answers only what they ask', () => {
    const [first, second, third] = conversation([
      ['oi', MONDAY_10],
      ['tudo bem?', MONDAY_10 + MINUTE],
      ['que horas vcs abrem sábado?', MONDAY_10 + 2 * MINUTE],
    ]);
    expect(kinds(first)).toEqual(['greeting']);
    expect(second.outcome).toBe('nothing-to-say');
    expect(third.messages).toEqual([
      { kind: 'faq', template: expect.stringContaining('{{shop_hours}}'), ruleId: STARTER_FAQ_RULE_IDS.hours },
    ]);
  });

  it.each([
    ['12 days after the last message: no greeting', 12 * DAY, []],
    ['14 days after: greeting again', 14 * DAY, ['greeting']],
  ])('%s', (_name, gap, expected) => {
    const later = MONDAY_10 + gap;
    const plan = decide({
      message: inbound('oi', later),
      previousLastInboundAt: MONDAY_10,
      state: { ...initialBotChatState(), lastGreetingAt: MONDAY_10 },
    });
    expect(kinds(plan)).toEqual(expected);
  });

  it('follows the configured number of days', () => {
    const plan = decide({
      settings: settings({ greetingAfterDays: 3 }),
      message: inbound('oi', MONDAY_10 + 3 * DAY),
      previousLastInboundAt: MONDAY_10,
    });
    expect(kinds(plan)).toEqual(['greeting']);
  });

  it('does not greet twice when a restart delivers the first message again', () => {
    const [first] = conversation([['oi', MONDAY_10]]);
    const replay = decide({ message: inbound('oi'), state: first.state, previousLastInboundAt: null });
    expect(replay.outcome).toBe('already-answered');
    const other = decide({ message: inbound('olá'), state: first.state, previousLastInboundAt: null });
    expect(kinds(other)).toEqual([]);
  });

  it('sends the away message outside hours once per conversation, with the next opening', () => {
    const fridayNight = sp(13, 20);
    const [first, second] = conversation([
      ['oi', fridayNight],
      ['alguém aí?', fridayNight + 5 * MINUTE],
    ]);
    expect(kinds(first)).toEqual(['greeting', 'away']);
    expect(first.nextOpenAt).toBe(sp(14, 9));
    expect(formatNextOpening(nextOpenOf(first), fridayNight, SP, 'pt-BR')).toBe('amanhã às 09:00');
    expect(second.outcome).toBe('nothing-to-say');
    // The next conversation, after the window ended, gets it again.
    const nextWeek = decide({
      message: inbound('oi de novo', sp(20, 20)),
      state: second.state,
      previousLastInboundAt: fridayNight + 5 * MINUTE,
    });
    expect(kinds(nextWeek)).toEqual(['away']);
  });

  it('closes on holidays given as closed dates', () => {
    const carnaval = settings({
      businessHours: { ...settings().businessHours, closedDates: ['2026-02-16', '2026-02-17'] },
    });
    const plan = decide({ settings: carnaval, message: inbound('oi', Date.UTC(2026, 1, 16, 13)) });
    expect(kinds(plan)).toEqual(['greeting', 'away']);
    expect(plan.nextOpenAt).toBe(Date.UTC(2026, 1, 18, 12));
  });

  it('sends the menu with the greeting and understands the reply', () => {
    const withMenu = { settings: settings({ menuEnabled: true }) };
    const [first, choice, person, after] = conversation(
      [
        ['oi', MONDAY_10],
        ['2', MONDAY_10 + MINUTE],
        ['5️⃣', MONDAY_10 + 2 * MINUTE],
        ['?', MONDAY_10 + 3 * MINUTE],
      ],
      withMenu,
    );
    expect(kinds(first)).toEqual(['greeting', 'menu']);
    expect(first.messages[1]?.template).toContain('2. Endereço');
    expect(choice.messages).toEqual([
      { kind: 'faq', template: expect.stringContaining('{{shop_address}}'), ruleId: STARTER_FAQ_RULE_IDS.address },
    ]);
    expect(kinds(person)).toEqual(['handoff-ack']);
    expect(after.outcome).toBe('handed-off');
  });

  it('does not read "2" as a menu choice when no menu was sent in this conversation', () => {
    const plan = decide({
      settings: settings({ menuEnabled: true }),
      message: inbound('2'),
      previousLastInboundAt: MONDAY_10 - MINUTE,
    });
    expect(plan.outcome).toBe('nothing-to-say');
  });

  it('answers a question in the first message after the greeting, instead of the menu', () => {
    const plan = decide({ settings: settings({ menuEnabled: true }), message: inbound('Oi! Vocês aceitam pix?') });
    expect(kinds(plan)).toEqual(['greeting', 'faq']);
  });
});

describe('decideAutoReply: hand-off to a person', () => {
  it('hands off when the customer asks for a person, and stays quiet until the conversation ends', () => {
    const [ask, later] = conversation([
      ['quero falar com um atendente', MONDAY_10],
      ['que horas abre?', MONDAY_10 + HOUR],
    ]);
    expect(kinds(ask)).toEqual(['handoff-ack']);
    expect(ask.state).toMatchObject({ handedOffAt: MONDAY_10, handoffReason: 'customer-asked' });
    expect(isWaitingForPerson(ask.state, MONDAY_10, MONDAY_10 + MINUTE)).toBe(true);
    expect(later.outcome).toBe('handed-off');
    const nextConversation = decide({
      message: inbound('que horas abre?', MONDAY_10 + HOUR + DAY),
      state: later.state,
      previousLastInboundAt: MONDAY_10 + HOUR,
    });
    expect(nextConversation.messages.map((message) => message.ruleId)).toEqual([STARTER_FAQ_RULE_IDS.hours]);
    expect(nextConversation.state.handedOffAt).toBeNull();
  });

  it('hands off when the shop replies, until staff give the chat back', () => {
    const taken = onShopReply(initialBotChatState(), MONDAY_10);
    expect(handledBy(taken, MONDAY_10 - MINUTE, MONDAY_10)).toBe('person');
    expect(isWaitingForPerson(taken, MONDAY_10 - MINUTE, MONDAY_10)).toBe(false);
    const quiet = decide({
      message: inbound('aceita pix?', MONDAY_10 + MINUTE),
      state: taken,
      previousLastInboundAt: MONDAY_10 - MINUTE,
    });
    expect(quiet.outcome).toBe('handed-off');
    const back = decide({
      message: inbound('aceita pix?', MONDAY_10 + MINUTE),
      state: returnToBot(taken),
      previousLastInboundAt: MONDAY_10 - MINUTE,
    });
    expect(kinds(back)).toEqual(['faq']);
  });

  it('tells a customer who asks for a person at night when the shop opens', () => {
    const plan = decide({ message: inbound('atendente', sp(13, 22)), previousLastInboundAt: sp(13, 21) });
    expect(kinds(plan)).toEqual(['away', 'handoff-ack']);
  });
});

describe('decideAutoReply: safety', () => {
  it('never answers the same text twice, whatever its case or accents', () => {
    const [first, again] = conversation([
      ['Aceita Pix?', MONDAY_10],
      ['aceita pix', MONDAY_10 + MINUTE],
    ]);
    expect(kinds(first)).toEqual(['greeting', 'faq']);
    expect(again.outcome).toBe('already-answered');
  });

  it('sends at most the hourly limit, answers first, then resumes after an hour', () => {
    const busy: BotChatState = {
      ...initialBotChatState(),
      recentBotSendsAt: [MONDAY_10 - 30 * MINUTE, MONDAY_10 - 20 * MINUTE],
    };
    const limited = settings({ maxBotMessagesPerHour: 3, menuEnabled: true });
    const first = decide({
      settings: limited,
      message: inbound('oi, vocês entregam?', sp(13, 20)),
      state: { ...busy, recentBotSendsAt: [sp(13, 19, 50), sp(13, 19, 55)] },
    });
    // Greeting, away and answer planned; room for one: the answer.
    expect(kinds(first)).toEqual(['faq']);
    const full = decide({
      settings: limited,
      message: inbound('qual o endereço?', sp(13, 20, 1)),
      state: first.state,
      previousLastInboundAt: sp(13, 20),
    });
    expect(full.outcome).toBe('loop-guard');
    const hourLater = decide({
      settings: limited,
      message: inbound('qual o endereço?', sp(13, 21)),
      state: full.state,
      previousLastInboundAt: sp(13, 20, 1),
    });
    expect(kinds(hourLater)).toEqual(['away', 'faq']);
  });

  it('starts a flow again when its menu option is picked twice the same day, within the hourly limit', () => {
    const withOrder = settings({
      menuEnabled: true,
      maxBotMessagesPerHour: 4,
      menuOptions: [
        { id: 'm-order', label: { 'pt-BR': 'Fazer pedido', en: 'Order' }, action: { kind: 'flow', flow: 'order' } },
      ],
    });
    const [hello, firstOrder, secondOrder, thirdOrder] = conversation(
      [
        ['oi', MONDAY_10],
        ['1', MONDAY_10 + 10 * MINUTE],
        ['1', MONDAY_10 + 30 * MINUTE],
        ['1', MONDAY_10 + 40 * MINUTE],
      ],
      { settings: withOrder },
    );
    expect(kinds(hello)).toEqual(['greeting', 'menu']);
    expect(firstOrder.startFlow).toBe('order');
    expect(secondOrder.startFlow).toBe('order');
    // The flows' own first texts are counted by the engine; here only the greeting and menu are.
    expect(thirdOrder.startFlow).toBe('order');
    const full = decide({
      settings: withOrder,
      message: inbound('1', MONDAY_10 + 50 * MINUTE),
      state: { ...thirdOrder.state, recentBotSendsAt: [1, 2, 3, 4].map((n) => MONDAY_10 + n * MINUTE) },
      previousLastInboundAt: MONDAY_10 + 40 * MINUTE,
    });
    expect(full).toMatchObject({ outcome: 'loop-guard', startFlow: null });
  });

  it('acknowledges an opt-out once and then sends nothing, not even a greeting', () => {
    const [stop, later] = conversation([
      ['PARAR', MONDAY_10],
      ['que horas abre?', MONDAY_10 + HOUR],
    ]);
    expect(kinds(stop)).toEqual(['opt-out-ack']);
    expect(stop.state.optedOutAt).toBe(MONDAY_10);
    expect(later.outcome).toBe('opted-out');
    const monthLater = decide({
      message: inbound('oi', MONDAY_10 + 30 * DAY),
      state: later.state,
      previousLastInboundAt: MONDAY_10 + HOUR,
    });
    expect(monthLater.outcome).toBe('opted-out');
  });

  it('records an opt-out silently when the bot is off or a person has the chat', () => {
    const off = decide({ settings: settings({ enabled: false }), message: inbound('stop') });
    expect(off).toMatchObject({ outcome: 'off', messages: [] });
    expect(off.state.optedOutAt).toBe(MONDAY_10);
    const person = decide({
      message: inbound('sair'),
      state: onShopReply(initialBotChatState(), MONDAY_10 - MINUTE),
      previousLastInboundAt: MONDAY_10 - HOUR,
    });
    expect(person.outcome).toBe('handed-off');
    expect(person.state.optedOutAt).toBe(MONDAY_10);
  });

  it('plans templates that render completely for a customer with a name and a shop with details', () => {
    const fridayNight = sp(13, 20);
    const plan = decide({ settings: settings({ menuEnabled: true }), message: inbound('oi', fridayNight) });
    const context = {
      customer: {
        name: 'Maria Silva',
        firstName: 'Maria',
        phone: '5511987654321',
        customFields: {},
      },
      shop: { name: 'Doces da Ana', address: 'Rua das Flores, 12', hours: 'seg–sex 9h–18h', website: '' },
      now: fridayNight,
      timeZone: SP,
      language: 'pt-BR' as const,
      windowExpiresAt: fridayNight + DAY,
      // {{next_open}} is a built-in placeholder: the plan gives its instant.
      nextOpenAt: nextOpenOf(plan),
    };
    const rendered = plan.messages.map((message) => renderTemplate(message.template, context));
    expect(rendered.every((result) => result.complete)).toBe(true);
    expect(rendered[1]?.text).toBe(
      'No momento estamos fechados. Abrimos amanhã às 09:00 e respondemos sua mensagem assim que possível.',
    );
    // Without the value, the away message must be held back by the caller.
    const bare = renderTemplate(plan.messages[1]?.template ?? '', { ...context, nextOpenAt: null });
    expect(bare).toMatchObject({ complete: false, missing: ['next_open'] });
  });
});
