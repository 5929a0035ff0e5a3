import { describe, expect, it } from 'vitest';
import type { SupplierPurchase } from '../orders';
import { activePurchase, failedPurchases, purchaseKey, trackingTransitions, withSupplierNews } from './purchase';

const at = new Date('2026-11-25T10:00:00Z');
const purchase = (lineId: string, status: SupplierPurchase['status'], extra: Partial<SupplierPurchase> = {}): SupplierPurchase => ({
  lineId,
  market: 'it',
  sourceId: 'B0TEST0001',
  expectedUnitPrice: { amountCents: 1000, currency: 'EUR' },
  idempotencyKey: `o_1-${lineId}-1`,
  supplierOrderId: 'SO-IT-0000001',
  cost: { amountCents: 1000, currency: 'EUR' },
  status,
  trackingNumber: status === 'shipped' || status === 'delivered' ? '123456789012345' : null,
  carrier: status === 'shipped' || status === 'delivered' ? 'BRT' : null,
  failureReason: null,
  updatedAt: at,
  ...extra,
});

describe('purchase keys', () => {
  it('derives the key from the line and the failures before it', () => {
    expect(purchaseKey('o_abc', 'l1', 0)).toBe('o_abc-l1-1');
    expect(purchaseKey('o_abc', 'l1', 2)).toBe('o_abc-l1-3');
  });

  it('counts a line’s failed purchases and finds the one that counts', () => {
    const order = {
      purchases: [purchase('l1', 'failed'), purchase('l1', 'accepted', { idempotencyKey: 'o_1-l1-2' }), purchase('l2', 'pending')],
    };
    expect(failedPurchases(order, 'l1')).toBe(1);
    expect(activePurchase(order, 'l1')?.idempotencyKey).toBe('o_1-l1-2');
    expect(activePurchase(order, 'l3')).toBeUndefined();
  });
});

describe('what the suppliers’ news makes of an order', () => {
  const later = new Date(at.getTime() + 60_000);

  it('ships the order once every parcel is on its way, with the tracking numbers', () => {
    expect(trackingTransitions('purchased', [purchase('l1', 'shipped'), purchase('l2', 'accepted')], later)).toEqual([]);
    expect(trackingTransitions('purchased', [purchase('l1', 'shipped'), purchase('l2', 'delivered')], later)).toEqual([
      {
        kind: 'status',
        at: later,
        from: 'purchased',
        to: 'shipped',
        actor: { kind: 'system', id: null },
        reason: 'shipped by the supplier: BRT 123456789012345, BRT 123456789012345',
      },
    ]);
  });

  it('ships and delivers at once when the poll comes late', () => {
    expect(trackingTransitions('purchased', [purchase('l1', 'delivered')], later).map((e) => `${e.from}→${e.to}`)).toEqual([
      'purchased→shipped',
      'shipped→delivered',
    ]);
    expect(trackingTransitions('shipped', [purchase('l1', 'delivered')], later).map((e) => `${e.from}→${e.to}`)).toEqual([
      'shipped→delivered',
    ]);
  });

  it('needs attention when a supplier cancels a parcel; earlier failed purchases of a line do not count', () => {
    expect(trackingTransitions('purchased', [purchase('l1', 'failed', { failureReason: 'out_of_stock' })], later)).toMatchObject([
      { to: 'needs_attention', reason: 'line l1: the it supplier cancelled order SO-IT-0000001 (out_of_stock)' },
    ]);
    expect(trackingTransitions('purchased', [purchase('l1', 'failed'), purchase('l1', 'shipped')], later)).toMatchObject([
      { to: 'shipped' },
    ]);
  });

  it('keeps a purchase’s time when the news is no news', () => {
    const shipped = purchase('l1', 'shipped');
    const news = {
      id: 'SO-IT-0000001',
      status: 'shipped' as const,
      totalCents: 1000,
      failureReason: null,
      tracking: { carrier: 'BRT', number: '123456789012345' },
    };
    expect(withSupplierNews(shipped, news, later)).toEqual(shipped);
    expect(withSupplierNews(shipped, { ...news, status: 'delivered' }, later)).toEqual({
      ...shipped,
      status: 'delivered',
      updatedAt: later,
    });
  });
});
