// Fills the products collection with realistic products, fast: the marketplace simulator's
// deterministic catalog (titles, brands, categories and prices in each market's language and
// price ranges) scraped into the catalog by scraping's product factory, the crawl's own batch
// write, with a few batches in flight. A product sold in several markets (one GTIN) becomes one
// product with an offer in each, as the scrapers make it. Running it again inserts only what is
// missing: the store finds the rest unchanged and writes nothing.
import { Catalog } from '../marketplace-simulator/catalog-generator';
import { hashKey } from '../marketplace-simulator/seeded-random';
import { DEFAULT_SETTINGS } from '../marketplace-simulator/simulator-settings';
import type { Collections } from '../../src/server/db';
import type { Listing } from '../../src/server/scraping';
import { scrapeProducts } from '../../src/server/scraping';
import type { MarketCode } from '../../src/server/markets';
import { simCatalogListing } from '../../workers/refresher/sim-products';

const BATCH = 1000;
const IN_FLIGHT = 3;
/** Batches scraped at times spread over a year, to the minute: "newest" has many ties, as a real catalog does. */
const CREATED_SPREAD_MINUTES = 365 * 24 * 60;
const CREATED_BEFORE = Date.parse('2026-11-01T00:00:00Z');

export interface LoadProgress {
  /** Listings written. */
  readonly done: number;
  readonly total: number;
  /** Products this load created. */
  readonly inserted: number;
  /** Products that were there already (a previous load, or another market's listing of the same GTIN). */
  readonly existing: number;
}

export interface LoadResult extends LoadProgress {
  readonly seconds: number;
}

export function catalogForCount(count: number, markets: readonly MarketCode[]): Catalog {
  const productsPerMarket = Math.max(1, Math.ceil(count / markets.length));
  return new Catalog({ seed: DEFAULT_SETTINGS.seed, productsPerMarket, crossMarketShare: DEFAULT_SETTINGS.crossMarketShare });
}

/** Product `index` of a market's simulated catalog, as a scraper reads its page. */
export function loadedListing(catalog: Catalog, market: MarketCode, index: number): Listing {
  const sim = catalog.product(market, index);
  const roll = hashKey(catalog.shape.seed, 'stock', market, index) % 100;
  const inStock = sim.stockProfile === 'steady' || (sim.stockProfile === 'volatile' && roll < 70);
  return simCatalogListing(sim, market, `https://marketplace-${market}.example`, inStock ? 'in_stock' : 'out_of_stock');
}

/** Scrapes `count` listings, taken in turn from each of `markets`, reporting progress after each batch. */
export async function loadCatalog(
  collections: Pick<Collections, 'products' | 'priceHistory'>,
  count: number,
  markets: readonly MarketCode[],
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<LoadResult> {
  const catalog = catalogForCount(count, markets);
  const started = performance.now();
  const progress = { done: 0, total: count, inserted: 0, existing: 0 };
  const inFlight = new Set<Promise<void>>();
  let batch: Listing[] = [];
  let batches = 0;
  const send = async () => {
    const sent = batch;
    batch = [];
    const scrapedAt = new Date(CREATED_BEFORE - (hashKey(catalog.shape.seed, 'created', batches++) % CREATED_SPREAD_MINUTES) * 60_000);
    const write = scrapeProducts({ collections }, sent, scrapedAt).then((products) => {
      const created = products.filter((p) => p.createdAt.getTime() === scrapedAt.getTime()).length;
      progress.inserted += created;
      progress.existing += products.length - created;
      progress.done += sent.length;
      onProgress({ ...progress });
    });
    const tracked = write.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  };
  for (let i = 0; i < count; i++) {
    const market = markets[i % markets.length] as MarketCode;
    batch.push(loadedListing(catalog, market, Math.floor(i / markets.length)));
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
