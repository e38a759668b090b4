/**
 * The order chat as the bot engine sees it (ChatFlow): the pure flow of shared/orders, the cart and
 * step kept per chat in the store's `orderFlows`, the remembered address in `deliveryAddresses`.
 * The order flow claims no words when no order is under way: it starts from the menu only.
 */
import type { ChatFlow, ChatFlowContext, ChatFlowReply } from '../automations/chat-flow';
import type { ChatId } from '../../../shared/domain';
import {
  orderFlowStep,
  startOrderFlow,
  type OrderFlowContext,
  type OrderFlowResult,
} from '../../../shared/orders/order-flow';
import type { OrderFlowState } from '../../../shared/orders/order-flow-state';
import type { JanelaStore } from '../store/store-types';
import { placeOrder, rememberAddress } from './order-book';

export interface OrderChatFlowDeps {
  store: JanelaStore;
  /** An order was placed: the board on screen should refresh. */
  onOrdersChanged?: () => void;
  /** The customer's remembered address changed: their profile on screen should refresh. */
  onAddressChanged?: (chatId: ChatId) => void;
  timeoutMin?: number;
}

export function createOrderChatFlow(deps: OrderChatFlowDeps): ChatFlow {
  const { store } = deps;

  function flowContext(context: ChatFlowContext): OrderFlowContext {
    return {
      products: store.data.products,
      settings: store.data.orderSettings,
      rememberedAddress: store.data.deliveryAddresses[context.chatId] ?? null,
      chatId: context.chatId,
      now: context.now,
      language: context.language,
      ...(deps.timeoutMin !== undefined ? { timeoutMin: deps.timeoutMin } : {}),
    };
  }

  function saveState(chatId: ChatId, state: OrderFlowState | null): void {
    if (state === null && !(chatId in store.data.orderFlows)) return;
    store.update((data) => {
      const flows = Object.fromEntries(Object.entries(data.orderFlows).filter(([id]) => id !== chatId));
      if (state !== null) flows[chatId] = state;
      data.orderFlows = flows;
    });
  }

  function settle(result: OrderFlowResult, context: ChatFlowContext): ChatFlowReply {
    const effect = result.effect;
    if (effect?.kind === 'create-order') {
      placeOrder(store, effect.order);
      deps.onOrdersChanged?.();
    } else if (effect?.kind === 'remember-address') {
      rememberAddress(store, context.chatId, effect.address);
      deps.onAddressChanged?.(context.chatId);
    }
    saveState(context.chatId, result.state);
    return { texts: result.messages, backToMenu: result.backToMenu, notUnderstood: result.notUnderstood === true };
  }

  return {
    name: 'order',
    continue(context) {
      const state = store.data.orderFlows[context.chatId];
      if (!state) return null;
      return settle(orderFlowStep(state, context.text, flowContext(context)), context);
    },
    start(context) {
      return settle(startOrderFlow(flowContext(context)), context);
    },
  };
}
