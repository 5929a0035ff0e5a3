// Fills the products collection with realistic products, fast: the marketplace simulator's
// deterministic catalog (titles, brands, categories and prices in each market's language and
// price ranges) turned into catalog documents as a scraper would store them, inserted in
// unordered batches with a few in flight. Ids are derived from (market, index), so running it
// again inserts only what is missing: duplicates are counted as already there, not failures.
import type { Collection } from 'mongodb';
import { MongoBulkWriteError } from 'mongodb';
import { Catalog, canonicalPath } from '../marketplace-simulator/catalog-generator';
import { hashKey } from '../marketplace-simulator/seeded-random';
import { DEFAULT_SETTINGS } from '../marketplace-simulator/simulator-settings';
import type { Product } from '../../src/server/catalog/product.schema';
import type { MarketCode } from '../../src/server/markets';
import { productFromSim } from '../../workers/refresher/sim-products';

const BATCH = 1000;
const IN_FLIGHT = 3;
const DAY_MS = 86_400_000;
/** Creation times spread over a year, to the minute: "newest" has many ties, as a real catalog does. */
const CREATED_SPREAD_MINUTES = 365 * 24 * 60;
const CREATED_BEFORE = Date.parse('2026-11-01T00:00:00Z');

export interface LoadProgress {
  readonly done: number;
  readonly total: number;
  readonly inserted: number;
  readonly existing: number;
}

export interface LoadResult extends LoadProgress {
  readonly seconds: number;
}

/** `simit000000a`: no hyphen, since shop URLs end in `-{id}`. */
export function loadedProductId(market: MarketCode, index: number): string {
  return `sim${market}${index.toString(36).padStart(7, '0')}`;
}

export function catalogForCount(count: number, markets: readonly MarketCode[]): Catalog {
  const productsPerMarket = Math.max(1, Math.ceil(count / markets.length));
  return new Catalog({ seed: DEFAULT_SETTINGS.seed, productsPerMarket, crossMarketShare: DEFAULT_SETTINGS.crossMarketShare });
}

/** Product `index` of a market's simulated catalog, as the catalog would hold it after a scrape. */
export function loadedProduct(catalog: Catalog, market: MarketCode, index: number): Product {
  const sim = catalog.product(market, index);
  const roll = hashKey(catalog.shape.seed, 'stock', market, index) % 100;
  const inStock = sim.stockProfile === 'steady' || (sim.stockProfile === 'volatile' && roll < 70);
  const minutesAgo = hashKey(catalog.shape.seed, 'created', market, index) % CREATED_SPREAD_MINUTES;
  const createdAt = new Date(CREATED_BEFORE - minutesAgo * 60_000);
  const product = productFromSim(
    {
      market,
      sourceId: sim.sourceId,
      gtin: sim.gtin,
      title: sim.title,
      brand: sim.brand,
      category: sim.category.name[market],
      url: `https://marketplace-${market}.example${canonicalPath(sim)}`,
      priceCents: sim.basePriceCents,
      shippingCents: sim.shippingCents,
      availability: inStock ? 'in_stock' : 'out_of_stock',
    },
    loadedProductId(market, index),
    createdAt,
  );
  // Scraped some time after it was first found.
  return { ...product, updatedAt: new Date(createdAt.getTime() + (roll % 30) * DAY_MS) };
}

async function insertBatch(products: Collection<Product>, batch: Product[]): Promise<{ inserted: number; existing: number }> {
  try {
    const result = await products.insertMany(batch, { ordered: false });
    return { inserted: result.insertedCount, existing: 0 };
  } catch (error) {
    // Unordered: every document was tried; only duplicates (a previous load) are expected.
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    const other = errors.find((e) => e.code !== 11000);
    if (other) throw error;
    return { inserted: error.insertedCount, existing: errors.length };
  }
}

/** Inserts `count` products, taken in turn from each of `markets`, reporting progress after each batch. */
export async function loadCatalog(
  products: Collection<Product>,
  count: number,
  markets: readonly MarketCode[],
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<LoadResult> {
  const catalog = catalogForCount(count, markets);
  const started = performance.now();
  const progress = { done: 0, total: count, inserted: 0, existing: 0 };
  const inFlight = new Set<Promise<void>>();
  let batch: Product[] = [];
  const send = async () => {
    const sent = batch;
    batch = [];
    const write = insertBatch(products, sent).then(({ inserted, existing }) => {
      progress.inserted += inserted;
      progress.existing += existing;
      progress.done += sent.length;
      onProgress({ ...progress });
    });
    const tracked = write.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (let i = 0; i < count; i++) {
    const market = markets[i % markets.length] as MarketCode;
    batch.push(loadedProduct(catalog, market, Math.floor(i / markets.length)));
    if (batch.length >= BATCH) await send();
  }
  if (batch.length > 0) await send();
  await Promise.all(inFlight);
  return { ...progress, seconds: (performance.now() - started) / 1000 };
}

/** A progress line on stderr, redrawn in place on a terminal, one line every 5 s otherwise. */
export function progressReporter(label: string): (progress: LoadProgress) => void {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  return ({ done, total, existing }) => {
    const now = performance.now();
    const finished = done >= total;
    if (!finished && now - lastDraw < (tty ? 250 : 5000)) return;
    lastDraw = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const line =
      `${label} ${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
      `${((100 * done) / total).toFixed(1)} % · ${Math.round(rate).toLocaleString('en')}/s · ` +
      `${finished ? `done in ${seconds.toFixed(0)} s` : `ETA ${Number.isFinite(eta) ? Math.ceil(eta) : '?'} s`}` +
      (existing > 0 ? ` · ${existing.toLocaleString('en')} already there` : '');
    process.stderr.write(tty ? `\r${line}${finished ? '\n' : ''}` : `${line}\n`);
  };
}
