// Pure checkout rules: the order's id and number derived from (customer, idempotency key), the
// price re-validation against what the shopper confirmed, and the order document itself.
import { createHash } from 'node:crypto';
import type { PricedCart, PricedLine } from '../cart';
import { MARKETS } from '../../common/markets';
import type { Order, OrderStatus } from '../orders';
import type { CheckoutInput } from './checkout.schema';
import { MARKET_COUNTRY } from '../orders';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The same customer submitting the same form (same key) names the same order, so a retried or
 * doubled submit finds it instead of making a second; the unique index on (customerId,
 * idempotencyKey) backs this up in the database.
 */
export function orderIdFor(customerId: string, idempotencyKey: string): string {
  return `o-${sha256(`${customerId}:${idempotencyKey}`).slice(0, 32)}`;
}

/** Shown to the shopper; derived from the id so a retried insert writes the same document. */
export function orderNumberFor(orderId: string): string {
  return `DS-${sha256(`number:${orderId}`).slice(0, 10).toUpperCase()}`;
}

export function initialStatus(paymentMethod: CheckoutInput['paymentMethod']): OrderStatus {
  // Cash on delivery: nothing to wait for; the money comes with the parcel.
  return paymentMethod === 'cash_on_delivery' ? 'confirmed' : 'awaiting_payment';
}

/** Lines whose price changed since they were added and whose new price the shopper did not confirm. */
export function unconfirmedPriceChanges(cart: PricedCart, accepted: Readonly<Record<string, number>>): PricedLine[] {
  return cart.priceChanges.filter((line) => accepted[line.productId] !== line.unitCents);
}

export interface NewOrder {
  readonly input: CheckoutInput;
  readonly cart: PricedCart;
  readonly customerId: string;
  readonly now: Date;
}

/** The order of an orderable cart at today's prices; its total is the sum of its lines. */
export function buildOrder({ input, cart, customerId, now }: NewOrder): Order {
  const currency = MARKETS[cart.market].currency;
  const lines = cart.lines.map((line, i) => ({
    lineId: `l${i + 1}`,
    productId: line.productId,
    title: line.title,
    quantity: line.quantity,
    unitPrice: { amountCents: line.unitCents, currency },
    total: { amountCents: line.unitCents * line.quantity, currency },
  }));
  const status = initialStatus(input.paymentMethod);
  const _id = orderIdFor(customerId, input.idempotencyKey);
  return {
    _id,
    number: orderNumberFor(_id),
    customerId,
    email: input.email.toLowerCase(),
    market: cart.market,
    status,
    lines,
    total: { amountCents: lines.reduce((sum, l) => sum + l.total.amountCents, 0), currency },
    shippingAddress: {
      name: input.name,
      line1: input.line1,
      line2: input.line2 === '' ? null : input.line2,
      postalCode: input.postalCode,
      city: input.city,
      country: MARKET_COUNTRY[cart.market],
      phone: input.phone,
      phoneAsTyped: input.phoneAsTyped,
    },
    paymentMethod: input.paymentMethod,
    idempotencyKey: input.idempotencyKey,
    timeline: [{ kind: 'status', at: now, from: null, to: status, actor: { kind: 'shopper', id: customerId }, reason: 'order placed' }],
    purchases: [],
    refunds: [],
    createdAt: now,
    updatedAt: now,
  };
}
