// Cross-market matching benchmark (`npm run bench:match`): the simulator's catalog, whose world
// products are the truth of which listings are one item, is written through the listing store
// with identifiers shown the way real shops show them, and the products the store makes are
// scored pair by pair (match-score.ts). Prints a readable summary; the last line is one JSON object.
//
//   npm run bench:match -- [--per-market 5000] [--gtin-share 0.28] [--amazon-share 0.4] [--mpn-share 0.5] [--model-in-title-share 0.6]
//
// The mix, per listing: on an Amazon-like European store (`--amazon-share`) with the ASIN those
// stores share for one item, else on one of several shops with its own id; a checksum-valid
// GTIN on `--gtin-share` of pages (17 of 60 real EU pages showed one); brand and the maker's
// part number on `--mpn-share` of pages, spelt as shops spell it ("BA-1234", "BA1234", "ba 1234"),
// the brand sometimes in capitals; the model in the title on `--model-in-title-share` of pages
// (the others name the item in words alone, as a shop that rewrites titles does). The
// simulator's own pages still show a GTIN and the model on every page: this mix is applied
// here, to the listings its pages would give.
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { Catalog, type SimProduct } from '../marketplace-simulator/catalog-generator';
import { DEFAULT_SETTINGS } from '../marketplace-simulator/simulator-settings';
import { hashKey, SeededRandom } from '../marketplace-simulator/seeded-random';
import { simCatalogListing } from '../marketplace-simulator/sim-products';
import { startMongo } from '../local/mongo';
import { benchOnOwnServices, positiveInt } from './bench-support';
import { matchScore } from './match-score';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { withDatabase } from '../../src/server/platform/db';
import { ensureCollections } from '../../src/server/collections';
import { DEFAULT_MARGIN_RULES } from '../../src/server/pricing';
import { upsertListings, type Listing } from '../../src/server/scraping';

const { values: flags } = parseArgs({
  options: {
    'per-market': { type: 'string', default: '5000' },
    'gtin-share': { type: 'string', default: '0.28' },
    'amazon-share': { type: 'string', default: '0.4' },
    'mpn-share': { type: 'string', default: '0.5' },
    'model-in-title-share': { type: 'string', default: '0.6' },
  },
});

function share(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) {
    console.error(`--${name} expects a share from 0 to 1, got ${raw}`);
    process.exit(64);
  }
  return value;
}

const PER_MARKET = positiveInt('per-market', flags['per-market'], 250_000);
const GTIN_SHARE = share('gtin-share', flags['gtin-share']);
const AMAZON_SHARE = share('amazon-share', flags['amazon-share']);
const MPN_SHARE = share('mpn-share', flags['mpn-share']);
const MODEL_IN_TITLE_SHARE = share('model-in-title-share', flags['model-in-title-share']);
const BATCH = 1000;
const SHOPS_PER_MARKET = 3;

/** The item a listing is: its world product, or a product only its market sells. */
const truthOf = (product: SimProduct) =>
  product.worldId === null ? `local-${product.market}-${product.index}` : `world-${product.worldId}`;

/** An ASIN of ten capitals and digits, the same for one item in every Amazon European store. */
function asinOf(product: SimProduct): string {
  const key = hashKey(DEFAULT_SETTINGS.seed, 'asin', truthOf(product));
  return `B0${key.toString(36).toUpperCase().padStart(8, '0').slice(-8)}`;
}

/** The listing a real shop's page of this product would give: identifiers as the mix says. */
function realisticListing(product: SimProduct, market: MarketCode): Listing {
  const random = new SeededRandom(hashKey(DEFAULT_SETTINGS.seed, 'match', market, product.index));
  const base = simCatalogListing(product, market, `https://shop.example.${market}`);
  const gtin = random.chance(GTIN_SHARE) ? base.gtin : null;
  const model = product.model;
  const mpn = random.chance(MPN_SHARE) ? random.pick([model, model.replace('-', ''), model.toLowerCase().replace('-', ' ')]) : null;
  const brand = mpn && random.chance(0.2) ? product.brand.toUpperCase() : product.brand;
  const title = random.chance(MODEL_IN_TITLE_SHARE) ? base.title : base.title.replace(` ${model}`, '');
  if (random.chance(AMAZON_SHARE)) {
    const asin = asinOf(product);
    return { ...base, title, site: `amazon.${market}`, sourceId: asin, url: `https://www.amazon.${market}/dp/${asin}`, gtin, mpn, brand };
  }
  const site = `shop-${random.int(1, SHOPS_PER_MARKET)}.example.${market}`;
  return { ...base, title, site, url: `https://${site}/p/${product.sourceId}`, gtin, mpn, brand };
}

