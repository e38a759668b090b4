/**
 * What the bot says to one inbound message, as a pure decision: the caller renders each planned
 * template with the existing renderer (dropping any that is not complete), hands the texts to the
 * outbox marked as automatic, and stores the returned state.
 */
import type { Language } from '../domain';
import { scanTemplate } from '../templates/placeholders';
import { windowExpiresAt } from '../chats/window-rules';
import type { AutomationSettings } from './automation-settings';
import { isHandedOff, messageFingerprint, type BotChatState } from './bot-chat-state';
import { bestFaqMatch } from './faq-matching';
import { isOptOut, wantsHuman } from './intents';
import { pickMenuOption, renderMenu, type ChatFlowName, type MenuOption } from './menu';
import { openingState } from './opening-state';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_ANSWERED_REMEMBERED = 50;

export interface InboundForBot {
  text: string;
  /** Epoch milliseconds. */
  at: number;
  isGroup: boolean;
  isStatus: boolean;
  fromMe: boolean;
}

export interface AutoReplyInput {
  settings: AutomationSettings;
  /** The shop's language, for the menu's text. */
  language: Language;
  message: InboundForBot;
  state: BotChatState;
  /** The chat's last customer message before this one; null if this is the first ever. */
  previousLastInboundAt: number | null;
  timeZone: string;
  now: number;
}

export type PlannedMessageKind = 'greeting' | 'away' | 'menu' | 'faq' | 'handoff-ack' | 'opt-out-ack';

export interface PlannedMessage {
  kind: PlannedMessageKind;
  template: string;
  ruleId?: string;
}

/** Why the bot said what it said, or nothing: for logs, tests and the settings' "Try it" box. */
export type AutoReplyOutcome =
  | 'answered'
  | 'not-a-customer-message'
  | 'not-new'
  | 'window-closed'
  | 'opted-out'
  | 'off'
  | 'handed-off'
  | 'already-answered'
  | 'loop-guard'
  | 'nothing-to-say';

export interface AutoReplyPlan {
  outcome: AutoReplyOutcome;
  messages: PlannedMessage[];
  state: BotChatState;
  /** The value behind {{next_open}}, when a planned template uses it; null if it never opens. */
  nextOpenAt: number | null;
  /** The customer picked a menu option that starts this flow: the caller starts it after `messages`. */
  startFlow: ChatFlowName | null;
}

// When the loop guard leaves room for fewer messages than planned, answers to what the customer
// asked go first and the menu last.
const PRIORITY: Record<PlannedMessageKind, number> = {
  faq: 0,
  'handoff-ack': 0,
  'opt-out-ack': 0,
  away: 1,
  greeting: 2,
  menu: 3,
};

function keepWithin(messages: PlannedMessage[], room: number): PlannedMessage[] {
  if (messages.length <= room) return messages;
  const kept = new Set([...messages].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind]).slice(0, Math.max(room, 0)));
  return messages.filter((message) => kept.has(message));
}

function usesNextOpen(template: string): boolean {
  return scanTemplate(template).some((piece) => piece.kind === 'placeholder' && piece.name === 'next_open');
}

