/** Orders over the store: numbering, writing and moving them along, and the day's totals. */
import type { ChatId } from '../../../shared/domain';
import type { NewOrder, Order, OrderStatus } from '../../../shared/orders/order-schemas';
import type { JanelaStore } from '../store/store-types';
import { dayKeyOf } from '../../../shared/time/shop-time';

/** The first order a shop takes is #1001: short enough to say on the phone, not "order 1". */
const FIRST_ORDER_NUMBER = 1001;

function nextOrderNumber(orders: readonly Order[]): number {
  let highest = FIRST_ORDER_NUMBER - 1;
  for (const order of orders) {
    const number = Number(order.id);
    if (Number.isSafeInteger(number) && number > highest) highest = number;
  }
  return highest + 1;
}

export function placeOrder(store: JanelaStore, order: NewOrder): Order {
  const placed: Order = { ...order, id: String(nextOrderNumber(store.data.orders)) };
  store.update((data) => void data.orders.push(placed));
  return placed;
}

export function changeOrderStatus(store: JanelaStore, id: string, status: OrderStatus, now: number): Order | null {
  const current = store.data.orders.find((order) => order.id === id);
  if (!current) return null;
  const changed: Order = { ...current, status, statusChangedAt: now };
  store.update((data) => {
    data.orders = data.orders.map((order) => (order.id === id ? changed : order));
  });
  return changed;
}

export function rememberAddress(store: JanelaStore, chatId: ChatId, address: string): void {
  store.update((data) => {
    data.deliveryAddresses = { ...data.deliveryAddresses, [chatId]: address };
  });
}

export interface DailyTotals {
  /** The shop's local day, YYYY-MM-DD. */
  date: string;
  /** Orders placed that day and not cancelled. */
  count: number;
  totalCents: number;
  deliveryCount: number;
  pickupCount: number;
  cancelledCount: number;
}

/** The day's figures, counted by when orders were placed, in the shop's zone. */
export function dailyTotals(orders: readonly Order[], date: string, timeZone: string): DailyTotals {
  const totals: DailyTotals = { date, count: 0, totalCents: 0, deliveryCount: 0, pickupCount: 0, cancelledCount: 0 };
  for (const order of orders) {
    if (dayKeyOf(order.createdAt, timeZone) !== date) continue;
    if (order.status === 'cancelled') {
      totals.cancelledCount++;
      continue;
    }
    totals.count++;
    totals.totalCents += order.totalCents;
    if (order.fulfilment === 'delivery') totals.deliveryCount++;
    else totals.pickupCount++;
  }
  return totals;
}
