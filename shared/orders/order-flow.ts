/**
 * The order chat as a pure state machine: categories → products (add with quantities) → cart →
 * pickup or delivery → address → note → confirm. The backend feeds it one customer message at a
 * time per chat and applies the effect; it starts from the menu's "Fazer pedido".
 */
import { foldText } from '../bookings/fold-text';
import { formatNumberedList, pageOf, parseYesNo } from '../bookings/numbered-list';
import { isFlowTimedOut } from '../bookings/flow-timeout';
import type { ChatId, Language } from '../domain';
import {
  addToCart,
  lineTotalCents,
  missingForMinimumCents,
  orderTotals,
  refreshCart,
  removeFromCart,
  type Cart,
} from './cart';
import { formatBrl } from './money';
import type { OrderFlowState } from './order-flow-state';
import type { NewOrder, OrderSettings, Product } from './order-schemas';
import { orderTexts } from './order-texts';
import { parseCartCommand } from './quantity-input';
import { parseNumberedChoice } from '../text/numbered-choice';

export interface OrderFlowContext {
  products: readonly Product[];
  settings: OrderSettings;
  /** The address kept in the customer's profile from an earlier order. */
  rememberedAddress: string | null;
  chatId: ChatId;
  now: number;
  language: Language;
  timeoutMin?: number;
}

export type OrderEffect = { kind: 'create-order'; order: NewOrder } | { kind: 'remember-address'; address: string };

export interface OrderFlowResult {
  state: OrderFlowState | null;
  messages: string[];
  effect: OrderEffect | null;
  /** The flow is over and the customer should see the bot's menu again. */
  backToMenu: boolean;
  /** The message answered no question of this step: the options went out again. */
  notUnderstood?: boolean;
}

const leaveWords = new Set(['sair', 'menu', 'cancelar', 'cancela', 'cancelar pedido', 'exit', 'quit', 'cancel']);
const cartWords = new Set(['carrinho', 'ver carrinho', 'meu carrinho', 'cart', 'my cart']);
const checkoutWords = new Set([
  'finalizar',
  'fechar',
  'fechar pedido',
  'finalizar pedido',
  'so isso',
  'checkout',
  'done',
]);
const backWords = new Set(['voltar', 'categorias', 'back', 'categories']);
const noNoteWords = new Set(['0', 'nao', 'n', 'nenhuma', 'nada', 'sem observacao', 'no', 'none', 'nothing']);

function say(
  state: OrderFlowState,
  messages: string[],
  ctx: OrderFlowContext,
  effect: OrderEffect | null = null,
): OrderFlowResult {
  return { state: { ...state, updatedAt: ctx.now }, messages, effect, backToMenu: false };
}

function finish(messages: string[], backToMenu: boolean, effect: OrderEffect | null = null): OrderFlowResult {
  return { state: null, messages, effect, backToMenu };
}

function available(ctx: OrderFlowContext): Product[] {
  return ctx.products.filter((product) => product.available);
}

function categoryOf(product: Product, ctx: OrderFlowContext): string {
  return product.category?.trim() || orderTexts(ctx.language).otherCategory;
}

function categories(ctx: OrderFlowContext): string[] {
  return [...new Set(available(ctx).map((product) => categoryOf(product, ctx)))];
}

function productLabel(product: Product): string {
  return `${product.name} — ${formatBrl(product.priceCents)}`;
}

function cartLines(cart: Cart): string[] {
  return cart.map((line) => `${line.quantity}x ${line.name} — ${formatBrl(lineTotalCents(line))}`);
}

function categoryStep(
  state: OrderFlowState,
  ctx: OrderFlowContext,
  page: number,
  lead: string[] = [],
): OrderFlowResult {
  const t = orderTexts(ctx.language);
  const names = categories(ctx);
  if (names.length <= 1) return productsStep({ ...state, category: null }, ctx, 0, lead);
  const shown = pageOf(names, page);
  const list = formatNumberedList(shown.items, shown.hasMore, ctx.language);
  const next = { ...state, step: 'category' as const, choices: shown.items, page: shown.page, hasMore: shown.hasMore };
  return say(next, [...lead, `${t.chooseCategory}\n${list}`], ctx);
}