await benchOnOwnServices('bench-match', async (services, logDir) => {
  console.log(
    `matching benchmark: ${PER_MARKET.toLocaleString('en')} products per market; GTIN on ${GTIN_SHARE}, Amazon-like stores ${AMAZON_SHARE}, brand and part number on ${MPN_SHARE}, the model in the title on ${MODEL_IN_TITLE_SHARE} of pages`,
  );
  const mongo = services.add(await startMongo({ dbName: 'bench', cacheSize: '1G', durable: false, logDir }));
  const client = new MongoClient(withDatabase(mongo.url, 'bench_match'), { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  try {
    const db = client.db();
    await ensureCollections(db);
    const rt = { db };
    const catalog = new Catalog({
      seed: DEFAULT_SETTINGS.seed,
      productsPerMarket: PER_MARKET,
      crossMarketShare: DEFAULT_SETTINGS.crossMarketShare,
    });
    const predicted: string[] = [];
    const truth: string[] = [];
    const started = Date.now();
    // Market after market, as scrapers find them: an item already stored is what later pages match.
    for (const market of MARKET_CODES) {
      for (let from = 0; from < PER_MARKET; from += BATCH) {
        const products = Array.from({ length: Math.min(BATCH, PER_MARKET - from) }, (_, i) => catalog.product(market, from + i));
        const listings = products.map((product) => realisticListing(product, market));
        const { productIds, counts } = await upsertListings(rt, listings, DEFAULT_MARGIN_RULES);
        const refused = Object.entries(counts.skipped);
        if (refused.length > 0) throw new Error(`the store refused listings: ${JSON.stringify(counts.skipped)}`);
        productIds.forEach((id, i) => {
          predicted.push(id!);
          truth.push(truthOf(products[i]!));
        });
      }
      console.log(
        `  ${market}: ${predicted.length.toLocaleString('en')} listings written (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    const score = matchScore(predicted, truth);
    // Which identity made the wrong merges: a product id's prefix says what it was matched on.
    const wrongBy: Record<string, number> = {};
    const itemsOf = new Map<string, Set<string>>();
    predicted.forEach((id, i) => itemsOf.set(id, (itemsOf.get(id) ?? new Set()).add(truth[i]!)));
    for (const [id, items] of itemsOf) {
      const kind = id.split('-')[0]!;
      if (items.size > 1) wrongBy[kind] = (wrongBy[kind] ?? 0) + 1;
    }
    const round = (n: number) => Math.round(n * 10_000) / 10_000;
    console.log(
      `precision ${round(score.precision)} (target 0.99), recall ${round(score.recall)} (target 0.9): ${score.rightPairs.toLocaleString('en')} right of ${score.predictedPairs.toLocaleString('en')} pairs put together, ${score.truePairs.toLocaleString('en')} true pairs`,
    );
    console.log(`products holding several items, by what matched them: ${JSON.stringify(wrongBy)}`);
    return {
      per_market: PER_MARKET,
      listings: predicted.length,
      products: itemsOf.size,
      gtin_share: GTIN_SHARE,
      amazon_share: AMAZON_SHARE,
      mpn_share: MPN_SHARE,
      model_in_title_share: MODEL_IN_TITLE_SHARE,
      precision: round(score.precision),
      recall: round(score.recall),
      right_pairs: score.rightPairs,
      predicted_pairs: score.predictedPairs,
      true_pairs: score.truePairs,
      wrong_products_by_identity: wrongBy,
    };
  } finally {
    await client.close();
  }
});
