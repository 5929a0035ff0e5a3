// What a shopper's product page needs, read in one Redis round trip: the cached product (or
// MongoDB's copy on a miss), the last failed refresh, and the opening counted for the sweep.
// A price older than the window enqueues a refresh; the page renders at once with what it has.
// Also the current live price, which a new subscription sends first so no update slips between
// the page render and the subscription.
import type { Product, TextLanguage } from '../catalog';
import { productCacheKey, productFromCacheOrDb, productsAnsweringTo, PUSH_CHANNELS, textFor, type CategoryId } from '../catalog';
import { z } from 'zod';
import { Id } from '../../common/ids';
import { MarketCode } from '../../common/markets';
import type { Runtime } from '../platform/runtime';
import {
  priceAge,
  priceState,
  refreshOnOpen,
  type PriceState,
  marketPrice,
  refreshFailureKey,
  decodeRefreshFailure,
  queueOpening,
  enqueueRefresh,
  refreshQueue,
  freshnessPolicy,
  freshForMs,
  liveChannels,
  queueChannelReads,
} from '../pricing';
import type { LivePrice, MarketPrice, RefreshFailureInfo } from '../pricing';

/** A product page's address: its market and the `{slug}--{id}` of its path. */
export const ProductPageInput = z.object({ market: MarketCode, slugId: z.string().min(1).max(200) });

/** An open page's subscription to its live price, saying what it already shows. */
export const LivePriceInput = z.object({
  productId: Id,
  market: MarketCode,
  /** The check time of the price the page shows; a newer known price is sent at once. */
  knownCheckedAt: z.iso.datetime().nullable(),
  /** The failure the page already reports, if any; only a later one is news. */
  knownFailureAt: z.iso.datetime().nullable().default(null),
});

/** The product as the page shows it in its market: plain JSON. */
export interface PageProduct {
  readonly id: string;
  readonly slug: string;
  /** Title and description in the market's language, or the original until its translation exists. */
  readonly title: string;
  readonly description: string | null;
  /** Their language when it is not the market's: the `lang` of the elements showing them. */
  readonly textLang: TextLanguage | null;
  readonly brand: string | null;
  readonly category: CategoryId;
  readonly gtin: string | null;
  readonly images: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

export interface ProductPageData {
  readonly product: PageProduct;
  readonly market: MarketCode;
  /** Null when we do not sell the product in this market, or an agent stopped selling it. */
  readonly price: MarketPrice | null;
  readonly salesStopped: boolean;
  readonly state: PriceState;
  readonly failure: RefreshFailureInfo | null;
  /** Server time of the read, so the browser can age the price against its own clock. */
  readonly readAt: string;
  readonly refreshEnqueued: boolean;
}

function pageProduct(product: Product, market: MarketCode): PageProduct {
  const { _id, slug, brand, category, gtin, images, attributes } = product;
  const { title, description, lang } = textFor(product, market);
  return { id: _id, slug, title, description, textLang: lang, brand, category, gtin, images, attributes };
}

export async function openProductPage(
  rt: Runtime,
  productId: string,
  market: MarketCode,
  now = new Date(),
  inherited = false,
): Promise<ProductPageData | null> {
  const pipeline = queueChannelReads(rt.redis.pipeline().get(productCacheKey(productId)).get(refreshFailureKey(productId)));
  queueOpening(pipeline, productId, now.getTime());
  const results = (await pipeline.exec()) ?? [];
  const cachedJson = (results[0]?.[1] as string | null | undefined) ?? null;
  const failureJson = (results[1]?.[1] as string | null | undefined) ?? null;
  const live = liveChannels(results.slice(2, 2 + PUSH_CHANNELS.length).map(([, value]) => value));
  const policy = freshnessPolicy(rt.config);
  const enqueue = () =>
    enqueueRefresh(refreshQueue(rt), { productId, maxAgeMs: policy.freshForMs, cause: 'opening' }).then(
      () => true,
      (error: unknown) => {
        // The page still shows the last known price and its age; the sweep will try later.
        console.error(`product page: could not enqueue a refresh of ${productId}: ${(error as Error).message}`);
        return false;
      },
    );
  // A miss means no refresh, scrape or opening wrote the product for the cache's lifetime, far
  // longer than the freshness window: its price is stale. The refresh is enqueued while MongoDB
  // is read instead of after, a round trip less for a shopper who waits for the price. The job
  // checks the price's age itself, so a wrong guess costs a skipped job, never a marketplace call.
  const early = cachedJson === null ? enqueue() : null;
  const { product } = await productFromCacheOrDb(rt, productId, cachedJson);
  if (!product) {
    await early;
    // A product merged into another lives on in it: its links (shared, indexed) open the product
    // it became, whose own address the page names as canonical.
    const [heir] = await productsAnsweringTo(rt, [productId]);
    return heir && heir._id !== productId && !inherited ? openProductPage(rt, heir._id, market, now, true) : null;
  }

  const failure = decodeRefreshFailure(failureJson);
  // A stopped product shows no price, so there is none to keep fresh: no marketplace call.
  const salesStopped = Boolean(product.salesStop);
  const age = salesStopped ? null : priceAge(product, market, now);
  const state: PriceState = age
    ? priceState(
        age.ageMs,
        age.checkedAt,
        freshForMs(age.offer, policy, live),
        failure ? { at: new Date(failure.at), reason: failure.kind } : null,
      )
    : 'fresh';
  const wanted = Boolean(age && refreshOnOpen(state));
  const enqueued = await (early ?? (wanted ? enqueue() : false));
  // Whether the page waits for a refresh: an early job for a price that was fresh is not one.
  const refreshEnqueued = wanted && enqueued;
  return {
    product: pageProduct(product, market),
    market,
    price: marketPrice(product, market, now),
    salesStopped,
    state,
    failure: state === 'stale' ? failure : null,
    readAt: now.toISOString(),
    refreshEnqueued,
  };
}

/** The price as a subscription's first message would carry it. */
export async function currentLivePrice(rt: Runtime, productId: string, market: MarketCode): Promise<LivePrice | null> {
  const [cached, failureJson] = await rt.redis.mget(productCacheKey(productId), refreshFailureKey(productId));
  const { product } = await productFromCacheOrDb(rt, productId, cached ?? null);
  if (!product) return null;
  const price = marketPrice(product, market) ?? null;
  const failure = decodeRefreshFailure(failureJson ?? null);
  const stale = failure !== null && price !== null && new Date(failure.at).getTime() >= new Date(price.checkedAt).getTime();
  return { kind: stale ? 'stale' : 'fresh', price, failure: stale ? failure : null, callMs: null, sourceMs: null, readMs: null };
}
