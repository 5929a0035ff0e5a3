// Placing an order from the shopper's cart, and the shopper's order lookup.
//
// No multi-document transaction: the writes are ordered so that a crash between any two loses
// nothing and duplicates nothing, because every one of them is idempotent under the ids derived
// from (customer, idempotency key), and a retry (the same form submitted again) redoes them all:
//   1. the customer, upserted by its e-mail-derived id: an orphan left by a crash is harmless;
//   2. the outbox entries (confirmation, and the purchase for cash on delivery), ids derived from
//      the order id: recorded before the order, so an order never exists without its effects.
//      The drainer tolerates an entry whose order does not exist yet, and a retry finds them;
//   3. the order, inserted once: a concurrent double submit loses on the unique index and reads
//      the winner's order;
//   4. the cart emptied and pointing at the order, last: until then a resubmit finds the order.
import { refuse, type Refusal } from '../platform/refusal';
import { emptyCart, loadCart, viewCart, writeCart, type PricedLine } from '../cart';
import { customerIdFor, normalizeEmail, upsertCheckoutCustomer } from '../customers';
import { isDuplicateKey } from '../platform/db';
import type { MarketCode } from '../../common/markets';
import { effectId, recordEffect } from '../outbox';
import type { Order } from '../orders';
import type { Runtime } from '../platform/runtime';
import { buildOrder, orderIdFor, unconfirmedPriceChanges } from './checkout';
import type { CheckoutInput } from './checkout.schema';
import { toShopperOrderView, type ShopperOrderView } from './order-status';
import { bankAccountOf, findOrdersByNumber, findPlacedOrder, insertPlacedOrder } from '../orders';

export interface PlacedOrderRef {
  readonly orderId: string;
  readonly customerId: string;
  readonly number: string;
}

export type PlaceOrderResult = { readonly ok: true; readonly order: PlacedOrderRef; readonly created: boolean } | CheckoutRefusal;

/**
 * Why the order was not taken, with the lines at fault: `unavailable` (no longer sold),
 * `below_floor` (the current price would sell below the margin floor: an agent's override, a
 * price computed under older settings), `prices_changed` (the shopper must accept the new price).
 */
export type CheckoutRefusal =
  | (Refusal & { readonly reason: 'empty_cart' })
  | (Refusal & { readonly reason: 'unavailable' | 'below_floor' | 'prices_changed'; readonly lines: readonly PricedLine[] });

const ids = (lines: readonly PricedLine[]) => lines.map((l) => l.productId).join(', ');

function refuseLines(reason: 'unavailable' | 'below_floor' | 'prices_changed', lines: readonly PricedLine[]): CheckoutRefusal {
  const message = {
    unavailable: `cart: remove the products no longer available: ${ids(lines)}`,
    below_floor: `cart: remove the products that cannot be sold at their current price: ${ids(lines)}`,
    prices_changed: `acceptedPrices: prices changed since they were added; confirm the new prices of ${ids(lines)}`,
  }[reason];
  return { ...refuse('conflict', message), reason, lines };
}

const refOf = (order: Pick<Order, '_id' | 'customerId' | 'number'>): PlacedOrderRef => ({
  orderId: order._id,
  customerId: order.customerId,
  number: order.number,
});

/** A concurrent writer of the same id got there first: the document is there, which is the point. */
async function idempotently(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

export async function placeOrder(rt: Runtime, cartId: string, input: CheckoutInput, now = new Date()): Promise<PlaceOrderResult> {
  const customerId = customerIdFor(input.email);
  const orderId = orderIdFor(customerId, input.idempotencyKey);
  // Checked before the cart: the first of a double submit may have emptied it already.
  const existing = await findPlacedOrder(rt, customerId, orderId);
  if (existing) return { ok: true, order: refOf(existing), created: false };

  // Every price checked at its source again (a changed one goes back to the shopper to accept),
  // and against the floor: no order is taken that the purchase would refuse for its margin.
  const priced = await viewCart(rt, await loadCart(rt, cartId, input.market, now), now, { checkAtSource: true });
  if (priced.lines.length === 0) return { ...refuse('invalid', 'cart: the cart is empty'), reason: 'empty_cart' };
  const belowFloor = priced.lines.filter((l) => l.status === 'below_floor');
  if (belowFloor.length > 0) return refuseLines('below_floor', belowFloor);
  if (!priced.orderable)
    return refuseLines(
      'unavailable',
      priced.lines.filter((l) => l.status !== 'ok'),
    );
  const changed = unconfirmedPriceChanges(priced, input.acceptedPrices);
  if (changed.length > 0) return refuseLines('prices_changed', changed);

  const order = buildOrder({ input, cart: priced, customerId, now });
  const effect = { orderId: order._id, customerId };
  await idempotently(() =>
    upsertCheckoutCustomer(
      rt,
      {
        id: customerId,
        email: normalizeEmail(input.email),
        name: input.name,
        phone: input.phone,
        phoneAsTyped: input.phoneAsTyped,
        market: input.market,
      },
      now,
    ),
  );
  await idempotently(() =>
    recordEffect(rt, { id: effectId('order.confirmation', order._id), topic: 'order.confirmation', payload: effect }, now),
  );
  if (order.status === 'confirmed') {
    await idempotently(() =>
      recordEffect(rt, { id: effectId('order.purchase', order._id), topic: 'order.purchase', payload: effect }, now),
    );
  }
  const created = await insertPlacedOrder(rt, order);
  const placed = created ? order : await findPlacedOrder(rt, customerId, orderId);
  if (!placed) throw new Error(`order ${orderId} was refused as a duplicate but cannot be read`);
  await writeCart(rt.redis, cartId, { ...emptyCart(input.market, now), lastOrder: refOf(placed) }, rt.config.CART_TTL_MS);
  return { ok: true, order: refOf(placed), created };
}

/** The order this cart last became, for its confirmation page. */
export async function confirmedOrder(rt: Runtime, cartId: string | null, market: MarketCode): Promise<ShopperOrderView | null> {
  const last = cartId ? (await loadCart(rt, cartId, market)).lastOrder : null;
  const order = last ? await findPlacedOrder(rt, last.customerId, last.orderId) : null;
  return order ? toShopperOrderView(order, bankAccountOf(rt.config)) : null;
}

/**
 * The order with this number placed with this e-mail, or null: a wrong number and a wrong e-mail
 * look the same, so the answer never tells whether an e-mail has orders.
 */
export async function lookUpOrder(rt: Runtime, number: string, email: string): Promise<ShopperOrderView | null> {
  const matches = await findOrdersByNumber(rt, customerIdFor(email), number.trim().toUpperCase());
  const order = matches.find((o) => o.email === normalizeEmail(email));
  return order ? toShopperOrderView(order, bankAccountOf(rt.config)) : null;
}
