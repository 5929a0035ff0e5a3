// Test data for purchases: a product scraped from a marketplace's page (the simulator's, in
// tests) at the price its offer API quotes now, and an order of it placed through checkout as a
// shopper places it and moved on by the real actions: paid (an agent records the bank transfer)
// or confirmed (cash on delivery). Not imported by application code.
import type { Product } from '../catalog/product.schema';
import { placeShopperOrder, shopperForm } from '../checkout/checkout.fixture';
import type { MarketCode } from '../markets';
import { markPaid } from '../orders/order-actions.service';
import { originOf } from '../outbound';
import type { Order } from '../orders/order.schema';
import { findOrderById } from '../orders/order.store';
import { fetchOfferQuote } from '../pricing/marketplace-offer.client';
import type { Runtime } from '../runtime';
import { scrapeDeps, scrapedListing, scrapeProducts, type Listing } from '../scraping';

export interface PurchaseSeed {
  readonly market: MarketCode;
  readonly baseUrl: string;
  readonly sourceId: string;
  readonly quantity?: number;
  /**
   * Where the shopper lives, when not in the offer's market: a cross-market sale, at the price
   * the pricing computed for that market. @defaultValue the offer's market
   */
  readonly sellMarket?: MarketCode;
  /** `paid` (bank transfer, marked paid by an agent) or `confirmed` (cash on delivery). @defaultValue 'paid' */
  readonly status?: 'paid' | 'confirmed';
  /** When the page was scraped. @defaultValue now */
  readonly scrapedAt?: Date;
}

const bookkeeper = { id: 'agent_bookkeeper', email: 'bookkeeper@example.com', role: 'agent' as const };

/** The marketplace's product page scraped (at `scrapedAt`, now by default) at the price its offer API quotes now. */
export async function seedOfferedProduct(rt: Runtime, seed: Omit<PurchaseSeed, 'quantity' | 'status'>): Promise<{ product: Product; listing: Listing }> {
  const { quote } = await fetchOfferQuote(seed.baseUrl, seed.sourceId, AbortSignal.timeout(5_000), { privateOrigins: new Set([originOf(seed.baseUrl)]) });
  const listing = scrapedListing({
    market: seed.market,
    site: new URL(seed.baseUrl).host,
    sourceId: seed.sourceId,
    url: `${seed.baseUrl}/dp/${seed.sourceId}`,
    title: `Item ${seed.sourceId}`,
    priceCents: quote.priceCents,
    shippingCents: quote.shippingCents,
    availability: quote.availability,
    seller: null,
  });
  const [product] = await scrapeProducts(scrapeDeps(rt), [listing], seed.scrapedAt);
  if (!product) throw new Error(`offer ${seed.sourceId} was not scraped`);
  return { product, listing };
}

/** That product, and an order of it placed through checkout and paid (or confirmed). */
export async function seedProductAndOrder(rt: Runtime, seed: PurchaseSeed): Promise<{ product: Product; listing: Listing; order: Order }> {
  const { product, listing } = await seedOfferedProduct(rt, seed);
  const status = seed.status ?? 'paid';
  const sellMarket = seed.sellMarket ?? seed.market;
  const form = shopperForm(sellMarket, { paymentMethod: status === 'confirmed' ? 'cash_on_delivery' : 'bank_transfer' });
  const placed = await placeShopperOrder(rt, sellMarket, [[product, seed.quantity ?? 1]], form);
  if (status === 'paid') {
    const paid = await markPaid(rt, { orderId: placed._id, reason: 'bank transfer received' }, bookkeeper);
    if (!paid.ok) throw new Error(`order ${placed._id} could not be marked paid: ${paid.message}`);
  }
  const order = await findOrderById(rt.collections.orders, placed._id);
  return { product, listing, order: order! };
}
