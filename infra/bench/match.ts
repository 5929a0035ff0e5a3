// Cross-market matching benchmark (`npm run bench:match`): the simulator's catalog, whose world
// products are the truth of which listings are one item, is written through the listing store
// with identifiers shown the way real shops show them, and the products the store makes are
// scored pair by pair (match-score.ts). Then each product is read in the other markets'
// languages, as the translator stores it, and looked up there for twins no identifier joined
// (src/server/matching): the pairs found are scored against the truth at each score, to say
// from which score merging without an agent keeps precision at 0.99 (MATCH_AUTO_MERGE_SCORE)
// and what recall agents reach by confirming the pairs shown to them. Prints a readable
// summary; the last line is one JSON object.
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
import { Catalog, type SimProduct } from '../marketplace-simulator/catalog-generator';
import { DEFAULT_SETTINGS } from '../marketplace-simulator/simulator-settings';
import { hashKey, SeededRandom } from '../marketplace-simulator/seeded-random';
import { simCatalogListing } from '../marketplace-simulator/sim-products';
import { translate } from '../marketplace-simulator/translation';
import { startMongo } from '../local/mongo';
import { startRedis } from '../local/redis';
import { benchOnOwnServices, positiveInt } from './bench-support';
import { matchScore } from './match-score';
import { MARKET_CODES, MARKETS, type MarketCode } from '../../src/common/markets';
import { marketsToTranslate, originalText, PRODUCTS, replaceProductIfUnchanged, withText } from '../../src/server/catalog';
import { findTwins, MATCH_CANDIDATES, REVIEW_SCORE, type MatchCandidate } from '../../src/server/matching';
import { parseConfig } from '../../src/server/platform/config';
import { collectionIn, withDatabase } from '../../src/server/platform/db';
import { openRuntime, type Runtime } from '../../src/server/platform/runtime';
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

/** Scores from which pairs are counted as merged: from the review page's floor up to a perfect score. */
const THRESHOLDS = [REVIEW_SCORE, 0.93, 0.95, 0.97, 0.99, 1];

/**
 * The translator's work on every product, as the translator worker stores it: a title for each
 * market it sells in without a page there. The simulator's translation is what its DeepL
 * stand-in answers, called here directly: the worker's HTTP round trip measures nothing here.
 */
async function translateCatalog(rt: Runtime): Promise<string[]> {
  const ids: string[] = [];
  for await (const product of collectionIn(PRODUCTS)(rt).find({}).sort({ _id: 1 })) {
    let translated = product;
    for (const market of marketsToTranslate(product)) {
      const original = originalText(translated, market)!;
      const { text: title } = translate(original.title, original.language, MARKETS[market].language);
      translated = withText(
        translated,
        market,
        { title, description: null, language: MARKETS[market].language, origin: 'translation', at: new Date() },
        new Date(),
      );
    }
    if (translated !== product && !(await replaceProductIfUnchanged(rt, product, translated)))
      throw new Error(`${product._id} changed under the bench`);
    ids.push(product._id);
  }
  return ids;
}

/** Product ids joined by the pairs at or above `threshold`: each product's group, by its smallest member. */
function groupsAt(pairs: readonly MatchCandidate[], threshold: number): (id: string) => string {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    const up = parent.get(id);
    if (up === undefined || up === id) return id;
    const top = root(up);
    parent.set(id, top);
    return top;
  };
  for (const pair of pairs) {
    if (pair.score < threshold) continue;
    const [a, b] = pair.productIds.map(root) as [string, string];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return root;
}

