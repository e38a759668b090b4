/**
 * The staff side of orders: the catalogue (with CSV import and export), order settings, the board
 * of a day with its totals, and moving orders along. Each status change can tell the customer with
 * that status's template, only while their window is open; asking after it closed changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { JanelaError } from '../../../shared/contract';
import { exportCatalogueCsv, importCatalogueCsv } from '../../../shared/orders/catalogue-csv';
import { orderSettingsSchema, type Order, type Product } from '../../../shared/orders/order-schemas';
import { orderStatusTemplates, type OrderStatusTemplates } from '../../../shared/orders/order-status-templates';
import type { OrderBoardEntry } from '../../../shared/orders/order-board-view';
import { foldText } from '../../../shared/bookings/fold-text';
import { buildTemplateContext } from '../../../shared/templates/template-context';
import { renderTemplate } from '../../../shared/templates/render-template';
import type { ChatId } from '../../../shared/domain';
import type { Clock } from '../clock';
import { toChatSummary } from '../profiles/profiles';
import type { Handlers } from '../router';
import { assertMaySend } from '../sending/send-guard';
import type { JanelaStore, StoredMessage } from '../store/store-types';
import { windowOpenUntil } from '../bookings/bookings-handlers';
import { changeOrderStatus, dailyTotals } from './order-book';
import { dayKeyOf } from '../../../shared/time/shop-time';

export interface OrdersHandlersDeps {
  store: JanelaStore;
  clock: Clock;
  send: (chatId: ChatId, text: string) => StoredMessage;
  onOrdersChanged: () => void;
}

type OrderHandlerNames =
  | 'getCatalogue'
  | 'saveProduct'
  | 'deleteProduct'
  | 'importCatalogue'
  | 'exportCatalogue'
  | 'updateOrderSettings'
  | 'saveOrderStatusTemplates'
  | 'getOrderBoard'
  | 'setOrderStatus';

const MAX_PRODUCTS = 1000;

function isOpen(order: Order): boolean {
  return order.status !== 'done' && order.status !== 'cancelled';
}

export function ordersHandlers(deps: OrdersHandlersDeps): Pick<Handlers, OrderHandlerNames> {
  const { store, clock } = deps;

  /** The shop's wording for each status, falling back to the default in the shop's language. */
  function templates(): OrderStatusTemplates {
    const defaults = orderStatusTemplates[store.data.settings.language];
    const own = store.data.orderStatusTemplates;
    return Object.fromEntries(
      Object.entries(defaults).map(([status, text]) => [status, own[status] ?? text]),
    ) as OrderStatusTemplates;
  }

  function setProducts(products: Product[]): Product[] {
    if (products.length > MAX_PRODUCTS) throw new JanelaError('invalid-input', 'too many products');
    store.update((data) => void (data.products = products));
    deps.onOrdersChanged();
    return products;
  }

  function entry(order: Order, now: number): OrderBoardEntry {
    const contact = store.data.contacts[order.chatId];
    const summary = contact ? toChatSummary(contact) : null;
    return {
      order,
      customerName: summary?.name ?? order.chatId.split('@')[0] ?? '',
      phone: summary?.phone ?? '',
      windowOpenUntil: windowOpenUntil(contact?.lastInboundAt ?? null, now),
    };
  }

  /** The status's template, filled for this customer; null when that status has none. */
  function statusMessage(order: Order): string | null {
    if (order.status === 'new') return null;
    const { settings } = store.data;
    const contact = store.data.contacts[order.chatId];
    if (!contact) return null;
    const template = templates()[order.status];
    const rendered = renderTemplate(template, buildTemplateContext(toChatSummary(contact), settings, clock.now()));
    const number = settings.language === 'en' ? `Order #${order.id}: ` : `Pedido #${order.id}: `;
    return rendered.complete ? `${number}${rendered.text}` : null;
  }

  return {
    getCatalogue: () => ({ products: store.data.products, settings: store.data.orderSettings, templates: templates() }),
    saveOrderStatusTemplates: (next) => {
      // Only wording that differs from the default is kept, so the defaults follow the shop's language.
      const defaults: Record<string, string> = orderStatusTemplates[store.data.settings.language];
      const own = Object.fromEntries(Object.entries(next).filter(([status, text]) => text !== defaults[status]));
      store.update((data) => void (data.orderStatusTemplates = own));
      deps.onOrdersChanged();
      return templates();
    },
    saveProduct: (product) => {
      const exists = store.data.products.some((candidate) => candidate.id === product.id);
      return setProducts(
        exists
          ? store.data.products.map((candidate) => (candidate.id === product.id ? product : candidate))
          : [...store.data.products, product],
      );
    },
    deleteProduct: ({ id }) => setProducts(store.data.products.filter((product) => product.id !== id)),
    importCatalogue: ({ csv }) => {
      const imported = importCatalogueCsv(csv, store.data.settings.language);
      if (!imported.ok) return { products: store.data.products, errors: imported.errors };
      // A product of the same name is updated in place (its id kept, so carts and orders still
      // point at it); new names are added.
      const byName = new Map(store.data.products.map((product) => [foldText(product.name), product]));
      const products = [...store.data.products];
      for (const draft of imported.products) {
        const existing = byName.get(foldText(draft.name));
        if (existing) products[products.indexOf(existing)] = { ...draft, id: existing.id };
        else products.push({ ...draft, id: `p-${randomUUID()}` });
      }
      return { products: setProducts(products), errors: [] };
    },
    exportCatalogue: () => ({ csv: exportCatalogueCsv(store.data.products, store.data.settings.language) }),
    updateOrderSettings: (patch) => {
      const parsed = orderSettingsSchema.safeParse({ ...store.data.orderSettings, ...patch });
      if (!parsed.success) throw new JanelaError('invalid-input', 'offer delivery, pickup or both');
      store.update((data) => void (data.orderSettings = parsed.data));
      deps.onOrdersChanged();
      return parsed.data;
    },
    getOrderBoard: ({ date }) => {
      const now = clock.now();
      const { timeZone } = store.data.settings;
      const entries = store.data.orders
        .filter((order) => dayKeyOf(order.createdAt, timeZone) === date || (isOpen(order) && order.createdAt < now))
        .filter((order) => dayKeyOf(order.createdAt, timeZone) <= date)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((order) => entry(order, now));
      return { entries, totals: dailyTotals(store.data.orders, date, timeZone) };
    },
    setOrderStatus: ({ id, status, notify }) => {
      const current = store.data.orders.find((order) => order.id === id);
      if (!current) throw new JanelaError('not-found', 'no order with that id');
      if (notify) assertMaySend(store.data.contacts[current.chatId], 'check', clock.now());
      const changed = changeOrderStatus(store, id, status, clock.now());
      if (!changed) throw new JanelaError('not-found', 'no order with that id');
      deps.onOrdersChanged();
      const text = notify ? statusMessage(changed) : null;
      if (text === null) return { told: false };
      try {
        deps.send(changed.chatId, text);
        return { told: true };
      } catch {
        return { told: false };
      }
    },
  };
}