export function decideAutoReply(input: AutoReplyInput): AutoReplyPlan {
  const { settings, message, now, previousLastInboundAt: previous } = input;
  const quiet = (outcome: AutoReplyOutcome, state = input.state): AutoReplyPlan => ({
    outcome,
    messages: [],
    state,
    nextOpenAt: null,
    startFlow: null,
  });

  if (message.fromMe || message.isGroup || message.isStatus) return quiet('not-a-customer-message');
  if (previous !== null && message.at < previous) return quiet('not-new');
  if (now >= windowExpiresAt(message.at)) return quiet('window-closed');

  const optingOut = input.state.optedOutAt === null && isOptOut(message.text);
  if (input.state.optedOutAt !== null) return quiet('opted-out');

  // Recorded even with the switch off or a person in charge: the customer's wish outlasts both.
  let state: BotChatState = optingOut ? { ...input.state, optedOutAt: message.at } : input.state;
  if (!settings.enabled) return quiet('off', state);
  if (state.handedOffAt !== null) {
    if (isHandedOff(state, previous, message.at)) return quiet('handed-off', state);
    state = { ...state, handedOffAt: null, handoffReason: null };
  }

  const newConversation = previous === null || message.at >= windowExpiresAt(previous);
  const conversationStartedAt = newConversation ? message.at : (state.conversationStartedAt ?? message.at);

  const fingerprint = message.text.trim() === '' ? null : messageFingerprint(message.text);
  const answeredMessages = state.answeredMessages.filter((answered) => now - answered.at < DAY_MS);
  // A menu pick that starts a flow is a request each time ("2" for a second order the same day);
  // the loop guard below still bounds how often a flow can be started.
  const repeated = fingerprint !== null && answeredMessages.some((answered) => answered.fingerprint === fingerprint);
  if (repeated && menuPick(input, { ...state, conversationStartedAt }, newConversation)?.action.kind !== 'flow') {
    return quiet('already-answered', state);
  }
  const recentBotSendsAt = state.recentBotSendsAt.filter((at) => now - at < HOUR_MS);
  const room = settings.maxBotMessagesPerHour - recentBotSendsAt.length;
  if (room <= 0) return quiet('loop-guard', { ...state, recentBotSendsAt, answeredMessages });

  state = { ...state, conversationStartedAt };
  const silenceMs = settings.greetingAfterDays * DAY_MS;
  const greetingDue =
    (previous === null || message.at - previous >= silenceMs) &&
    (state.lastGreetingAt === null || message.at - state.lastGreetingAt >= silenceMs);
  const awayDue =
    settings.awayEnabled &&
    state.awaySentForConversationStartedAt !== conversationStartedAt &&
    !openingState(settings.businessHours, input.timeZone, now).open;

  const planned: PlannedMessage[] = [];
  let handoffAt: number | null = null;
  let startFlow: ChatFlowName | null = null;
  if (optingOut) {
    planned.push({ kind: 'opt-out-ack', template: settings.optOutAckTemplate });
  } else if (wantsHuman(message.text)) {
    if (awayDue) planned.push({ kind: 'away', template: settings.awayTemplate });
    planned.push({ kind: 'handoff-ack', template: settings.handoffAckTemplate });
    handoffAt = message.at;
  } else {
    if (greetingDue && settings.greetingEnabled)
      planned.push({ kind: 'greeting', template: settings.greetingTemplate });
    if (awayDue) planned.push({ kind: 'away', template: settings.awayTemplate });
    const answer = answerFor(input, state, newConversation);
    if (answer.kind === 'handoff') {
      planned.push({ kind: 'handoff-ack', template: settings.handoffAckTemplate });
      handoffAt = message.at;
    } else if (answer.kind === 'faq') {
      planned.push({ kind: 'faq', template: answer.template, ruleId: answer.ruleId });
    } else if (answer.kind === 'flow') {
      startFlow = answer.flow;
    } else if (greetingDue && settings.menuEnabled && settings.menuOptions.length > 0) {
      planned.push({ kind: 'menu', template: renderMenu(settings.menuOptions, input.language) });
    }
  }

  const messages = keepWithin(planned, room);
  if (messages.length === 0 && startFlow === null)
    return quiet('nothing-to-say', { ...state, recentBotSendsAt, answeredMessages });
  const sent = (kind: PlannedMessageKind) => messages.some((planned) => planned.kind === kind);
  const nextOpenAt = messages.some((planned) => usesNextOpen(planned.template))
    ? openingState(settings.businessHours, input.timeZone, now).nextOpenAt
    : null;
  return {
    outcome: 'answered',
    messages,
    nextOpenAt,
    startFlow,
    state: {
      ...state,
      ...(handoffAt !== null && sent('handoff-ack') ? { handedOffAt: handoffAt, handoffReason: 'customer-asked' } : {}),
      lastGreetingAt: sent('greeting') ? now : state.lastGreetingAt,
      lastMenuAt: sent('menu') ? now : state.lastMenuAt,
      awaySentForConversationStartedAt: sent('away') ? conversationStartedAt : state.awaySentForConversationStartedAt,
      // A flow's own texts are counted by the caller, which sends them.
      recentBotSendsAt: [...recentBotSendsAt, ...messages.map(() => now)],
      answeredMessages:
        fingerprint === null || repeated
          ? answeredMessages
          : [...answeredMessages, { fingerprint, at: now }].slice(-MAX_ANSWERED_REMEMBERED),
    },
  };
}

type Answer =
  | { kind: 'faq'; ruleId: string; template: string }
  | { kind: 'handoff' }
  | { kind: 'flow'; flow: ChatFlowName }
  | { kind: 'none' };

/** The menu option the message picks, only in a conversation where the menu was sent ("1" means nothing otherwise). */
function menuPick(input: AutoReplyInput, state: BotChatState, newConversation: boolean): MenuOption | null {
  const { settings, message } = input;
  const menuShown =
    !newConversation &&
    settings.menuEnabled &&
    state.lastMenuAt !== null &&
    state.conversationStartedAt !== null &&
    state.lastMenuAt >= state.conversationStartedAt;
  return menuShown ? pickMenuOption(settings.menuOptions, message.text) : null;
}

/**
 * A menu choice first, then the best FAQ rule. A choice linked to a rule since removed or disabled
 * falls through to FAQ matching.
 */
function answerFor(input: AutoReplyInput, state: BotChatState, newConversation: boolean): Answer {
  const { settings, message } = input;
  const option = menuPick(input, state, newConversation);
  if (option) {
    switch (option.action.kind) {
      case 'handoff':
        return { kind: 'handoff' };
      case 'faq': {
        const { ruleId } = option.action;
        const rule = settings.faqRules.find((candidate) => candidate.id === ruleId && candidate.enabled);
        if (rule) return { kind: 'faq', ruleId: rule.id, template: rule.answer };
        break;
      }
      case 'flow':
        return { kind: 'flow', flow: option.action.flow };
      default: {
        const unhandled: never = option.action;
        return unhandled;
      }
    }
  }
  const match = bestFaqMatch(settings.faqRules, message.text);
  const rule = match && settings.faqRules.find((candidate) => candidate.id === match.ruleId);
  return rule ? { kind: 'faq', ruleId: rule.id, template: rule.answer } : { kind: 'none' };
}
