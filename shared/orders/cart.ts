/** The cart: order lines and their totals, all in integer cents. */
import type { Fulfilment, OrderItem, OrderSettings, Product } from './order-schemas';
import { MAX_QUANTITY } from './quantity-input';

export type Cart = readonly OrderItem[];

/** Adding a product already in the cart raises its quantity, up to 99. */
export function addToCart(cart: Cart, product: Pick<Product, 'id' | 'name' | 'priceCents'>, quantity: number): Cart {
  const existing = cart.find((line) => line.productId === product.id);
  if (existing) {
    return cart.map((line) =>
      line === existing ? { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity + quantity) } : line,
    );
  }
  const line = { productId: product.id, name: product.name, unitPriceCents: product.priceCents, quantity };
  return [...cart, { ...line, quantity: Math.min(MAX_QUANTITY, quantity) }];
}

/** Removes a line (0-based), or only `quantity` units of it; a line left with none goes. */
export function removeFromCart(cart: Cart, lineIndex: number, quantity: number | null = null): Cart {
  return cart.flatMap((line, index) => {
    if (index !== lineIndex) return [line];
    if (quantity === null || quantity >= line.quantity) return [];
    return [{ ...line, quantity: line.quantity - quantity }];
  });
}

export function lineTotalCents(line: OrderItem): number {
  return line.unitPriceCents * line.quantity;
}

export function cartSubtotalCents(cart: Cart): number {
  return cart.reduce((sum, line) => sum + lineTotalCents(line), 0);
}

export interface OrderTotals {
  subtotalCents: number;
  deliveryFeeCents: number;
  totalCents: number;
}

export function orderTotals(cart: Cart, fulfilment: Fulfilment | null, settings: OrderSettings): OrderTotals {
  const subtotalCents = cartSubtotalCents(cart);
  const deliveryFeeCents = fulfilment === 'delivery' ? settings.deliveryFeeCents : 0;
  return { subtotalCents, deliveryFeeCents, totalCents: subtotalCents + deliveryFeeCents };
}

/** How much is missing to reach the minimum order (0 when reached), on the items before any fee. */
export function missingForMinimumCents(cart: Cart, settings: OrderSettings): number {
  return Math.max(0, settings.minimumOrderCents - cartSubtotalCents(cart));
}

export interface CartRefresh {
  cart: Cart;
  /** Names of lines dropped because the product was removed or is no longer available. */
  dropped: string[];
  /** Names of lines whose price changed in the catalogue. */
  repriced: string[];
}

/**
 * Brings the cart in line with the catalogue before the customer confirms, so the summary they say
 * yes to is the order the shop will make.
 */
export function refreshCart(cart: Cart, products: readonly Product[]): CartRefresh {
  const dropped: string[] = [];
  const repriced: string[] = [];
  const refreshed = cart.flatMap((line) => {
    const product = products.find((candidate) => candidate.id === line.productId);
    if (!product || !product.available) {
      dropped.push(line.name);
      return [];
    }
    if (product.priceCents === line.unitPriceCents && product.name === line.name) return [line];
    if (product.priceCents !== line.unitPriceCents) repriced.push(product.name);
    return [{ ...line, name: product.name, unitPriceCents: product.priceCents }];
  });
  return { cart: refreshed, dropped, repriced };
}
