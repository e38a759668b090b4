import { describe, expect, it } from 'vitest';
import { columnOf, nextStatus } from '../../../../../../renderer/src/features/orders/order-steps';
import type { OrderStatus } from '../../../../../../shared/orders/order-schemas';

describe('moving an order along the board', () => {
  it.each<[OrderStatus, 'delivery' | 'pickup', OrderStatus | null]>([
    ['new', 'pickup', 'accepted'],
    ['accepted', 'pickup', 'ready'],
    ['ready', 'pickup', 'ready-for-pickup'],
    ['ready', 'delivery', 'out-for-delivery'],
    ['ready-for-pickup', 'pickup', 'done'],
    ['out-for-delivery', 'delivery', 'done'],
    ['done', 'delivery', null],
    ['cancelled', 'pickup', null],
  ])('%s (%s) → %s', (status, fulfilment, next) => {
    expect(nextStatus({ status, fulfilment })).toBe(next);
  });

  it('puts out-for-delivery and ready-for-pickup in one column', () => {
    expect(columnOf('out-for-delivery')).toBe('handover');
    expect(columnOf('ready-for-pickup')).toBe('handover');
    expect(columnOf('accepted')).toBe('accepted');
  });
});
