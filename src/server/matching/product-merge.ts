// What a merge and a split make of the products' documents. Pure: no I/O. The kept product
// takes the merged-away one's offers (their markets are its own no longer share: matchBlocker),
// its page texts, ids, and photos if it had none; its selling prices are computed again from all
// its offers. A split gives each its own back, with the offers as refreshed since the merge.
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import { nextUpdatedAt, productIdentities, productSearchTokens, type Product } from '../catalog';
import { computeSellPrices, type MarginRules } from '../pricing';
import type { ProductMerge } from './match.schema';
import { offerMarkets } from './match-score';

/** Ids that name one item, most trusted first: the product named by one of them is kept. */
const TRUST = ['gtin-', 'asin-', 'mpn-'] as const;

function trust(product: Pick<Product, '_id'>): number {
  const rank = TRUST.findIndex((prefix) => product._id.startsWith(prefix));
  return rank < 0 ? TRUST.length : rank;
}

/** Which of two products stays: the one named by the more trusted id, else the older, else the lower id. */
export function keeperOf<P extends Pick<Product, '_id' | 'createdAt'>>(a: P, b: P): { keep: P; gone: P } {
  const order = trust(a) - trust(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : 1);
  return order <= 0 ? { keep: a, gone: b } : { keep: b, gone: a };
}

function pick<T>(record: Partial<Record<MarketCode, T>> | undefined, markets: readonly MarketCode[]): Partial<Record<MarketCode, T>> {
  return Object.fromEntries(markets.flatMap((m) => (record?.[m] === undefined ? [] : [[m, record[m]]])));
}

/** The merge's record before any write: what a split needs to give each product its own back. */
export function mergeRecord(keep: Product, gone: Product, by: string, candidateId: string | null, at: Date): ProductMerge {
  return {
    _id: gone._id,
    into: keep._id,
    gone,
    keptBefore: { identities: productIdentities(keep), texts: pick(keep.texts, offerMarkets(gone)) },
    state: 'merging',
    candidateId,
    by,
    at,
    splitAt: null,
  };
}

/** Whether the kept product already holds what the merge gives it (a merge resumed after its product write). */
export function holdsMerge(keep: Product, gone: Pick<Product, '_id'>): boolean {
  return productIdentities(keep).includes(gone._id);
}

function withOffers(product: Product, offers: Product['offers'], texts: Product['texts'], rules: MarginRules, now: Date): Product {
  return {
    ...product,
    offers,
    texts,
    searchTokens: productSearchTokens({ ...product, texts }),
    sellPrices: computeSellPrices(offers, rules, now),
    updatedAt: nextUpdatedAt(product.updatedAt, now),
  };
}

/** The kept product holding both. */
export function mergedProduct(keep: Product, gone: Product, rules: MarginRules, now: Date): Product {
  const markets = offerMarkets(gone);
  const texts = { ...keep.texts };
  for (const m of markets) if (gone.texts?.[m]?.origin === 'page') texts[m] = gone.texts[m];
  const merged = withOffers(keep, { ...keep.offers, ...pick(gone.offers, markets) }, texts, rules, now);
  return {
    ...merged,
    gtin: keep.gtin ?? gone.gtin,
    brand: keep.brand ?? gone.brand,
    images: keep.images.length > 0 ? keep.images : gone.images,
    attributes: { ...gone.attributes, ...keep.attributes },
    identities: [...new Set([...productIdentities(keep), ...productIdentities(gone)])],
    // A stop on either stays in force: an agent stopped selling this item.
    salesStop: keep.salesStop ?? gone.salesStop ?? null,
    priceOverrides: { ...gone.priceOverrides, ...keep.priceOverrides },
  };
}

/** Both products again after a wrong merge: each with its own markets' offers (as refreshed since) and ids. */
export function splitProducts(kept: Product, merge: ProductMerge, rules: MarginRules, now: Date): { kept: Product; restored: Product } {
  const { gone, keptBefore } = merge;
  const markets = offerMarkets(gone);
  const stays = MARKET_CODES.filter((m) => !markets.includes(m));
  const keptTexts = { ...pick(kept.texts, stays), ...keptBefore.texts };
  // A page scraped since the merge is newer than the snapshot's text of that market.
  const restoredTexts = { ...gone.texts };
  for (const m of markets) if (kept.texts?.[m]?.origin === 'page') restoredTexts[m] = kept.texts[m];
  const restoredOffers = Object.fromEntries(markets.map((m) => [m, kept.offers[m] ?? gone.offers[m]]));
  const goneOnly = new Set(productIdentities(gone).filter((id) => !keptBefore.identities.includes(id)));
  return {
    kept: {
      ...withOffers(kept, pick(kept.offers, stays), keptTexts, rules, now),
      identities: productIdentities(kept).filter((id) => !goneOnly.has(id)),
    },
    restored: withOffers({ ...gone, updatedAt: now }, restoredOffers, restoredTexts, rules, now),
  };
}
