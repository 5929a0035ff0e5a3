// Fills the products collection with realistic products, fast: the marketplace simulator's
// deterministic catalog (titles, brands, categories and prices in each market's language and
// price ranges) scraped into the catalog by the crawl's own batch write, with a few batches in
// flight. A product sold in several markets (one GTIN) becomes one product with an offer in
// each, as the scrapers make it.
//
// The bulk path: every product is written whole, once. The listings are taken in a fixed order
// (each market in turn), and a product's listings in the other markets travel with its first
// one, so a batch holds whole products, the store inserts them without reading first (nothing
// to read in a new collection), and no batch ever changes another's products. That also makes
// the load deterministic whatever the batches' timing, and resumable: running it again finds
// where the last run stopped (the first batch not wholly stored, by a binary search over the
// batches) and goes on from a few batches before it; whatever of those is already stored is
// found unchanged by the store and not written again. The secondary indexes are kept during
// the load: on SecantusDB, building them afterwards took twice as long as maintaining them
// (60,000 listings: 9 s with the indexes in place against 20 s inserting bare then building).
import { Catalog } from '../../marketplace-simulator/catalog-generator';
import { hashKey } from '../../marketplace-simulator/seeded-random';
import { DEFAULT_SETTINGS } from '../../marketplace-simulator/simulator-settings';
import type { Db } from 'mongodb';
import { productsByIds } from '../../../src/server/catalog';
import type { Listing } from '../../../src/server/scraping';
import { productIdFor, writeListings } from '../../../src/server/scraping';
import type { MarketCode } from '../../../src/common/markets';
import { simCatalogListing } from '../../marketplace-simulator/sim-products';
import type { DbHandle } from '../../../src/server/platform/db';

/** Listing positions per batch: the batch also carries the other-market listings of their products. */
const BATCH = 1000;
const IN_FLIGHT = 3;
/** Batches scraped at times spread over a year, to the minute: "newest" has many ties, as a real catalog does. */
const CREATED_SPREAD_MINUTES = 365 * 24 * 60;
const CREATED_BEFORE = Date.parse('2026-11-01T00:00:00Z');

export interface LoadProgress {
  /** Listing positions written (a product's other-market listings count with their first one). */
  readonly done: number;
  readonly total: number;
  /** Products this load created. */
  readonly inserted: number;
  /** Products a previous, interrupted load of the same catalog had stored already. */
  readonly existing: number;
  /** Listing positions a previous load had written, skipped. */
  readonly resumedAt: number;
}

export interface LoadResult extends LoadProgress {
  readonly seconds: number;
}

export interface LoadOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
}

export function catalogForCount(count: number, markets: readonly MarketCode[]): Catalog {
  const productsPerMarket = Math.max(1, Math.ceil(count / markets.length));
  return new Catalog({ seed: DEFAULT_SETTINGS.seed, productsPerMarket, crossMarketShare: DEFAULT_SETTINGS.crossMarketShare });
}

/** Product `index` of a market's simulated catalog, as a scraper reads its page. */
function loadedListing(catalog: Catalog, market: MarketCode, index: number): Listing {
  const sim = catalog.product(market, index);
  const roll = hashKey(catalog.shape.seed, 'stock', market, index) % 100;
  const inStock = sim.stockProfile === 'steady' || (sim.stockProfile === 'volatile' && roll < 70);
  return simCatalogListing(sim, market, `https://marketplace-${market}.example`, inStock ? 'in_stock' : 'out_of_stock');
}

/**
 * The load's listings, position by position: position `i` is listing `floor(i / markets)` of
 * market `markets[i % markets]`. A product's listings all belong to the position of its first.
 */
class LoadPlan {
  readonly catalog: Catalog;

  constructor(
    readonly count: number,
    readonly markets: readonly MarketCode[],
  ) {
    this.catalog = catalogForCount(count, markets);
  }

  get batches(): number {
    return Math.ceil(this.count / BATCH);
  }

  private positionOf(market: MarketCode, index: number): number | null {
    const slot = this.markets.indexOf(market);
    const position = index * this.markets.length + slot;
    return slot >= 0 && position < this.count ? position : null;
  }

  /** The listings written at `position`: none when it is another position's product. */
  listingsAt(position: number): Listing[] {
    const market = this.markets[position % this.markets.length] as MarketCode;
    const index = Math.floor(position / this.markets.length);
    const others: Listing[] = [];
    for (const [sibling, siblingIndex] of Object.entries(this.catalog.siblings(market, index)) as [MarketCode, number][]) {
      if (sibling === market) continue;
      const at = this.positionOf(sibling, siblingIndex);
      if (at === null) continue;
      if (at < position) return [];
      others.push(loadedListing(this.catalog, sibling, siblingIndex));
    }
    return [loadedListing(this.catalog, market, index), ...others];
  }

