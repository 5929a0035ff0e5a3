// Freshness policy: how old a shown price may be, when opening a page asks for a refresh, what
// the page says about the price's age, and which prices the background sweep renews early.
// Pure: the clock is an argument. The window is PRICE_FRESH_MS (default 60 s).
import type { MarketCode } from '../../common/markets';
import type { Offer, Product, PushChannel } from '../catalog';

export interface FreshnessPolicy {
  /** A source price checked this recently is fresh. @defaultValue 60_000 (PRICE_FRESH_MS) */
  readonly freshForMs: number;
  /**
   * A price a marketplace pushes the changes of, over a channel that is alive now, stays fresh
   * this long: no news from it is news that nothing changed. @defaultValue 600_000 (SIGNAL_FRESH_MS)
   */
  readonly pushedFreshForMs: number;
}

/** The push channels heard from lately (see pushChannelKey): none when nothing is pushed. */
export type LiveChannels = ReadonlySet<PushChannel>;
export const NO_LIVE_CHANNELS: LiveChannels = new Set();

/** How long the offer's price stays fresh: longer while its marketplace pushes its changes over a live channel. */
export function freshForMs(offer: Pick<Offer, 'pushed'>, policy: FreshnessPolicy, live: LiveChannels): number {
  return offer.pushed && live.has(offer.pushed.via) ? Math.max(policy.freshForMs, policy.pushedFreshForMs) : policy.freshForMs;
}

/** The last refresh that failed, as the refresher recorded it. */
export interface RefreshFailure {
  readonly at: Date;
  readonly reason: string;
}

/** When the offer's price was last seen at the source: by a scrape or by a live refresh. */
export function offerCheckedAt(offer: Pick<Offer, 'lastScrapedAt' | 'lastRefreshedAt'>): Date {
  const refreshed = offer.lastRefreshedAt;
  return refreshed && refreshed.getTime() > offer.lastScrapedAt.getTime() ? refreshed : offer.lastScrapedAt;
}

/**
 * When a price change found against the offer as it was is recorded: the first instant after the
 * last check at the old price, from which the new price can have been in force. Derived from the
 * change, not the clock, so a retried write of the same change is the same history document: on
 * the cluster `at` is part of price_history's shard key, and `_id` is unique per shard only.
 */
export function priceChangeTime(before: Pick<Offer, 'lastScrapedAt' | 'lastRefreshedAt'>): Date {
  return new Date(offerCheckedAt(before).getTime() + 1);
}

export interface PriceAge {
  /** The market whose offer the selling price was computed from. */
  readonly sourceMarket: MarketCode;
  readonly checkedAt: Date;
  readonly ageMs: number;
  /** The offer it was computed from: how long it stays fresh depends on it (freshForMs). */
  readonly offer: Offer;
}

/**
 * How old the selling price in `market` is: the age of the source offer it was computed from.
 * Null when the product has no selling price there or its source offer is gone.
 */
export function priceAge(product: Pick<Product, 'offers' | 'sellPrices'>, market: MarketCode, now: Date): PriceAge | null {
  const sell = product.sellPrices[market];
  const offer = sell ? product.offers[sell.sourceMarket] : undefined;
  if (!sell || !offer) return null;
  const checkedAt = offerCheckedAt(offer);
  return { sourceMarket: sell.sourceMarket, checkedAt, ageMs: Math.max(0, now.getTime() - checkedAt.getTime()), offer };
}

/**
 * What the page says about its price:
 * - `fresh`: checked within the window; shown with its age.
 * - `refreshing`: older; a refresh is (or is about to be) on its way, the page waits for it.
 * - `stale`: the last refresh after this price failed; the page says since when the price is known.
 */
export type PriceState = 'fresh' | 'refreshing' | 'stale';

/** `freshFor`: how long this price stays fresh (freshForMs of its offer). */
export function priceState(ageMs: number, checkedAt: Date, freshFor: number, lastFailure: RefreshFailure | null): PriceState {
  if (ageMs <= freshFor) return 'fresh';
  if (lastFailure && lastFailure.at.getTime() >= checkedAt.getTime()) return 'stale';
  return 'refreshing';
}

/** Opening a page refreshes any price that is not fresh, even after a failure: the marketplace may be back. */
export function refreshOnOpen(state: PriceState): boolean {
  return state !== 'fresh';
}

/**
 * The sweep renews popular prices in the last quarter of their window, so that a shopper
 * opening them finds a fresh price instead of waiting for the marketplace.
 */
export function sweepDue(ageMs: number, freshFor: number): boolean {
  return ageMs >= Math.floor((freshFor * 3) / 4);
}

/**
 * Whether a refresh job still has work when it starts: a job enqueued by an opening that saw a
 * stale price, but started after another refresh landed, must not call the marketplace again.
 */
export function refreshStillNeeded(ageMs: number, maxAgeMs: number): boolean {
  return ageMs > maxAgeMs;
}
