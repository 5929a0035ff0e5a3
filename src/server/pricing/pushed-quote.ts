// A price a marketplace pushed (a signal) treated as a fresh quote: the selling prices
// recomputed, a history point on a change, the cache written through and open pages told, as a
// refresh does; but only if the marketplace stated it after the price stored, so a signal that
// arrives late, twice or out of order never replaces a newer price. A signal that says the offer
// changed without saying its price asks for a refresh instead, ahead of the sweep's.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MarketCode } from '../../common/markets';
import type { Product, PushChannel } from '../catalog';
import { writeRefreshedOffers } from '../catalog';
import type { Config } from '../platform/config';
import type { DbHandle } from '../platform/db';
import { applyQuotes, marketPrices, type OfferQuote } from './live-price';
import { recordRefreshOutcome } from './live-price.store';
import { marginRules } from './margin';
import { insertPricePoints } from './price-history.store';
import { enqueueRefresh } from './refresh.queue';
import { pricePoints } from './refresh.store';

export interface PushedQuoteDeps extends DbHandle {
  readonly config: Config;
  readonly redis: Redis;
  readonly queue: Queue;
}

export type PushedQuoteOutcome = 'applied' | 'unchanged' | 'older' | 'pull-asked';

/** What a signal for this product's offer in `market` does; `quote` null: the offer changed, its price unsaid. */
export async function applyPushedQuote(
  deps: PushedQuoteDeps,
  product: Product,
  market: MarketCode,
  quote: (OfferQuote & { readonly quotedAt: Date }) | null,
  via: PushChannel,
  now = new Date(),
): Promise<PushedQuoteOutcome> {
  if (!quote) {
    await enqueueRefresh(deps.queue, { productId: product._id, maxAgeMs: 0, cause: 'signal' });
    return 'pull-asked';
  }
  const stored = product.offers[market]?.quotedAt;
  if (stored && stored.getTime() >= quote.quotedAt.getTime()) return 'older';
  const quoted = applyQuotes(product, { [market]: quote }, marginRules(deps.config), now);
  // Marked as covered by the channel: its price stays fresh longer while the channel is heard from.
  const offer = quoted.offers[market];
  const applied = offer ? { ...quoted, offers: { ...quoted.offers, [market]: { ...offer, pushed: { at: now, via } } } } : quoted;
  // History first, as a refresh does: a retried job writes the same points, refused as duplicates.
  await insertPricePoints(deps, pricePoints(product._id, applied.changes));
  const written = await writeRefreshedOffers(deps, product._id, applied, now, { market, at: quote.quotedAt });
  // Another signal, newer, was written between the read and this write.
  if (!written) return 'older';
  await recordRefreshOutcome(
    deps.redis,
    {
      productId: written._id,
      kind: 'fresh',
      markets: marketPrices(written),
      failure: null,
      callMs: null,
      sourceMs: null,
      readMs: null,
      publishedAt: now.toISOString(),
    },
    written,
  );
  return applied.changes.length > 0 ? 'applied' : 'unchanged';
}
