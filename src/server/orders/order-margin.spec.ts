import { describe, expect, it } from 'vitest';
import { DEFAULT_MARGIN_RULES, tradeMargin } from '../pricing';
import type { Offer } from '../catalog';
import { orderMargin } from './order-margin';
import type { Order, SupplierPurchase } from './order.schema';

const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' as const });
const at = new Date('2026-12-07T10:00:00Z');
const offer = (priceCents: number, shippingCents: number | null, availability: Offer['availability'] = 'in_stock'): Offer => ({
  site: 'shop',
  sourceId: 'X1',
  url: 'https://shop.example/x1',
  price: eur(priceCents),
  shipping: shippingCents === null ? null : eur(shippingCents),
  availability,
  seller: null,
  lastScrapedAt: at,
  lastRefreshedAt: null,
});
const line = { lineId: 'l1', productId: 'p1', title: 'Moka pot', quantity: 2, unitPrice: eur(2990), total: eur(5980) };
const purchase = (change: Partial<SupplierPurchase>): SupplierPurchase => ({
  lineId: 'l1',
  market: 'it',
  sourceId: 'X1',
  expectedUnitPrice: eur(1800),
  idempotencyKey: 'k',
  supplierOrderId: null,
  cost: null,
  status: 'pending',
  trackingNumber: null,
  carrier: null,
  failureReason: null,
  updatedAt: at,
  ...change,
});
const order = (change: Partial<Pick<Order, 'purchases' | 'refunds'>> = {}) => ({
  market: 'de' as const,
  lines: [line],
  purchases: [],
  refunds: [],
  ...change,
});
const rules = DEFAULT_MARGIN_RULES;
const offers = { it: offer(1800, 490), fr: offer(1700, 0, 'out_of_stock') };

describe('orderMargin', () => {
  it('estimates an unbought line from the offer the purchaser would buy, by the margin engine', () => {
    const margin = orderMargin(order(), () => offers, rules);
    const expected = tradeMargin(
      { buyMarket: 'it', sellMarket: 'de', unitCostCents: 1800, shippingCents: 490, quantity: 2, sellGrossCents: 5980 },
      rules,
    );
    expect(margin.lines).toEqual([{ lineId: 'l1', basis: 'current-offer', trade: expected }]);
    expect(margin.totalCents).toBe(expected.marginCents);
    expect(margin.estimated).toBe(true);
    // VAT (19 % in Germany), fees and the shipping abroad are all in it.
    expect(expected.vatCents).toBe(5980 - Math.floor((5980 * 10_000) / 11_900));
    expect(expected.shippingCents).toBeGreaterThan(490);
  });

  it("uses the purchase's price once placed, and the supplier's charge once known", () => {
    const placed = orderMargin(order({ purchases: [purchase({ market: 'it' })] }), () => offers, rules);
    expect(placed.lines[0]).toMatchObject({ basis: 'purchase-price', trade: { sourceCents: 3600, buyMarket: 'it' } });
    const charged = orderMargin(order({ purchases: [purchase({ status: 'accepted', cost: eur(4100) })] }), () => ({}), rules);
    expect(charged.lines[0]).toMatchObject({ basis: 'supplier-charge', trade: { sourceCents: 4100 } });
    expect(charged.estimated).toBe(false);
    // A failed purchase bought nothing: the line is estimated again.
    expect(orderMargin(order({ purchases: [purchase({ status: 'failed' })] }), () => offers, rules).lines[0]!.basis).toBe('current-offer');
  });

  it('takes refunds off at their amount net of VAT, and knows no total while a cost is unknown', () => {
    const refund = { refundId: 'r1', amount: eur(1190), reason: 'scratched', at, agentId: 'a1' };
    const before = orderMargin(order(), () => offers, rules);
    const after = orderMargin(order({ refunds: [refund] }), () => offers, rules);
    expect(after.refundsNetCents).toBe(1000);
    expect(after.totalCents).toBe(before.totalCents! - 1000);
    const unknown = orderMargin(order(), () => ({ it: offer(1800, 0, 'out_of_stock') }), rules);
    expect(unknown.lines[0]).toEqual({ lineId: 'l1', basis: 'unknown', trade: null });
    expect(unknown.totalCents).toBeNull();
  });
});
