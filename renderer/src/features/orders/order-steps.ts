/** Which column an order sits in on the board, and the one step that moves it along. */
import type { Order, OrderStatus } from '../../../../shared/orders/order-schemas';

export type Column = 'new' | 'accepted' | 'ready' | 'handover' | 'done' | 'cancelled';
export const columns: Column[] = ['new', 'accepted', 'ready', 'handover', 'done', 'cancelled'];

export function columnOf(status: OrderStatus): Column {
  return status === 'out-for-delivery' || status === 'ready-for-pickup' ? 'handover' : status;
}

/** The step that moves an order along, or null when it is finished. */
export function nextStatus(order: Pick<Order, 'status' | 'fulfilment'>): Exclude<OrderStatus, 'new'> | null {
  switch (order.status) {
    case 'new':
      return 'accepted';
    case 'accepted':
      return 'ready';
    case 'ready':
      return order.fulfilment === 'delivery' ? 'out-for-delivery' : 'ready-for-pickup';
    case 'out-for-delivery':
    case 'ready-for-pickup':
      return 'done';
    default:
      return null;
  }
}
