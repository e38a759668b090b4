/**
 * A conversation the bot leads over several messages (booking an appointment, taking an order).
 * The bot engine owns when the bot may speak at all (window open, not handed off, not opted out,
 * master switch on); a flow only says what to answer. Flows are registered with the engine, and a
 * menu option `{ kind: 'flow', flow }` starts the one whose `name` matches.
 */
import type { ChatFlowName } from '../../../shared/automations/menu';
import type { ChatId, Language } from '../../../shared/domain';

export type { ChatFlowName };

export interface ChatFlowContext {
  chatId: ChatId;
  /** The customer's new message. */
  text: string;
  now: number;
  language: Language;
  timeZone: string;
  /** The customer's window, including this message. */
  lastInboundAt: number;
}

export interface ChatFlowReply {
  /** Ready-to-send texts, in order; the engine sends them as automatic messages. */
  texts: string[];
  /** The flow ended (timed out, cancelled, or finished) and the menu should be offered again. */
  backToMenu: boolean;
  /**
   * The customer's message was not understood and the options were sent again. Only these count
   * toward the loop guard: a customer answering "1" step after step is a conversation, while
   * another bot that keeps sending what no step understands is a loop.
   */
  notUnderstood: boolean;
}

export interface ChatFlow {
  readonly name: ChatFlowName;
  /**
   * A message while this flow is under way for that chat, or one the flow always understands
   * ("cancelar", "remarcar", a "1" the day before an appointment). Null: not this flow's message.
   */
  continue(context: ChatFlowContext): ChatFlowReply | null;
  /** The customer picked this flow's menu option. */
  start(context: ChatFlowContext): ChatFlowReply;
}