function productsStep(
  state: OrderFlowState,
  ctx: OrderFlowContext,
  page: number,
  lead: string[] = [],
): OrderFlowResult {
  const t = orderTexts(ctx.language);
  const listed = available(ctx).filter(
    (product) => state.category === null || categoryOf(product, ctx) === state.category,
  );
  if (listed.length === 0) return categoryStep({ ...state, category: null }, ctx, 0, lead);
  const shown = pageOf(listed, page);
  const list = formatNumberedList(shown.items.map(productLabel), shown.hasMore, ctx.language);
  const next = {
    ...state,
    step: 'products' as const,
    choices: shown.items.map((product) => product.id),
    page: shown.page,
    hasMore: shown.hasMore,
  };
  return say(next, [...lead, `${t.productsIn(state.category)}\n${list}\n\n${t.productsHint}`], ctx);
}

function cartStep(state: OrderFlowState, ctx: OrderFlowContext, lead: string[] = []): OrderFlowResult {
  const t = orderTexts(ctx.language);
  if (state.cart.length === 0) return categoryStep(state, ctx, 0, [...lead, t.emptyCart]);
  const subtotal = formatBrl(orderTotals(state.cart, null, ctx.settings).subtotalCents);
  const text = [t.cartHeading, ...cartLines(state.cart), t.subtotal(subtotal), '', t.cartOptions].join('\n');
  return say({ ...state, step: 'cart', choices: [], page: 0, hasMore: false }, [...lead, text], ctx);
}

function removeStep(state: OrderFlowState, ctx: OrderFlowContext): OrderFlowResult {
  if (state.cart.length === 0) return cartStep(state, ctx);
  const list = formatNumberedList(cartLines(state.cart), false, ctx.language);
  const next = { ...state, step: 'remove' as const, choices: [], page: 0, hasMore: false };
  return say(next, [`${orderTexts(ctx.language).chooseLineToRemove}\n${list}`], ctx);
}

function checkout(state: OrderFlowState, ctx: OrderFlowContext, lead: string[] = []): OrderFlowResult {
  const t = orderTexts(ctx.language);
  if (state.cart.length === 0) return cartStep(state, ctx, lead);
  const missing = missingForMinimumCents(state.cart, ctx.settings);
  if (missing > 0) {
    return cartStep(state, ctx, [
      ...lead,
      t.belowMinimum(formatBrl(ctx.settings.minimumOrderCents), formatBrl(missing)),
    ]);
  }
  const { delivery, pickup, deliveryFeeCents } = ctx.settings;
  if (delivery && pickup) {
    const fee = deliveryFeeCents > 0 ? formatBrl(deliveryFeeCents) : null;
    const next = { ...state, step: 'fulfilment' as const, choices: [], page: 0, hasMore: false };
    return say(next, [...lead, t.chooseFulfilment(fee)], ctx);
  }
  return afterFulfilment({ ...state, fulfilment: delivery ? 'delivery' : 'pickup' }, ctx, lead);
}

function afterFulfilment(state: OrderFlowState, ctx: OrderFlowContext, lead: string[] = []): OrderFlowResult {
  const t = orderTexts(ctx.language);
  if (state.fulfilment === 'pickup') return noteStep({ ...state, address: null }, ctx, lead);
  const question = ctx.rememberedAddress ? t.useRememberedAddress(ctx.rememberedAddress) : t.askAddress;
  return say({ ...state, step: 'address' }, [...lead, question], ctx);
}

function noteStep(
  state: OrderFlowState,
  ctx: OrderFlowContext,
  lead: string[] = [],
  effect: OrderEffect | null = null,
): OrderFlowResult {
  return say({ ...state, step: 'note' }, [...lead, orderTexts(ctx.language).askNote], ctx, effect);
}

function summary(state: OrderFlowState, ctx: OrderFlowContext): string {
  const t = orderTexts(ctx.language);
  const totals = orderTotals(state.cart, state.fulfilment, ctx.settings);
  const lines = [t.summaryHeading, ...cartLines(state.cart), t.subtotal(formatBrl(totals.subtotalCents))];
  if (state.fulfilment === 'delivery') lines.push(t.deliveryFee(formatBrl(totals.deliveryFeeCents)));
  lines.push(t.total(formatBrl(totals.totalCents)));
  lines.push(state.fulfilment === 'delivery' && state.address ? t.deliverTo(state.address) : t.pickup);
  if (state.note) lines.push(t.note(state.note));
  return lines.join('\n');
}

