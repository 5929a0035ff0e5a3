// The scrape runs collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn } from '../../platform/db';
import { ScrapeRun } from './scrape-run.schema';

export const SCRAPE_RUNS = collection({
  name: 'scrape_runs',
  schema: ScrapeRun,
  indexes: [{ name: 'market_started', key: { market: 1, startedAt: -1 } }],
  shardKey: { _id: 'hashed' },
  shardKeyReason: 'few writes; the operations page reads recent runs of every market at once',
});

export const scrapeRunCollection = collectionIn(SCRAPE_RUNS);
