// Scraper worker for one market: `tsx workers/scrapers/main.ts --market it`. One process per
// market, each on its own queue, so a slow or blocked market never holds up the others. At start
// it (re)schedules the market's discovery crawl; the jobs themselves live in src/server/scraping.
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../../src/server/platform/config';
import { MARKET_CODES, isMarketCode } from '../../src/common/markets';
import { scrapeQueue } from '../../src/server/platform/queues';
import { createQueueRedis } from '../../src/server/platform/redis';
import { EVERY_COLLECTION } from '../../src/server/collections';
import { runWorker } from '../../src/server/platform/runtime';
import { SCRAPE_HANDLERS, scheduleDiscovery } from '../../src/server/scraping';

const { values } = parseArgs({ options: { market: { type: 'string' } } });
if (!isMarketCode(values.market)) {
  console.error(`usage: workers/scrapers/main.ts --market <${MARKET_CODES.join('|')}> (got ${values.market ?? 'nothing'})`);
  process.exit(64); // EX_USAGE
}
const market = values.market;

const config = loadConfigOrExit();
const scheduling = createQueueRedis({ url: config.REDIS_URL, timeoutMs: config.REDIS_TIMEOUT_MS, name: `scraper-${market}-schedule` });
try {
  await scheduleDiscovery(scheduling, market, config.SCRAPE_DISCOVERY_INTERVAL_MS);
} finally {
  await scheduling.quit().catch(() => undefined);
}

await runWorker({ collections: EVERY_COLLECTION, name: `scraper-${market}`, queue: scrapeQueue(market), handlers: SCRAPE_HANDLERS });
