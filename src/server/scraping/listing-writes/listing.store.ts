// Writing scraped listings into the catalog: batched bulk writes of `products` keyed by product
// id, one offer per market under `offers.<market>`, the selling prices recomputed with every
// change, and price-history points for price changes. Reads the batch's products first, so that
// an unchanged listing costs no write at all; every write is guarded by the `updatedAt` it read
// or an insert with a deterministic id, so a retried batch changes nothing twice, a second crawl
// creates no duplicates, and a product changed meanwhile (another market's scraper, the
// refresher) is planned again from its new state instead of being overwritten.
// The Redis copy of the written products is listing.service.ts's job.
import { Product, productsAnsweringTo, productsByIds, writeProductsIfUnchanged } from '../../catalog';
import type { MarketCode } from '../../../common/markets';
import type { MarginRules } from '../../pricing';
import { PricePoint, insertPricePoints } from '../../pricing';
import { identityIds, matchStored, planListing, storedIdentitiesOf, productAfter, type ChangePlan, type SkipReason } from './listing';
import type { Listing } from '../extraction/listing.schema';
import type { DbHandle } from '../../platform/db';

/** Why a listing was not written: the plan's reasons, an invalid document, or a product that kept changing under the write. */
export type UpsertSkipReason = SkipReason | 'invalid' | 'conflict';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: Partial<Record<UpsertSkipReason, number>>;
  pricePoints: number;
}

export interface UpsertResult {
  readonly counts: UpsertCounts;
  /** Every product document this call wrote, as stored: what the cache must receive. */
  readonly written: readonly Product[];
  /** The stored products the batch found but did not need to change. */
  readonly unchanged: readonly Product[];
  /** Each listing's product id, in the listings' order (null for one without a market). */
  readonly productIds: readonly (string | null)[];
}

export const emptyUpsertCounts = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0, skipped: {}, pricePoints: 0 });

/** Rounds of planning a product that another writer keeps changing before its listings are left to the next crawl. */
const MAX_ROUNDS = 3;

export interface UpsertOptions {
  /**
   * The batch's products are most likely not stored yet (a bulk load into a new collection):
   * the first round inserts without reading them first, and a product that was there after all
   * collides on its id and is planned again from what is stored, as any conflict is. Each
   * listing of such a product writes its price point, a true observation of its price, even
   * when the stored offer already had that price. @defaultValue false
   */
  readonly expectNew?: boolean;
}

/** Writes the listings into the catalog (its products) and pricing (its history), both in `rt`'s database. */
export async function upsertListings(
  rt: DbHandle,
  listings: readonly Listing[],
  rules: MarginRules,
  now = new Date(),
  { expectNew = false }: UpsertOptions = {},
): Promise<UpsertResult> {
  const counts = emptyUpsertCounts();
  const skip = (reason: UpsertSkipReason, n = 1) => (counts.skipped[reason] = (counts.skipped[reason] ?? 0) + n);

  const placed = listings.map((listing) => (listing.market ? { ...listing, market: listing.market } : null));
  const unplaced = placed.filter((l) => l === null).length;
  if (unplaced > 0) skip('no_market', unplaced);
  // Each listing's possible ids, most trusted first: the first is a new product's (productIdFor).
  const idsOf = placed.map((listing) => (listing ? identityIds(listing) : []));
  const known = storedIdentitiesOf(expectNew ? [] : await productsAnsweringTo(rt, [...new Set(idsOf.flat())]));
  const productIds = placed.map((listing, i) => (listing ? (matchStored(idsOf[i]!, known) ?? idsOf[i]![0]!) : null));
  // The last listing of a (product, market) in the batch wins: one offer per market.
  const byKey = new Map<string, { id: string; listing: Listing & { market: MarketCode } }>();
  placed.forEach((listing, i) => {
    if (listing) byKey.set(`${productIds[i]}\n${listing.market}`, { id: productIds[i]!, listing });
  });
  // Listings still to plan, by product; after a conflict, only those whose change was not written.
  let pending = new Map<string, (Listing & { market: MarketCode })[]>();
  for (const { id, listing } of byKey.values()) pending.set(id, [...(pending.get(id) ?? []), listing]);

  const written: Product[] = [];
  const unchanged: Product[] = [];
  for (let round = 0; pending.size > 0; round++) {
    if (round === MAX_ROUNDS) {
      skip(
        'conflict',
        [...pending.values()].reduce((n, l) => n + l.length, 0),
      );
      break;
    }
    // Whole documents: the selling prices depend on every market's offer, and the cache gets the full copy.
    const stored = round > 0 || !expectNew ? await productsByIds(rt, [...pending.keys()]) : new Map<string, Product>();

    const writes: { product: Product; changes: ChangePlan[]; listings: (Listing & { market: MarketCode })[] }[] = [];
    const points: PricePoint[] = [];
    for (const [id, productListings] of pending) {
      const before = stored.get(id);
      const changes: ChangePlan[] = [];
      const changed: (Listing & { market: MarketCode })[] = [];
      for (const listing of productListings) {
        const plan = planListing(
          listing,
          before ? { offer: before.offers[listing.market], text: before.texts?.[listing.market] } : undefined,
          now,
          id,
        );
        if (plan.kind === 'skip') skip(plan.reason);
        else if (plan.kind === 'unchanged') counts.unchanged += 1;
        else {
          changes.push(plan);
          changed.push(listing);
        }
      }
      if (changes.length === 0) {
        if (before) unchanged.push(before);
        continue;
      }
      const product = productAfter(before, changes, rules, now);
      // Validated whole, as the page will read it, so a bad scrape cannot store a half-formed product.
      if (!Product.safeParse(product).success) {
        skip('invalid', changes.length);
        continue;
      }
      writes.push({ product, changes, listings: changed });
      for (const change of changes) if (change.pricePoint) points.push(PricePoint.parse(change.pricePoint));
    }

    // History first: if the product write then fails, the retried job finds the old price, plans
    // the same point (same id) and the duplicate is refused; the other order would lose the point.
    if (points.length > 0) counts.pricePoints += await insertPricePoints(rt, points);
    const conflicts =
      writes.length > 0
        ? await writeProductsIfUnchanged(
            rt,
            writes.map((w) => w.product),
            stored,
          )
        : new Set<number>();
    pending = new Map();
    for (const [i, { product, changes, listings: changed }] of writes.entries()) {
      if (conflicts.has(i)) {
        pending.set(product._id, changed);
        continue;
      }
      written.push(product);
      for (const change of changes) counts[change.kind === 'insert' ? 'inserted' : 'updated'] += 1;
    }
  }
  return { counts, written, unchanged, productIds };
}
