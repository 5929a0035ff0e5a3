// The supplier order book without HTTP: idempotency by key and body, status as a function of the
// time, refusals when placed, cancellations in processing, tracking numbers per carrier.
import { describe, expect, it } from 'vitest';
import type { OfferState } from './offer-drift';
import { PlaceOrderRequest, SupplierOrderBook, type OrderTimeline } from './supplier-orders';

const TIMELINE: OrderTimeline = { shippedAfterMs: 60_000, deliveredAfterMs: 300_000, failureShare: 0 };
const OFFER: OfferState = {
  priceCents: 2_499,
  listPriceCents: null,
  shippingCents: 399,
  stockQuantity: 10,
  availability: 'in_stock',
  updatedAtMs: 0,
};
const T0 = Date.UTC(2025, 5, 1);
const request = (over: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest =>
  PlaceOrderRequest.parse({ sourceId: 'B0ABCDEF12', quantity: 2, shipTo: { country: 'IT' }, ...over });

describe('SupplierOrderBook', () => {
  it('creates an order once per key and replays it for the same body', () => {
    const book = new SupplierOrderBook('it', 1, TIMELINE);
    const first = book.place('key-1', request(), OFFER, T0);
    expect(first.kind).toBe('created');
    if (first.kind !== 'created') return;
    expect(first.reservedQuantity).toBe(2);
    expect(first.order).toMatchObject({
      status: 'accepted',
      quantity: 2,
      unitPriceCents: 2_499,
      shippingCents: 399,
      totalCents: 5_397,
      currency: 'EUR',
    });
    // Same body with its keys in another order is the same request.
    const again = book.place(
      'key-1',
      PlaceOrderRequest.parse({ shipTo: { country: 'IT' }, quantity: 2, sourceId: 'B0ABCDEF12' }),
      OFFER,
      T0 + 1,
    );
    expect(again).toMatchObject({ kind: 'replayed', order: { id: first.order.id } });
    expect(book.place('key-1', request({ quantity: 3 }), OFFER, T0 + 2)).toEqual({ kind: 'key-reused', orderId: first.order.id });
    expect(book.place('key-2', request(), OFFER, T0 + 3)).toMatchObject({ kind: 'created' });
    expect(book.size).toBe(2);
  });

  it('moves from accepted to shipped (with tracking) to delivered as time passes', () => {
    const book = new SupplierOrderBook('de', 1, TIMELINE);
    const placed = book.place('k', request(), OFFER, T0);
    const id = placed.kind === 'created' ? placed.order.id : '';
    expect(book.get(id, T0 + 59_999)).toMatchObject({ status: 'accepted', tracking: null });
    const shipped = book.get(id, T0 + 60_000);
    expect(shipped?.status).toBe('shipped');
    expect(shipped?.tracking).toEqual({ carrier: 'DHL', number: expect.stringMatching(/^00340434\d{12}$/) });
    const delivered = book.get(id, T0 + 300_000);
    expect(delivered).toMatchObject({ status: 'delivered', tracking: shipped?.tracking, updatedAt: new Date(T0 + 300_000).toISOString() });
    expect(delivered?.history.map((h) => h.status)).toEqual(['accepted', 'shipped', 'delivered']);
    expect(book.get('SO-DE-9999999', T0)).toBeNull();
  });

  it('refuses an order when the price changed or the stock is short, taking no stock', () => {
    const book = new SupplierOrderBook('fr', 1, TIMELINE);
    const changed = book.place('a', request({ expectedPriceCents: 2_399 }), OFFER, T0);
    expect(changed).toMatchObject({ kind: 'created', reservedQuantity: 0, order: { status: 'failed', failureReason: 'price_changed' } });
    const short = book.place('b', request({ quantity: 11 }), OFFER, T0);
    expect(short).toMatchObject({ kind: 'created', reservedQuantity: 0, order: { status: 'failed', failureReason: 'out_of_stock' } });
    if (short.kind === 'created') expect(book.get(short.order.id, T0 + 1e9)?.status).toBe('failed');
    expect(book.place('c', request({ expectedPriceCents: 2_499 }), OFFER, T0)).toMatchObject({ order: { status: 'accepted' } });
  });

  it('cancels a seeded share of accepted orders before they ship', () => {
    const book = new SupplierOrderBook('es', 7, { ...TIMELINE, failureShare: 0.3 });
    const ids = Array.from({ length: 400 }, (_, i) => {
      const placed = book.place(`k${i}`, request({ quantity: 1 }), { ...OFFER, stockQuantity: 1_000 }, T0);
      return placed.kind === 'created' ? placed.order.id : '';
    });
    const later = ids.map((id) => book.get(id, T0 + 300_000));
    const cancelled = later.filter((o) => o?.status === 'failed');
    expect(Math.abs(cancelled.length / ids.length - 0.3)).toBeLessThan(0.06);
    for (const order of cancelled) {
      expect(order?.failureReason).toBe('out_of_stock');
      expect(order?.history.map((h) => h.status)).toEqual(['accepted', 'failed']);
      expect(order?.tracking).toBeNull();
    }
    expect(later.filter((o) => o?.status === 'delivered').length + cancelled.length).toBe(ids.length);
    // The same seed cancels the same orders.
    const again = new SupplierOrderBook('es', 7, { ...TIMELINE, failureShare: 0.3 });
    const againStatuses = ids.map((_, i) => {
      const placed = again.place(`k${i}`, request({ quantity: 1 }), { ...OFFER, stockQuantity: 1_000 }, T0);
      return placed.kind === 'created' ? again.get(placed.order.id, T0 + 300_000)?.status : null;
    });
    expect(againStatuses).toEqual(later.map((o) => o?.status));
  });

  it('validates what a client sends', () => {
    expect(PlaceOrderRequest.safeParse({ sourceId: 'B0ABCDEF12', quantity: 0, shipTo: { country: 'IT' } }).error?.issues[0]?.path).toEqual([
      'quantity',
    ]);
    expect(PlaceOrderRequest.safeParse({ sourceId: 'B0ABCDEF12', quantity: 1, shipTo: { country: 'UK' } }).error?.issues[0]?.path).toEqual([
      'shipTo',
      'country',
    ]);
    expect(PlaceOrderRequest.safeParse({ sourceId: 'x', quantity: 1, shipTo: { country: 'IT' } }).error?.issues[0]?.path).toEqual([
      'sourceId',
    ]);
    expect(
      PlaceOrderRequest.safeParse({ sourceId: 'B0ABCDEF12', quantity: 1, expectedPriceCents: 1.5, shipTo: { country: 'IT' } }).success,
    ).toBe(false);
  });
});
