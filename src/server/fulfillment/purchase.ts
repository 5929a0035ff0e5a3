// The purchase rules, free of I/O: which key a line's supplier order is placed under, which
// purchase of a line counts, and what the supplier's news about its orders makes of the order.
import { MarketCode } from '../../common/markets';
import type { Actor, Order, OrderStatus, SupplierPurchase, TimelineEntry } from '../orders';
import { transition } from '../orders';
import type { SupplierOrder } from './supplier.client';

export const SYSTEM: Actor = { kind: 'system', id: null };

/** Orders the purchase job starts buying; `purchasing` is one it resumes (a worker died, an agent retried). */
export const BUYABLE_STATUSES: readonly OrderStatus[] = ['paid', 'confirmed'];

/**
 * The idempotency key of a line's supplier order: the order line, and how many of its purchases
 * failed before, so a retried job repeats the same key while a purchase after a refusal gets a
 * new one (the supplier would replay the refusal under the old key).
 */
export function purchaseKey(orderId: string, lineId: string, failedBefore: number): string {
  return `${orderId}-${lineId}-${failedBefore + 1}`;
}

/** The line's purchase that is not failed: the one under way or done. */
export function activePurchase(order: Pick<Order, 'purchases'>, lineId: string): SupplierPurchase | undefined {
  return order.purchases.find((p) => p.lineId === lineId && p.status !== 'failed');
}

export function failedPurchases(order: Pick<Order, 'purchases'>, lineId: string): number {
  return order.purchases.filter((p) => p.lineId === lineId && p.status === 'failed').length;
}

/** The shopper's country as a market code: where shipping goes and which VAT applies. */
export function shipToMarket(order: Pick<Order, 'shippingAddress'>): MarketCode {
  return MarketCode.parse(order.shippingAddress.country.toLowerCase());
}

/** A purchase as the supplier now reports it. */
export function withSupplierNews(purchase: SupplierPurchase, news: SupplierOrder, at: Date): SupplierPurchase {
  return {
    ...purchase,
    status: news.status,
    trackingNumber: news.tracking?.number ?? purchase.trackingNumber,
    carrier: news.tracking?.carrier ?? purchase.carrier,
    failureReason: news.status === 'failed' ? (news.failureReason ?? 'failed') : purchase.failureReason,
    updatedAt: news.status === purchase.status && news.tracking?.number === purchase.trackingNumber ? purchase.updatedAt : at,
  };
}

/**
 * The status changes the purchases' news calls for, in order (a poll that comes late may see a
 * parcel shipped and delivered at once): shipped once every parcel is on its way, delivered
 * once every one arrived, needs_attention when a supplier cancelled one.
 */
export function trackingTransitions(status: OrderStatus, purchases: readonly SupplierPurchase[], at: Date): TimelineEntry[] {
  // Each line's latest purchase: earlier ones failed and were replaced.
  const latest = new Map(purchases.map((p) => [p.lineId, p]));
  const active = [...latest.values()];
  if (active.length === 0 || active.some((p) => p.supplierOrderId === null)) return [];
  const entries: TimelineEntry[] = [];
  let current = status;
  const move = (to: OrderStatus, reason: string) => {
    entries.push(transition(current, { to, actor: SYSTEM, reason, at }));
    current = to;
  };
  const cancelled = active.find((p) => p.status === 'failed');
  if (cancelled) {
    move(
      'needs_attention',
      `line ${cancelled.lineId}: the ${cancelled.market} supplier cancelled order ${cancelled.supplierOrderId} (${cancelled.failureReason ?? 'no reason given'})`,
    );
    return entries;
  }
  const tracking = active.map((p) => `${p.carrier ?? 'carrier'} ${p.trackingNumber ?? '?'}`).join(', ');
  if (current === 'purchased' && active.every((p) => p.status === 'shipped' || p.status === 'delivered'))
    move('shipped', `shipped by the supplier: ${tracking}`);
  if (current === 'shipped' && active.every((p) => p.status === 'delivered')) move('delivered', `delivered: ${tracking}`);
  return entries;
}
