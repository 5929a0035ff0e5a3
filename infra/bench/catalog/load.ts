// `npm run catalog:load -- --count 1000000 [--market it] [--market fr]`: fills the products
// collection of MONGO_URL with the simulator's realistic products (all four markets in turn by
// default), with a progress bar on stderr. Interrupted, the same command resumes where it stopped.
import { parseArgs } from 'node:util';
import { connectMongo, databaseOf } from '../../../src/server/platform/db';
import { MARKET_CODES, MarketCode } from '../../../src/common/markets';
import { loadCatalog, progressReporter } from './catalog-loader';
import { ensureCollections } from '../../../src/server/collections';

const USAGE = 'usage: npm run catalog:load -- [--count 1000000] [--market it|fr|de|es ...]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(64); // EX_USAGE
}

function parseLoadArgs(args: readonly string[]): { count: number; markets: MarketCode[] } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { count: { type: 'string', default: '1000000' }, market: { type: 'string', multiple: true } },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 40_000_000)
    fail(`--count expects a whole number from 1 to 40,000,000, got ${values.count}`);
  const markets = (values.market ?? [...MARKET_CODES]).map((m) => {
    const parsed = MarketCode.safeParse(m);
    return parsed.success ? parsed.data : fail(`--market expects one of ${MARKET_CODES.join(', ')}, got ${m}`);
  });
  return { count, markets: [...new Set(markets)] };
}

async function main(): Promise<void> {
  const { count, markets } = parseLoadArgs(process.argv.slice(2));
  // Only MongoDB is needed: not the app's whole configuration, whose Redis this never uses.
  const url = process.env['MONGO_URL'];
  if (!url) fail('MONGO_URL is not set: the database to load the products into');
  const mongo = await connectMongo({ url, timeoutMs: 10_000, appName: 'catalog-load' }).catch((error: unknown) => {
    console.error(`cannot reach MongoDB at MONGO_URL=${url}: ${(error as Error).message}`);
    process.exit(69); // EX_UNAVAILABLE
  });
  try {
    const db = databaseOf(mongo);
    await ensureCollections(db);
    const result = await loadCatalog(db, count, markets, { onProgress: progressReporter('loading products') });
    console.log(
      `scraped ${result.done.toLocaleString('en')} listings into ${db.databaseName}` +
        (result.resumedAt > 0 ? ` (resumed at listing ${result.resumedAt.toLocaleString('en')}, where the last load stopped)` : '') +
        `: ${result.inserted.toLocaleString('en')} new products` +
        (result.existing > 0 ? `, ${result.existing.toLocaleString('en')} already there` : '') +
        ` in ${result.seconds.toFixed(1)} s, ${Math.round(result.inserted / result.seconds).toLocaleString('en')} products/s`,
    );
  } finally {
    await mongo.close();
  }
}

await main();
