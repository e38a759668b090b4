/**
 * The bot: on every customer message recorded from any gateway, decides what to answer (the pure
 * `decideAutoReply`, or a flow under way), renders the texts and hands them to the outbox marked as
 * automatic. Its per-chat memory lives in the store (`botChats`), written in the same batch as the
 * message, so a restart neither repeats a greeting nor forgets a hand-off.
 */
import { defaultAutomationSettings, type AutomationSettings } from '../../../shared/automations/automation-settings';
import { decideAutoReply, type PlannedMessage } from '../../../shared/automations/bot-decision';
import {
  clearOptOut,
  handledBy,
  initialBotChatState,
  isHandedOff,
  isWaitingForPerson,
  onShopReply,
  returnToBot,
  type BotChatState,
} from '../../../shared/automations/bot-chat-state';
import { isOptOut, wantsHuman } from '../../../shared/automations/intents';
import { offeredMenuOptions, renderMenu, type ChatFlowName } from '../../../shared/automations/menu';
import { isWindowOpen } from '../../../shared/chats/window-rules';
import type { ChatId } from '../../../shared/domain';
import { buildTemplateContext } from '../../../shared/templates/template-context';
import { renderTemplate } from '../../../shared/templates/render-template';
import type { Clock } from '../clock';
import { toCustomerProfile } from '../profiles/profiles';
import type { JanelaStore, StoredContact, StoredMessage } from '../store/store-types';
import type { ChatFlow, ChatFlowContext, ChatFlowReply } from './chat-flow';

const HOUR_MS = 3_600_000;

export interface BotEngineOptions {
  store: JanelaStore;
  clock: Clock;
  /** Queues an automatic message in the outbox; throws like `Outbox.send` when it may not go. */
  send: (chatId: ChatId, text: string) => void;
  /** The chat's row changed (handled by, waiting for a person). */
  onChatChanged: (chatId: ChatId) => void;
  flows: readonly ChatFlow[];
  log: (line: string) => void;
}

export interface ChatBotFields {
  handledBy: 'bot' | 'person' | null;
  waitingForPerson: boolean;
}

export class BotEngine {
  private readonly flows: ReadonlyMap<ChatFlowName, ChatFlow>;

  constructor(private readonly options: BotEngineOptions) {
    this.flows = new Map(options.flows.map((flow) => [flow.name, flow]));
  }

  /** The settings in force: the stored ones, or the defaults in the shop's language (switched off). */
  settings(): AutomationSettings {
    const { data } = this.options.store;
    return data.automations ?? defaultAutomationSettings(data.settings.language);
  }

  state(chatId: ChatId): BotChatState {
    return this.options.store.data.botChats[chatId] ?? initialBotChatState();
  }

  /** For the chat list and the conversation header. */
  chatFields(contact: StoredContact, now: number): ChatBotFields {
    const stored = this.options.store.data.botChats[contact.chatId];
    const enabled = this.options.store.data.automations?.enabled === true;
    // Nobody answers a closed window: the bot wakes only when the customer writes again.
    if (!isWindowOpen(contact.lastInboundAt, now)) return { handledBy: null, waitingForPerson: false };
    if (!stored) return { handledBy: enabled ? 'bot' : null, waitingForPerson: false };
    const waitingForPerson = isWaitingForPerson(stored, contact.lastInboundAt, now);
    const by = handledBy(stored, contact.lastInboundAt, now);
    // With the switch off a person answers everything; only a pending request for a person still shows.
    return { handledBy: enabled || by === 'person' ? by : null, waitingForPerson };
  }

  /**
   * A customer's message was just recorded (live, not catch-up). `previousLastInboundAt` is the
   * chat's last customer message before this one.
   */
  onCustomerMessage(message: StoredMessage, previousLastInboundAt: number | null): void {
    const { store, clock } = this.options;
    const contact = store.data.contacts[message.chatId];
    // Reactions and calls are not messages to answer.
    if (!contact || message.direction !== 'in' || (message.kind !== 'text' && message.kind !== 'media')) return;
    const now = clock.now();
    const settings = this.settings();
    const flowNames = new Set(this.flows.keys());
    const offered = { ...settings, menuOptions: offeredMenuOptions(settings.menuOptions, flowNames) };
    const before = this.state(message.chatId);

    const flowReply = this.mayAnswer(settings, before, message, previousLastInboundAt, now)
      ? this.continueFlow(contact, message, now)
      : null;
    if (flowReply) {
      this.saveState(
        message.chatId,
        this.sendFlowTexts(contact, flowReply, offered, before, now, flowReply.notUnderstood),
      );
      return;
    }

    const plan = decideAutoReply({
      settings: offered,
      language: store.data.settings.language,
      message: { text: message.text, at: message.at, isGroup: false, isStatus: false, fromMe: false },
      state: before,
      previousLastInboundAt,
      timeZone: store.data.settings.timeZone,
      now,
    });
    let state = plan.state;
    const sent = this.sendPlanned(contact, plan.messages, plan.nextOpenAt, now);
    if (plan.startFlow !== null) {
      const flow = this.flows.get(plan.startFlow);
      if (flow) {
        const reply = flow.start(this.flowContext(contact, message, now));
        // Starting a flow counts: a bot answering "1" to every menu cannot start flows forever.
        state = this.sendFlowTexts(contact, reply, offered, state, now, true);
      }
    }
    if (sent < plan.messages.length)
      this.options.log(`bot: ${plan.messages.length - sent} planned message(s) not sent`);
    this.saveState(message.chatId, state);
  }