  listingsOfBatch(batch: number): Listing[] {
    const listings: Listing[] = [];
    for (let position = batch * BATCH; position < Math.min(this.count, (batch + 1) * BATCH); position++)
      listings.push(...this.listingsAt(position));
    return listings;
  }

  /** When batch `batch` was scraped: fixed per batch, so a resumed load writes what the first would have. */
  scrapedAt(batch: number): Date {
    return new Date(CREATED_BEFORE - (hashKey(this.catalog.shape.seed, 'created', batch) % CREATED_SPREAD_MINUTES) * 60_000);
  }
}

/** Whether every listing of the batch is stored as its offer (same source id) in its product. */
async function batchStored(rt: DbHandle, listings: readonly Listing[]): Promise<boolean> {
  const ids = [...new Set(listings.map((l) => productIdFor({ ...l, market: l.market as MarketCode })))];
  const stored = await productsByIds(rt, ids);
  return listings.every(
    (l) => stored.get(productIdFor({ ...l, market: l.market as MarketCode }))?.offers[l.market as MarketCode]?.sourceId === l.sourceId,
  );
}

/**
 * The first batch a previous load of the same plan did not wholly store. Batches are written in
 * order with a few in flight, so the stored ones are a prefix plus at most IN_FLIGHT − 1 beyond
 * it; the search lands at most that far past the prefix, which the caller backs up over.
 */
async function firstUnstoredBatch(rt: DbHandle, plan: LoadPlan): Promise<number> {
  let low = 0;
  let high = plan.batches;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (await batchStored(rt, plan.listingsOfBatch(mid))) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Scrapes `count` listing positions, taken in turn from each of `markets`, reporting progress
 * after each batch; resumes where a previous load of the same count and markets stopped.
 */
export async function loadCatalog(
  db: Db,
  count: number,
  markets: readonly MarketCode[],
  { onProgress = () => {} }: LoadOptions = {},
): Promise<LoadResult> {
  const plan = new LoadPlan(count, markets);
  const started = performance.now();
  const firstBatch = Math.max(0, (await firstUnstoredBatch({ db }, plan)) - IN_FLIGHT);
  const resumedAt = Math.min(count, firstBatch * BATCH);
  const progress = { done: resumedAt, total: count, inserted: 0, existing: 0, resumedAt };
  const inFlight = new Set<Promise<void>>();
  for (let batch = firstBatch; batch < plan.batches; batch++) {
    const listings = plan.listingsOfBatch(batch);
    const scrapedAt = plan.scrapedAt(batch);
    const write = writeListings({ db }, listings, scrapedAt, { expectNew: true }).then((result) => {
      const refused = Object.entries(result.skipped);
      if (refused.length > 0)
        throw new Error(`the listing store refused listings: ${refused.map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
      const created = result.written.filter((p) => p.createdAt.getTime() === scrapedAt.getTime()).length;
      progress.inserted += created;
      progress.existing += new Set(listings.map((l) => productIdFor({ ...l, market: l.market as MarketCode }))).size - created;
      progress.done = Math.min(count, progress.done + BATCH);
      onProgress({ ...progress });
    });
    const tracked = write.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return { ...progress, seconds: (performance.now() - started) / 1000 };
}

/** A progress line on stderr, redrawn in place on a terminal, one line every 5 s otherwise. */
export function progressReporter(label: string): (progress: LoadProgress) => void {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  return ({ done, total, existing, resumedAt }) => {
    const now = performance.now();
    const finished = done >= total;
    if (!finished && now - lastDraw < (tty ? 250 : 5000)) return;
    lastDraw = now;
    const seconds = (now - started) / 1000;
    const rate = (done - resumedAt) / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const line =
      `${label} ${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
      `${((100 * done) / total).toFixed(1)} % · ${Math.round(rate).toLocaleString('en')}/s · ` +
      `${finished ? `done in ${seconds.toFixed(0)} s` : `ETA ${Number.isFinite(eta) ? Math.ceil(eta) : '?'} s`}` +
      (resumedAt > 0 ? ` · resumed at ${resumedAt.toLocaleString('en')}` : '') +
      (existing > 0 ? ` · ${existing.toLocaleString('en')} products already there` : '');
    process.stderr.write(tty ? `\r${line}${finished ? '\n' : ''}` : `${line}\n`);
  };
}
