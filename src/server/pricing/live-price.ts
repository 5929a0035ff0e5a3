// Pure rules of the live price: the per-market view of a product's prices (with the delivery
// estimate), the channel names, and how a refresh's answers change the product.
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import type { Offer, Product, QuoteSource, SellPrice } from '../catalog';
import { sellingPrice } from '../catalog';
import { offerCheckedAt } from './freshness';
import { computeSellPrices, type MarginRules } from './margin';
import type { DeliveryEstimate, MarketPrice, PriceEvent, LivePrice } from './live-price.schema';

export const PRICE_CHANNEL_PREFIX = 'ds:price:';
export const REFRESH_FAILURE_PREFIX = 'ds:refresh-failure:';

export function priceChannel(productId: string): string {
  return `${PRICE_CHANNEL_PREFIX}${productId}`;
}

export function refreshFailureKey(productId: string): string {
  return `${REFRESH_FAILURE_PREFIX}${productId}`;
}

/**
 * Working days from the source's warehouse to the shopper: the supplier ships in its own
 * country in 1 to 3 days; across a border, parcels take 3 to 6. None when it is out of stock.
 */
export function deliveryEstimate(
  sourceMarket: MarketCode,
  sellMarket: MarketCode,
  offer: Pick<Offer, 'availability'>,
): DeliveryEstimate | null {
  if (offer.availability === 'out_of_stock') return null;
  return sourceMarket === sellMarket ? { minDays: 1, maxDays: 3 } : { minDays: 3, maxDays: 6 };
}

type PricedProduct = Pick<Product, 'offers' | 'sellPrices' | 'priceOverrides' | 'salesStop'>;

/**
 * What a shopper in `market` sees: the price `sellingPrice` decides (an agent's unexpired
 * override, else the computed one; none when selling is stopped), with the availability, the
 * delivery and the check time of the source offer we would buy from.
 */
export function marketPrice(product: PricedProduct, market: MarketCode, now = new Date()): MarketPrice | null {
  const selling = sellingPrice(product, market, now);
  const sourceMarket = product.sellPrices[market]?.sourceMarket;
  const offer = sourceMarket ? product.offers[sourceMarket] : undefined;
  if (!selling || !sourceMarket || !offer) return null;
  return {
    price: selling.price,
    sourceMarket,
    availability: offer.availability,
    delivery: deliveryEstimate(sourceMarket, market, offer),
    checkedAt: offerCheckedAt(offer).toISOString(),
  };
}

export function marketPrices(product: PricedProduct, now = new Date()): Partial<Record<MarketCode, MarketPrice>> {
  return Object.fromEntries(
    MARKET_CODES.flatMap((m) => {
      const view = marketPrice(product, m, now);
      return view ? [[m, view]] : [];
    }),
  );
}

export function livePriceFor(event: PriceEvent, market: MarketCode): LivePrice {
  return {
    kind: event.kind,
    price: event.markets[market] ?? null,
    failure: event.failure,
    callMs: event.callMs,
    sourceMs: event.sourceMs,
    readMs: event.readMs,
  };
}

/** The markets whose offers a refresh must call: those our selling prices come from. */
export function refreshSources(product: Pick<Product, 'offers' | 'sellPrices'>): MarketCode[] {
  const sources = new Set<MarketCode>();
  for (const m of MARKET_CODES) {
    const source = product.sellPrices[m]?.sourceMarket;
    if (source && product.offers[source]) sources.add(source);
  }
  // A product not priced yet (just scraped) refreshes every offer it has.
  if (sources.size === 0) for (const m of MARKET_CODES) if (product.offers[m]) sources.add(m);
  return [...sources];
}

/**
 * The markets a refresh's new selling prices come from whose offers it did not call and that
 * were not checked within the freshness window: a refreshed source that went up can lose to
 * such an offer, whose price may have moved as well.
 */
export function uncheckedSources(
  applied: Pick<AppliedQuotes, 'sellPrices'>,
  product: Pick<Product, 'offers'>,
  called: readonly MarketCode[],
  now: Date,
  freshForMs: number,
): MarketCode[] {
  const unchecked = new Set<MarketCode>();
  for (const m of MARKET_CODES) {
    const source = applied.sellPrices[m]?.sourceMarket;
    const offer = source ? product.offers[source] : undefined;
    if (!source || !offer || called.includes(source)) continue;
    if (now.getTime() - offerCheckedAt(offer).getTime() > freshForMs) unchecked.add(source);
  }
  return [...unchecked];
}

/** What the marketplace's offer API answered, in our units. */
export interface OfferQuote {
  readonly priceCents: number;
  readonly shippingCents: number | null;
  readonly availability: Offer['availability'];
  readonly source: QuoteSource;
  /** When the marketplace stated it, if it says (a pushed signal); else the time it is applied. */
  readonly quotedAt?: Date;
}

export interface PriceChange {
  readonly market: MarketCode;
  readonly before: Offer;
  readonly offer: Offer;
}

export interface AppliedQuotes {
  readonly offers: Partial<Record<MarketCode, Offer>>;
  readonly sellPrices: Partial<Record<MarketCode, SellPrice>>;
  /** Offers whose price or shipping moved: each is one price_history point. */
  readonly changes: readonly PriceChange[];
  /** The markets whose offers were refreshed, to write back. */
  readonly refreshed: readonly MarketCode[];
}

/**
 * Folds the answers into the product: each answered offer takes the new price, shipping and
 * availability and is stamped refreshed now; the selling prices are recomputed in every market.
 */
export function applyQuotes(
  product: Pick<Product, 'offers'>,
  quotes: Partial<Record<MarketCode, OfferQuote>>,
  rules: MarginRules,
  now: Date,
): AppliedQuotes {
  const offers: Partial<Record<MarketCode, Offer>> = { ...product.offers };
  const changes: PriceChange[] = [];
  const refreshed: MarketCode[] = [];
  for (const market of MARKET_CODES) {
    const quote = quotes[market];
    const before = product.offers[market];
    if (!quote || !before) continue;
    const currency = before.price.currency;
    const after: Offer = {
      ...before,
      price: { amountCents: quote.priceCents, currency },
      shipping: quote.shippingCents === null ? null : { amountCents: quote.shippingCents, currency },
      availability: quote.availability,
      lastRefreshedAt: now,
      refreshedFrom: quote.source,
      quotedAt: quote.quotedAt ?? now,
    };
    offers[market] = after;
    refreshed.push(market);
    if (
      after.price.amountCents !== before.price.amountCents ||
      (after.shipping?.amountCents ?? null) !== (before.shipping?.amountCents ?? null)
    ) {
      changes.push({ market, before, offer: after });
    }
  }
  return { offers, sellPrices: computeSellPrices(offers, rules, now), changes, refreshed };
}
