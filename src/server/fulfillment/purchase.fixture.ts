// Test data for purchases: a catalog product whose offer is read from a marketplace's offer API
// (the simulator's, in tests), and a paid order of it, written through the stores as the
// scrapers and checkout do. Not imported by application code.
import type { Product } from '../catalog/product.schema';
import { upsertProduct } from '../catalog/product.store';
import { newId } from '../db/ids';
import type { MarketCode } from '../markets';
import type { Order, OrderStatus } from '../orders/order.schema';
import { insertOrder } from '../orders/order.store';
import { lineTotal, orderTotal } from '../orders/order-total';
import { computeSellPrices } from '../pricing/margin';
import { fetchOfferQuote } from '../pricing/marketplace-offer.client';
import { DEFAULT_MARGIN_RULES } from '../pricing/refresh.service';
import type { Runtime } from '../runtime';

export interface PurchaseSeed {
  readonly market: MarketCode;
  readonly baseUrl: string;
  readonly sourceId: string;
  readonly quantity?: number;
  /** What the shopper paid per unit, as a multiple of the source's price. @defaultValue 2 */
  readonly sellFactor?: number;
  readonly status?: OrderStatus;
  readonly now?: Date;
}

export async function seedProductAndOrder(rt: Runtime, seed: PurchaseSeed): Promise<{ product: Product; order: Order }> {
  const now = seed.now ?? new Date();
  const { quote } = await fetchOfferQuote(seed.baseUrl, seed.sourceId, AbortSignal.timeout(5_000));
  const productId = `p_${newId()}`;
  const product: Product = {
    _id: productId,
    slug: `item-${productId.replace('_', '-')}`,
    gtin: null,
    title: `Item ${seed.sourceId}`,
    brand: null,
    category: 'other',
    images: [],
    attributes: {},
    searchTokens: [],
    offers: {
      [seed.market]: {
        site: `sim-${seed.market}`,
        sourceId: seed.sourceId,
        url: `${seed.baseUrl}/dp/${seed.sourceId}`,
        price: { amountCents: quote.priceCents, currency: 'EUR' },
        shipping: quote.shippingCents === null ? null : { amountCents: quote.shippingCents, currency: 'EUR' },
        availability: quote.availability,
        seller: null,
        lastScrapedAt: now,
        lastRefreshedAt: now,
      },
    },
    sellPrices: {},
    createdAt: now,
    updatedAt: now,
  };
  product.sellPrices = computeSellPrices(product.offers, DEFAULT_MARGIN_RULES, now);
  await upsertProduct(rt.collections.products, product);
  const quantity = seed.quantity ?? 1;
  const unitCents = Math.round(quote.priceCents * (seed.sellFactor ?? 2));
  const unitPrice = { amountCents: unitCents, currency: 'EUR' as const };
  const line = { lineId: 'l1', productId, title: product.title, quantity, unitPrice, total: lineTotal(unitPrice, quantity) };
  const customerId = `c_${newId()}`;
  const status = seed.status ?? 'paid';
  const order: Order = {
    _id: `o_${newId()}`,
    number: `DS-${newId(8).toUpperCase()}`,
    customerId,
    email: `shopper-${newId(6)}@example.com`,
    market: seed.market,
    status,
    lines: [line],
    total: orderTotal([line]),
    shippingAddress: { name: 'Giulia Rossi', line1: 'Via Roma 1', line2: null, postalCode: '00100', city: 'Roma', country: seed.market.toUpperCase() as Order['shippingAddress']['country'], phone: null },
    paymentMethod: status === 'confirmed' ? 'cash_on_delivery' : 'bank_transfer',
    idempotencyKey: newId(),
    timeline: [{ kind: 'status', at: now, from: null, to: status, actor: { kind: 'shopper', id: customerId }, reason: 'order placed' }],
    purchases: [],
    refunds: [],
    createdAt: now,
    updatedAt: now,
  };
  await insertOrder(rt.collections.orders, order);
  return { product, order };
}