/** The summary the customer says yes to, always against the catalogue as it is now. */
function confirmStep(state: OrderFlowState, ctx: OrderFlowContext): OrderFlowResult {
  const t = orderTexts(ctx.language);
  const refreshed = refreshCart(state.cart, ctx.products);
  const notices = [
    ...(refreshed.dropped.length > 0 ? [t.noLongerAvailable(refreshed.dropped.join(', '))] : []),
    ...(refreshed.repriced.length > 0 ? [t.priceChanged(refreshed.repriced.join(', '))] : []),
  ];
  const next = { ...state, cart: [...refreshed.cart] };
  if (refreshed.dropped.length > 0) return cartStep(next, ctx, notices);
  const text = `${summary(next, ctx)}\n\n${t.confirmOptions}`;
  return say({ ...next, step: 'confirm', choices: [], page: 0, hasMore: false }, [...notices, text], ctx);
}

function place(state: OrderFlowState, ctx: OrderFlowContext): OrderFlowResult {
  const refreshed = refreshCart(state.cart, ctx.products);
  if (refreshed.dropped.length > 0 || refreshed.repriced.length > 0) return confirmStep(state, ctx);
  if (missingForMinimumCents(state.cart, ctx.settings) > 0) return checkout(state, ctx);
  const fulfilment = state.fulfilment ?? 'pickup';
  const order: NewOrder = {
    chatId: ctx.chatId,
    items: [...state.cart],
    fulfilment,
    address: fulfilment === 'delivery' ? state.address : null,
    note: state.note ?? '',
    ...orderTotals(state.cart, fulfilment, ctx.settings),
    status: 'new',
    createdAt: ctx.now,
    statusChangedAt: ctx.now,
  };
  const t = orderTexts(ctx.language);
  return finish([`${t.placed}\n\n${summary(state, ctx)}`], false, { kind: 'create-order', order });
}

function optionsAgain(state: OrderFlowState, ctx: OrderFlowContext): OrderFlowResult {
  const t = orderTexts(ctx.language);
  if (state.step === 'category') return categoryStep(state, ctx, state.page, [t.didNotUnderstand]);
  if (state.step === 'products') return productsStep(state, ctx, state.page, [t.didNotUnderstand]);
  if (state.step === 'cart') return cartStep(state, ctx, [t.didNotUnderstand]);
  if (state.step === 'fulfilment') return checkout(state, ctx, [t.didNotUnderstand]);
  if (state.step === 'remove') return say(state, [t.didNotUnderstand], ctx);
  return say(state, [`${t.didNotUnderstand}\n${t.confirmOptions}`], ctx);
}

function relist(state: OrderFlowState, ctx: OrderFlowContext): OrderFlowResult {
  return { ...optionsAgain(state, ctx), notUnderstood: true };
}

function onCategory(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const choice = parseNumberedChoice(text);
  if (choice === 0 && state.hasMore) return categoryStep(state, ctx, state.page + 1);
  const category = choice !== null && choice >= 1 ? state.choices[choice - 1] : undefined;
  if (category !== undefined) return productsStep({ ...state, category }, ctx, 0);
  return relist(state, ctx);
}

function onProducts(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const t = orderTexts(ctx.language);
  const folded = foldText(text);
  if (folded === '0' && state.hasMore) return productsStep(state, ctx, state.page + 1);
  if (backWords.has(folded)) return categoryStep({ ...state, category: null }, ctx, 0);
  const command = parseCartCommand(text);
  if (command?.kind === 'remove') return onRemoveCommand(state, command.line, command.quantity, ctx);
  const productId = command ? state.choices[command.item - 1] : undefined;
  const product = ctx.products.find((candidate) => candidate.id === productId && candidate.available);
  if (!command || !product) return relist(state, ctx);
  const cart = addToCart(state.cart, product, command.quantity);
  const subtotal = formatBrl(orderTotals(cart, null, ctx.settings).subtotalCents);
  return say(
    { ...state, cart: [...cart] },
    [`${t.added(command.quantity, product.name, subtotal)}\n${t.productsHint}`],
    ctx,
  );
}

function onRemoveCommand(
  state: OrderFlowState,
  line: number,
  quantity: number | null,
  ctx: OrderFlowContext,
): OrderFlowResult {
  if (line > state.cart.length) return relist(state, ctx);
  return cartStep({ ...state, cart: [...removeFromCart(state.cart, line - 1, quantity)] }, ctx);
}

