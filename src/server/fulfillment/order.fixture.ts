// Test data for whatever starts with an order, made the way production makes it: a product
// scraped by the crawl's write path, an order of it placed through checkout with the form as a
// shopper types it, then moved to the status a test needs by the real actions: cash on delivery
// confirms it at once, an agent marks a bank transfer paid, and the purchase job and the tracking
// poll buy it from the marketplace simulator's supplier API and follow it there over HTTP, the
// simulator's clock moved on as far as shipping and delivery take. Not imported by application code.
import { placeShopperOrder, productForSale, shopperForm, type ProductForSale, type ShopperForm } from '../checkout/checkout.fixture';
import type { MarketCode } from '../../common/markets';
import { markPaid, findOrderById } from '../orders';
import type { Order, OrderStatus } from '../orders';
import { originOf } from '../platform/outbound';
import { fetchOfferQuote } from '../pricing';
import type { Runtime } from '../platform/runtime';
import { scrapeDeps, scrapedListing, scrapeProducts, type Listing } from '../scraping';
import { control, findProduct, type TestSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import type { RunningSimulator } from '../../../infra/marketplace-simulator/simulator';
import { pollTracking, purchaseOrder } from './purchase.service';

/** A product of the marketplace simulator's, to be scraped, sold and bought at its shop. */
export interface SimOffer {
  readonly simulator: TestSimulator;
  /** @defaultValue a product of the market that no earlier seed took, 50 in stock */
  readonly sourceId?: string;
  /** When the page was scraped. @defaultValue now */
  readonly scrapedAt?: Date;
}

/** Simulator products taken so far, by simulator: each seed gets its own, so a test may empty its stock alone. */
const lastTaken = new WeakMap<RunningSimulator, number>();

async function untakenProduct(sim: RunningSimulator, market: MarketCode): Promise<string> {
  const after = lastTaken.get(sim) ?? 0;
  const product = findProduct(sim, market, (p) => p.index > after && p.basePriceCents > 2_000 && p.basePriceCents < 50_000);
  lastTaken.set(sim, product.index);
  await control(sim, 'PATCH', `/markets/${market}/products/${product.sourceId}`, { stockQuantity: 50 });
  return product.sourceId;
}

/**
 * The offer's product page scraped at the price the simulator's offer API quotes now, with
 * `overrides` of other fields (a title); `overrides.market` is the shop's market (Italy by default).
 */
export async function seedOfferedProduct(rt: Runtime, offer: SimOffer, overrides: Partial<Listing> = {}): Promise<ProductForSale> {
  const sim = offer.simulator.sim();
  const market = overrides.market ?? 'it';
  const sourceId = offer.sourceId ?? (await untakenProduct(sim, market));
  const baseUrl = sim.urls[market];
  const { quote } = await fetchOfferQuote(baseUrl, sourceId, AbortSignal.timeout(5_000), { privateOrigins: new Set([originOf(baseUrl)]) });
  const listing = scrapedListing({
    site: new URL(baseUrl).host,
    sourceId,
    url: `${baseUrl}/dp/${sourceId}`,
    title: `Item ${sourceId}`,
    priceCents: quote.priceCents,
    shippingCents: quote.shippingCents,
    availability: quote.availability,
    seller: null,
    ...overrides,
    market,
  });
  const [product] = await scrapeProducts(scrapeDeps(rt), [listing], offer.scrapedAt);
  if (!product) throw new Error(`offer ${sourceId} was not scraped`);
  return { product, listing };
}

/** The statuses an order is moved to here; refunds and notes are the tests' own actions. */
export type SeedStatus = Extract<
  OrderStatus,
  'awaiting_payment' | 'confirmed' | 'paid' | 'purchased' | 'shipped' | 'delivered' | 'needs_attention'
>;

/** Statuses only a purchase at the supplier reaches. */
const BOUGHT: readonly SeedStatus[] = ['purchased', 'shipped', 'delivered', 'needs_attention'];

export interface OrderSeed {
  /** Fields of the scraped page (a title, the market), over the product factory's Italian Amazon page or the offer's. */
  readonly listing?: Partial<Listing>;
  /** The simulator's product, bought and tracked at its shop: needed for a status past `paid`. */
  readonly offer?: SimOffer;
  /** Where the shopper lives, when not in the offer's market: a cross-market sale. @defaultValue the offer's market */
  readonly sellMarket?: MarketCode;
  readonly quantity?: number;
  /** What the shopper types, over shopperForm's (a new shopper; a fresh idempotency key each time). */
  readonly form?: ShopperForm;
  /** `confirmed` pays cash on delivery; every other status is a bank transfer an agent marks paid. @defaultValue 'paid' */
  readonly status?: SeedStatus;
}

export interface SeededOrder extends ProductForSale {
  readonly order: Order;
  /** The checkout form as submitted. */
  readonly form: ShopperForm;
}

const bookkeeper = { id: 'agent_bookkeeper', email: 'bookkeeper@example.com', role: 'agent' as const };

/** A product and an order of it, placed through checkout and moved to `status` by the real actions. */
export async function seedOrder(rt: Runtime, seed: OrderSeed = {}): Promise<SeededOrder> {
  const status = seed.status ?? 'paid';
  if (BOUGHT.includes(status) && !seed.offer) throw new Error(`an order becomes ${status} at a supplier: seed it with a simulator offer`);
  const { product, listing } = seed.offer ? await seedOfferedProduct(rt, seed.offer, seed.listing) : await productForSale(rt, seed.listing);
  const market = seed.sellMarket ?? listing.market ?? 'it';
  const form = shopperForm(market, { paymentMethod: status === 'confirmed' ? 'cash_on_delivery' : 'bank_transfer', ...seed.form });
  const placed = await placeShopperOrder(rt, market, [[product, seed.quantity ?? 1]], form);
  if (status !== 'awaiting_payment' && placed.status === 'awaiting_payment') {
    const paid = await markPaid(rt, { orderId: placed._id, reason: 'bank transfer received' }, bookkeeper);
    if (!paid.ok) throw new Error(`order ${placed._id} could not be marked paid: ${paid.message}`);
  }
  if (seed.offer && BOUGHT.includes(status)) await buyAndTrack(rt, seed.offer.simulator, placed, listing, status);
  const order = await findOrderById(rt, placed._id);
  if (order?.status !== status) throw new Error(`order ${placed._id} is ${order?.status ?? 'gone'}, not ${status}`);
  return { product, listing, order, form };
}

/** The purchase job's work, then the tracking poll after the supplier's shipping and delivery times. */
async function buyAndTrack(
  rt: Runtime,
  { sim, clock }: TestSimulator,
  order: Pick<Order, '_id' | 'customerId'>,
  listing: Listing,
  status: SeedStatus,
): Promise<void> {
  // The catalog still says in stock; the supplier knows better and refuses.
  if (status === 'needs_attention')
    await control(sim(), 'PATCH', `/markets/${listing.market}/products/${listing.sourceId}`, { stockQuantity: 0 });
  await purchaseOrder(rt, order);
  const { shippedAfterMs, deliveredAfterMs } = sim().settings.orders;
  if (status === 'shipped' || status === 'delivered') {
    clock.advance(shippedAfterMs);
    await pollTracking(rt);
  }
  if (status === 'delivered') {
    clock.advance(deliveredAfterMs - shippedAfterMs);
    await pollTracking(rt);
  }
}