await benchOnOwnServices('bench-match', async (services, logDir) => {
  console.log(
    `matching benchmark: ${PER_MARKET.toLocaleString('en')} products per market; GTIN on ${GTIN_SHARE}, Amazon-like stores ${AMAZON_SHARE}, brand and part number on ${MPN_SHARE}, the model in the title on ${MODEL_IN_TITLE_SHARE} of pages`,
  );
  const mongo = services.add(await startMongo({ dbName: 'bench', cacheSize: '1G', durable: false, logDir }));
  const redis = services.add(await startRedis(logDir));
  // Nothing merged without an agent: the bench scores the pairs, and says where merging at once would be safe.
  const rt = await openRuntime(
    parseConfig({
      NODE_ENV: 'production',
      MONGO_URL: withDatabase(mongo.url, 'bench_match'),
      REDIS_URL: redis.url,
      MATCH_AUTO_MERGE_SCORE: '1.01',
    }),
    'bench-match',
  );
  try {
    await ensureCollections(rt.db);
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
      `identifiers: precision ${round(score.precision)} (target 0.99), recall ${round(score.recall)} (target 0.9): ${score.rightPairs.toLocaleString('en')} right of ${score.predictedPairs.toLocaleString('en')} pairs put together, ${score.truePairs.toLocaleString('en')} true pairs`,
    );
    console.log(`products holding several items, by what matched them: ${JSON.stringify(wrongBy)}`);

    // Candidates: each product read in the other markets' languages, then looked up there.
    const matchStarted = Date.now();
    const ids = await translateCatalog(rt);
    console.log(`  translated ${ids.length.toLocaleString('en')} products (${((Date.now() - matchStarted) / 1000).toFixed(1)} s)`);
    for (const [i, id] of ids.entries()) {
      await findTwins(rt, id);
      if ((i + 1) % 5_000 === 0)
        console.log(`  looked up ${(i + 1).toLocaleString('en')} products (${((Date.now() - matchStarted) / 1000).toFixed(1)} s)`);
    }
    const lookupMs = (Date.now() - matchStarted) / ids.length;
    const pairs = await collectionIn(MATCH_CANDIDATES)(rt).find({}).toArray();
    const itemOf = (id: string) => {
      const items = itemsOf.get(id);
      return items && items.size === 1 ? [...items][0]! : null;
    };
    const isRight = (pair: MatchCandidate) =>
      itemOf(pair.productIds[0]) !== null && itemOf(pair.productIds[0]) === itemOf(pair.productIds[1]);
    const byThreshold = THRESHOLDS.map((threshold) => {
      const above = pairs.filter((p) => p.score >= threshold);
      const right = above.filter(isRight).length;
      const merged = matchScore(predicted.map(groupsAt(pairs, threshold)), truth);
      // Agents shown the pairs from this score up, confirming the right ones and rejecting the rest.
      const reviewed = matchScore(predicted.map(groupsAt(pairs.filter(isRight), threshold)), truth);
      return {
        threshold,
        pairs: above.length,
        pair_precision: round(above.length === 0 ? 1 : right / above.length),
        precision: round(merged.precision),
        recall: round(merged.recall),
        reviewed_recall: round(reviewed.recall),
      };
    });
    console.log(
      `candidate pairs: ${pairs.length.toLocaleString('en')} from ${REVIEW_SCORE} up, ${lookupMs.toFixed(1)} ms per product (translation and look-up)`,
    );
    console.log('  the pairs from a score up, merged at once or confirmed by agents (precision 1 if they judge right):');
    for (const row of byThreshold)
      console.log(
        `    from ${row.threshold.toFixed(2)}: ${row.pairs.toLocaleString('en')} pairs, ${row.pair_precision} of them right; merged at once: precision ${row.precision}, recall ${row.recall}; reviewed by agents: recall ${row.reviewed_recall}`,
      );
    const safe = byThreshold.find((row) => row.precision >= 0.99);
    console.log(
      safe
        ? `lowest score keeping precision at 0.99: ${safe.threshold} (recall ${safe.recall}); MATCH_AUTO_MERGE_SCORE below it is not safe`
        : 'no score keeps precision at 0.99: merge only what agents confirm',
    );
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
      candidate_pairs: pairs.length,
      candidate_ms_per_product: Math.round(lookupMs * 10) / 10,
      candidates_by_score: byThreshold,
      safe_auto_merge_score: safe?.threshold ?? null,
    };
  } finally {
    await rt.close();
  }
});