  /** Someone on the shop's side wrote (in Janela or on the phone): the chat is theirs for now. */
  onShopReply(chatId: ChatId, at: number): void {
    const before = this.state(chatId);
    // Nothing to hand over in a chat the bot never touched while automation is off.
    if (!this.options.store.data.botChats[chatId] && this.options.store.data.automations?.enabled !== true) return;
    this.saveState(chatId, onShopReply(before, at));
  }

  returnToBot(chatId: ChatId): void {
    const before = this.state(chatId);
    this.saveState(chatId, returnToBot(before));
  }

  clearOptOut(chatId: ChatId): void {
    const before = this.state(chatId);
    this.saveState(chatId, clearOptOut(before));
  }

  /** The same gate `decideAutoReply` applies, asked before a flow may continue. */
  private mayAnswer(
    settings: AutomationSettings,
    state: BotChatState,
    message: StoredMessage,
    previous: number | null,
    now: number,
  ): boolean {
    if (!settings.enabled || state.optedOutAt !== null || this.flows.size === 0) return false;
    if (previous !== null && message.at < previous) return false;
    if (!isWindowOpen(message.at, now)) return false;
    if (isHandedOff(state, previous, message.at)) return false;
    // Asking for a person or to stop is the bot's to answer, whatever flow is under way.
    if (isOptOut(message.text) || wantsHuman(message.text)) return false;
    const recent = state.recentBotSendsAt.filter((at) => now - at < HOUR_MS);
    return recent.length < settings.maxBotMessagesPerHour;
  }

  private continueFlow(contact: StoredContact, message: StoredMessage, now: number): ChatFlowReply | null {
    for (const flow of this.flows.values()) {
      const reply = flow.continue(this.flowContext(contact, message, now));
      if (reply) return reply;
    }
    return null;
  }

  /**
   * A flow's texts, and the menu again when the flow ended; returns the state with them counted
   * toward the loop guard when `counted`.
   */
  private sendFlowTexts(
    contact: StoredContact,
    reply: ChatFlowReply,
    settings: AutomationSettings,
    state: BotChatState,
    now: number,
    counted: boolean,
  ): BotChatState {
    const texts = [...reply.texts];
    const withMenu = reply.backToMenu && settings.menuEnabled && settings.menuOptions.length > 0;
    if (withMenu) texts.push(renderMenu(settings.menuOptions, this.options.store.data.settings.language));
    let sent = 0;
    for (const text of texts) if (this.trySend(contact.chatId, text)) sent += 1;
    return {
      ...state,
      lastMenuAt: withMenu && sent === texts.length ? now : state.lastMenuAt,
      recentBotSendsAt: [
        ...state.recentBotSendsAt.filter((at) => now - at < HOUR_MS),
        ...(counted ? texts.map(() => now) : []),
      ],
    };
  }

  /** Renders each planned template for this customer; one that is not complete is never sent. */
  private sendPlanned(
    contact: StoredContact,
    messages: readonly PlannedMessage[],
    nextOpenAt: number | null,
    now: number,
  ): number {
    if (messages.length === 0) return 0;
    const { settings } = this.options.store.data;
    const context = {
      ...buildTemplateContext(toCustomerProfile(contact), settings, now),
      nextOpenAt,
    };
    let sent = 0;
    for (const planned of messages) {
      const rendered = renderTemplate(planned.template, context);
      if (!rendered.complete) {
        this.options.log(`bot: ${planned.kind} not sent, template incomplete`);
        continue;
      }
      if (this.trySend(contact.chatId, rendered.text)) sent += 1;
    }
    return sent;
  }

  private trySend(chatId: ChatId, text: string): boolean {
    try {
      this.options.send(chatId, text);
      return true;
    } catch (error) {
      this.options.log(`bot: send refused (${error instanceof Error ? error.message.split(':')[0] : 'unknown'})`);
      return false;
    }
  }

  private flowContext(contact: StoredContact, message: StoredMessage, now: number): ChatFlowContext {
    const { settings } = this.options.store.data;
    return {
      chatId: contact.chatId,
      text: message.text,
      now,
      language: settings.language,
      timeZone: settings.timeZone,
      lastInboundAt: contact.lastInboundAt ?? message.at,
    };
  }

  /** Stores a chat's state when it changed (also when nothing was sent: an opt-out, a new conversation). */
  private saveState(chatId: ChatId, after: BotChatState): void {
    const stored = this.options.store.data.botChats[chatId];
    if (JSON.stringify(after) === JSON.stringify(stored ?? initialBotChatState())) return;
    this.options.store.update((data) => void (data.botChats[chatId] = after));
    this.options.onChatChanged(chatId);
  }
}
