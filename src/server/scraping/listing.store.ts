// Writing scraped listings into the catalog: batched bulk upserts of `products` keyed by product
// id, one offer per market under `offers.<market>`, and price-history points for price changes.
// Reads the batch's current offers first, so that an unchanged listing costs no write at all;
// every write is an upsert or an insert with a deterministic id, so a retried batch changes
// nothing twice and a second crawl creates no duplicates.
import { MongoBulkWriteError, type AnyBulkWriteOperation } from 'mongodb';
import { Product, type Offer } from '../catalog/product.schema';
import type { Collections } from '../db';
import type { MarketCode } from '../markets';
import { PricePoint } from '../pricing/price-history.schema';
import { planListing, productIdFor, type ListingPlan, type SkipReason } from './listing';
import type { Listing } from './listing.schema';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason | 'invalid', number>>;
  pricePoints: number;
}

export const emptyUpsertCounts = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0, skipped: {}, pricePoints: 0 });

const DUPLICATE_KEY = 11000;

export async function upsertListings(
  collections: Pick<Collections, 'products' | 'priceHistory'>,
  listings: readonly Listing[],
  now = new Date(),
): Promise<UpsertCounts> {
  const counts = emptyUpsertCounts();
  const skip = (reason: SkipReason | 'invalid') => (counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1);

  // The last listing of a (product, market) in the batch wins: one write per offer.
  const byKey = new Map<string, Listing & { market: MarketCode }>();
  for (const listing of listings) {
    if (!listing.market) {
      skip('no_market');
      continue;
    }
    const withMarket = { ...listing, market: listing.market };
    byKey.set(`${productIdFor(withMarket)}\n${listing.market}`, withMarket);
  }
  if (byKey.size === 0) return counts;

  const ids = [...new Set([...byKey.keys()].map((k) => k.split('\n')[0]!))];
  const markets = [...new Set([...byKey.values()].map((l) => l.market))];
  const projection = Object.fromEntries(markets.map((m) => [`offers.${m}`, 1]));
  const existing = new Map<string, Partial<Record<MarketCode, Offer>>>();
  for (const doc of await collections.products.find({ _id: { $in: ids } }, { projection }).toArray()) existing.set(doc._id, doc.offers ?? {});

  const operations: AnyBulkWriteOperation<Product>[] = [];
  const points: PricePoint[] = [];
  for (const listing of byKey.values()) {
    const id = productIdFor(listing);
    const plan: ListingPlan = planListing(listing, existing.has(id) ? { offer: existing.get(id)?.[listing.market] } : undefined, now);
    if (plan.kind === 'skip') {
      skip(plan.reason);
      continue;
    }
    if (plan.kind === 'unchanged') {
      counts.unchanged += 1;
      continue;
    }
    // Validated as the whole document it would create, so a bad scrape cannot store a half-formed product.
    const candidate = Product.safeParse({ _id: plan.productId, ...plan.onInsert, offers: { [plan.market]: plan.offer }, updatedAt: now });
    if (!candidate.success) {
      skip('invalid');
      continue;
    }
    operations.push({
      updateOne: {
        filter: { _id: plan.productId },
        update: { $set: { [`offers.${plan.market}`]: plan.offer, updatedAt: now }, $setOnInsert: plan.onInsert },
        upsert: true,
      },
    });
    if (plan.kind === 'insert') counts.inserted += 1;
    else counts.updated += 1;
    if (plan.pricePoint) points.push(PricePoint.parse(plan.pricePoint));
  }

  // History first: if the product write then fails, the retried job finds the old price, plans
  // the same point (same id) and the duplicate is refused; the other order would lose the point.
  if (points.length > 0) counts.pricePoints = await insertIgnoringDuplicates(collections, points);
  if (operations.length > 0) await bulkWriteRetryingRaces(collections, operations);
  return counts;
}

async function insertIgnoringDuplicates(collections: Pick<Collections, 'priceHistory'>, points: PricePoint[]): Promise<number> {
  try {
    return (await collections.priceHistory.insertMany(points, { ordered: false })).insertedCount;
  } catch (error) {
    if (error instanceof MongoBulkWriteError && error.writeErrors && [error.writeErrors].flat().every((e) => e.code === DUPLICATE_KEY)) {
      return error.insertedCount;
    }
    throw error;
  }
}

/**
 * Two scraper workers (two markets) may create the same GTIN product at the same moment; the
 * loser of that upsert race gets a duplicate-key error, and the same operation run again is a
 * plain update of the winner's document.
 */
async function bulkWriteRetryingRaces(collections: Pick<Collections, 'products'>, operations: AnyBulkWriteOperation<Product>[]): Promise<void> {
  try {
    await collections.products.bulkWrite(operations, { ordered: false });
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failures = [error.writeErrors].flat();
    if (!failures.every((e) => e.code === DUPLICATE_KEY)) throw error;
    await collections.products.bulkWrite(failures.map((e) => operations[e.index]!), { ordered: false });
  }
}
