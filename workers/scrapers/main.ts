// Scraper worker for one market: `tsx workers/scrapers/main.ts --market it`. One process per
// market, each on its own queue, so a slow or blocked market never holds up the others.
import { parseArgs } from 'node:util';
import { MARKET_CODES, isMarketCode } from '../../src/server/markets';
import { scrapeQueue } from '../../src/server/queues';
import { runWorker } from '../../src/server/runtime';
import { SCRAPE_HANDLERS } from '../../src/server/scraping';

const { values } = parseArgs({ options: { market: { type: 'string' } } });
if (!isMarketCode(values.market)) {
  console.error(`usage: workers/scrapers/main.ts --market <${MARKET_CODES.join('|')}> (got ${values.market ?? 'nothing'})`);
  process.exit(64); // EX_USAGE
}

await runWorker({ name: `scraper-${values.market}`, queue: scrapeQueue(values.market), handlers: SCRAPE_HANDLERS });
