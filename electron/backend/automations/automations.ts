/**
 * Automatic replies inside one backend: the bot engine, the commands of the settings screen, and
 * the chat-row fields (who handles a chat). backend.ts calls in at three places: a customer's new
 * message, a reply from the shop's side, and a chat summary being built.
 */
import { automationSettingsSchema, type AutomationSettings } from '../../../shared/automations/automation-settings';
import { FAQ_MATCH_THRESHOLD, scoreFaqRules, type FaqRule } from '../../../shared/automations/faq-matching';
import { isWaitingForPerson } from '../../../shared/automations/bot-chat-state';
import { nextOpening } from '../../../shared/automations/business-hours';
import { JanelaError, type FaqTestResult } from '../../../shared/contract';
import type { ChatId, ChatSummary, CustomerProfile } from '../../../shared/domain';
import { renderTemplate } from '../../../shared/templates/render-template';
import { buildTemplateContext } from '../../../shared/templates/template-context';
import type { Clock } from '../clock';
import type { EventHub } from '../event-hub';
import { toChatSummary, toCustomerProfile } from '../profiles/profiles';
import type { Handlers } from '../router';
import type { JanelaStore, StoredContact, StoredMessage } from '../store/store-types';
import { BotEngine } from './bot-engine';
import type { ChatFlow } from './chat-flow';

export interface AutomationsOptions {
  store: JanelaStore;
  clock: Clock;
  hub: EventHub;
  /** Queues an automatic message (the outbox, with `automatic: true`). */
  send: (chatId: ChatId, text: string) => void;
  onChatChanged: (chatId: ChatId) => void;
  flows: readonly ChatFlow[];
  log: (line: string) => void;
}

type AutomationHandlers = Pick<
  Handlers,
  'getAutomationSettings' | 'updateAutomationSettings' | 'testFaqMatch' | 'returnChatToBot' | 'clearOptOut'
>;

export interface Automations {
  handlers: AutomationHandlers;
  onCustomerMessage(message: StoredMessage, previousLastInboundAt: number | null): void;
  onShopReply(chatId: ChatId, at: number): void;
  /** A chat-list row with who handles the chat. */
  chatSummary(contact: StoredContact): ChatSummary;
  /** For the list's head before every contact is read: from the bot's state alone. */
  isWaitingForPerson(chatId: string, lastInboundAt: number | null): boolean;
  /** A profile with who handles the chat and whether the customer opted out. */
  customerProfile(contact: StoredContact): CustomerProfile;
}

/** The rule ids a menu option or a save can refer to must be unique, or "which rule" means nothing. */
function assertUniqueRuleIds(settings: AutomationSettings): void {
  const ids = new Set<string>();
  for (const rule of settings.faqRules) {
    if (ids.has(rule.id)) throw new JanelaError('invalid-input', `faqRules: the id ${rule.id} is used twice`);
    ids.add(rule.id);
  }
}

export function createAutomations(options: AutomationsOptions): Automations {
  const { store, clock, hub } = options;
  const engine = new BotEngine(options);

  function testFaqMatch(text: string, rules: readonly FaqRule[]): FaqTestResult {
    const titles = new Map(rules.map((rule) => [rule.id, rule]));
    const scores = scoreFaqRules(rules, text);
    const candidates = scores
      .slice(0, 3)
      .map((match) => ({ ruleId: match.ruleId, title: titles.get(match.ruleId)?.title ?? '', score: match.score }));
    const best = scores[0];
    const rule = best && best.score >= FAQ_MATCH_THRESHOLD ? titles.get(best.ruleId) : undefined;
    if (!best || !rule) return { answer: null, candidates, threshold: FAQ_MATCH_THRESHOLD };
    const now = clock.now();
    const { settings } = store.data;
    const sample = { name: '', firstName: '', phone: '', lastInboundAt: now };
    const context = {
      ...buildTemplateContext(sample, settings, now),
      nextOpenAt: nextOpening(engine.settings().businessHours, settings.timeZone, now)?.at ?? null,
    };
    return {
      answer: {
        ruleId: rule.id,
        title: rule.title,
        score: best.score,
        phrase: best.phrase,
        text: renderTemplate(rule.answer, context).text,
      },
      candidates,
      threshold: FAQ_MATCH_THRESHOLD,
    };
  }

  function contactOrThrow(chatId: ChatId): StoredContact {
    const contact = store.data.contacts[chatId];
    if (!contact) throw new JanelaError('not-found', 'no chat with that id');
    return contact;
  }

  const chatSummary = (contact: StoredContact): ChatSummary => ({
    ...toChatSummary(contact),
    ...engine.chatFields(contact, clock.now()),
  });
  const customerProfile = (contact: StoredContact): CustomerProfile => ({
    ...toCustomerProfile(contact),
    ...engine.chatFields(contact, clock.now()),
    automaticRepliesOptedOutAt: store.data.botChats[contact.chatId]?.optedOutAt ?? null,
  });

  return {
    handlers: {
      getAutomationSettings: () => engine.settings(),
      updateAutomationSettings: (input) => {
        const settings = automationSettingsSchema.parse(input);
        assertUniqueRuleIds(settings);
        const switched = settings.enabled !== (store.data.automations?.enabled === true);
        store.update((data) => void (data.automations = settings));
        hub.emit('automationSettingsChanged', { settings });
        // The master switch changes every chat's "handled by".
        if (switched) hub.emit('chatsChanged', { chats: Object.values(store.data.contacts).map(chatSummary) });
        return settings;
      },
      testFaqMatch: ({ text, faqRules }) => testFaqMatch(text, faqRules ?? engine.settings().faqRules),
      returnChatToBot: ({ chatId }) => {
        contactOrThrow(chatId);
        engine.returnToBot(chatId);
        return null;
      },
      clearOptOut: ({ chatId }) => {
        const contact = contactOrThrow(chatId);
        engine.clearOptOut(chatId);
        return customerProfile(contact);
      },
    },
    onCustomerMessage: (message, previous) => engine.onCustomerMessage(message, previous),
    onShopReply: (chatId, at) => engine.onShopReply(chatId, at),
    chatSummary,
    customerProfile,
    isWaitingForPerson: (chatId, lastInboundAt) => {
      const state = store.data.botChats[chatId];
      return state !== undefined && isWaitingForPerson(state, lastInboundAt, clock.now());
    },
  };
}
