import { describe, expect, it } from 'vitest';
import {
  addToCart,
  cartSubtotalCents,
  missingForMinimumCents,
  orderTotals,
  refreshCart,
  removeFromCart,
} from '../../../../shared/orders/cart';
import { DEFAULT_ORDER_SETTINGS, type Product } from '../../../../shared/orders/order-schemas';

const pao: Product = { id: 'pao', name: 'Pão de queijo', priceCents: 550, available: true };
const bolo: Product = { id: 'bolo', name: 'Bolo de cenoura', priceCents: 4590, available: true };
const settings = { ...DEFAULT_ORDER_SETTINGS, delivery: true, deliveryFeeCents: 700, minimumOrderCents: 2000 };

describe('the cart', () => {
  it('adds, merges and removes lines in whole cents', () => {
    let cart = addToCart([], pao, 2);
    cart = addToCart(cart, bolo, 1);
    cart = addToCart(cart, pao, 1);
    expect(cart.map((line) => [line.name, line.quantity])).toEqual([
      ['Pão de queijo', 3],
      ['Bolo de cenoura', 1],
    ]);
    expect(cartSubtotalCents(cart)).toBe(3 * 550 + 4590);
    expect(removeFromCart(cart, 0, 1)[0]?.quantity).toBe(2);
    expect(removeFromCart(cart, 0)).toHaveLength(1);
    expect(removeFromCart(cart, 5)).toEqual(cart);
    expect(addToCart(cart, pao, 200)[0]?.quantity).toBe(99);
  });

  it('never drifts like floats: 0.1 + 0.2 reais is 30 cents', () => {
    const cart = addToCart(
      addToCart([], { id: 'a', name: 'A', priceCents: 10 }, 1),
      { id: 'b', name: 'B', priceCents: 20 },
      1,
    );
    expect(cartSubtotalCents(cart)).toBe(30);
  });

  it('adds the delivery fee only for delivery, and checks the minimum before the fee', () => {
    const cart = addToCart([], pao, 3);
    expect(orderTotals(cart, 'delivery', settings)).toEqual({
      subtotalCents: 1650,
      deliveryFeeCents: 700,
      totalCents: 2350,
    });
    expect(orderTotals(cart, 'pickup', settings).totalCents).toBe(1650);
    expect(missingForMinimumCents(cart, settings)).toBe(350);
    expect(missingForMinimumCents(addToCart(cart, pao, 1), settings)).toBe(0);
  });

  it('follows the catalogue before confirming', () => {
    const cart = addToCart(addToCart([], pao, 1), bolo, 1);
    const refreshed = refreshCart(cart, [
      { ...pao, priceCents: 600 },
      { ...bolo, available: false },
    ]);
    expect(refreshed.dropped).toEqual(['Bolo de cenoura']);
    expect(refreshed.repriced).toEqual(['Pão de queijo']);
    expect(refreshed.cart).toEqual([{ productId: 'pao', name: 'Pão de queijo', unitPriceCents: 600, quantity: 1 }]);
  });
});
