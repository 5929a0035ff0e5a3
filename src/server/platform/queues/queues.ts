// Every BullMQ queue, declared once. The braces make the prefix a Redis Cluster hash tag,
// so each queue's keys land in one slot when Redis becomes a cluster.
import { MARKET_CODES, type MarketCode } from '../../../common/markets';

export const QUEUE_PREFIX = '{ds}';

export const QUEUES = {
  /** Live price refresh of one product; high priority when a shopper is waiting. */
  refresh: 'refresh',
  /** Paid orders to buy from the best source. */
  purchase: 'purchase',
  /** Effects recorded in the outbox, drained idempotently. */
  outbox: 'outbox',
  /** A product's title and description translated for one market, once. */
  translate: 'translate',
} as const;

export function scrapeQueue(market: MarketCode): `scrape-${MarketCode}` {
  return `scrape-${market}`;
}

export const ALL_QUEUES: readonly string[] = [...Object.values(QUEUES), ...MARKET_CODES.map(scrapeQueue)];