function onCart(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const command = parseCartCommand(text);
  if (command?.kind === 'remove') return onRemoveCommand(state, command.line, command.quantity, ctx);
  const choice = parseNumberedChoice(text);
  if (choice === 1) return checkout(state, ctx);
  if (choice === 2) return categoryStep(state, ctx, 0);
  if (choice === 3) return removeStep(state, ctx);
  return relist(state, ctx);
}

function onRemove(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const choice = parseNumberedChoice(text);
  const command = parseCartCommand(text);
  const line = command?.kind === 'remove' ? command.line : choice;
  if (line === null || line < 1) return relist(state, ctx);
  return onRemoveCommand(state, line, command?.kind === 'remove' ? command.quantity : null, ctx);
}

function onFulfilment(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const folded = foldText(text);
  const choice = parseNumberedChoice(text);
  if (choice === 1 || ['retirar', 'retirada', 'buscar', 'pickup', 'pick up'].includes(folded)) {
    return afterFulfilment({ ...state, fulfilment: 'pickup' }, ctx);
  }
  if (choice === 2 || ['entrega', 'entregar', 'delivery', 'deliver'].includes(folded)) {
    return afterFulfilment({ ...state, fulfilment: 'delivery' }, ctx);
  }
  return relist(state, ctx);
}

function onAddress(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const remembered = ctx.rememberedAddress;
  if (remembered && parseNumberedChoice(text) === 1) return noteStep({ ...state, address: remembered }, ctx);
  const address = text.trim().replace(/\s+/g, ' ').slice(0, 300);
  // A street and a number at least; a lone digit or word is a mistyped choice, not an address.
  if (address.length < 6 || !/\p{L}/u.test(address)) {
    const t = orderTexts(ctx.language);
    return {
      ...say(state, [remembered ? t.useRememberedAddress(remembered) : t.askAddress], ctx),
      notUnderstood: true,
    };
  }
  const effect: OrderEffect | null = address === remembered ? null : { kind: 'remember-address', address };
  return noteStep({ ...state, address }, ctx, [], effect);
}

function onNote(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const note = noNoteWords.has(foldText(text)) ? '' : text.trim().slice(0, 500);
  return confirmStep({ ...state, note }, ctx);
}

function onConfirm(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const answer = parseYesNo(text);
  if (answer === 'yes') return place(state, ctx);
  if (answer === 'no') return finish([orderTexts(ctx.language).notPlaced], true);
  return relist(state, ctx);
}

const emptyState: Omit<OrderFlowState, 'updatedAt'> = {
  step: 'category',
  cart: [],
  category: null,
  choices: [],
  page: 0,
  hasMore: false,
  fulfilment: null,
  address: null,
  note: null,
};

/** Starts a new order, from the menu's "Fazer pedido". */
export function startOrderFlow(ctx: OrderFlowContext): OrderFlowResult {
  if (available(ctx).length === 0) return finish([orderTexts(ctx.language).nothingToOrder], true);
  return categoryStep({ ...emptyState, updatedAt: ctx.now }, ctx, 0);
}

/** One customer message while an order is under way. */
export function orderFlowStep(state: OrderFlowState, text: string, ctx: OrderFlowContext): OrderFlowResult {
  const t = orderTexts(ctx.language);
  if (isFlowTimedOut(state.updatedAt, ctx.now, ctx.timeoutMin)) return finish([t.timedOut], true);
  const folded = foldText(text);
  if (state.step !== 'confirm' && leaveWords.has(folded)) return finish([t.notPlaced], true);
  if (state.step !== 'address' && state.step !== 'note') {
    if (cartWords.has(folded)) return cartStep(state, ctx);
    if (checkoutWords.has(folded)) return checkout(state, ctx);
  }
  switch (state.step) {
    case 'category':
      return onCategory(state, text, ctx);
    case 'products':
      return onProducts(state, text, ctx);
    case 'cart':
      return onCart(state, text, ctx);
    case 'remove':
      return onRemove(state, text, ctx);
    case 'fulfilment':
      return onFulfilment(state, text, ctx);
    case 'address':
      return onAddress(state, text, ctx);
    case 'note':
      return onNote(state, text, ctx);
    case 'confirm':
      return onConfirm(state, text, ctx);
  }
}
