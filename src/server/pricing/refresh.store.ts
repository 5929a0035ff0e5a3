// What a refresh stores beside the product (whose offers the catalog writes: writeRefreshedOffers):
// its price history points, with ids derived from the change so a retried job neither duplicates
// history nor loses it (see pricePoints), and the claim that keeps two jobs from calling at once.
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PricePoint } from './price-history.schema';
import type { PriceChange } from './live-price';
import { offerCheckedAt, priceChangeTime } from './freshness';

/**
 * The id of a history point names the change itself: the offer as it was (its check time) and
 * the price it moved to. A job that wrote the history and died before the product update is
 * retried against the same old offer, so it produces the same ids and the insert is a no-op.
 */
export function pricePointId(productId: string, change: PriceChange): string {
  const key = [
    productId,
    change.market,
    offerCheckedAt(change.before).getTime(),
    change.offer.price.amountCents,
    change.offer.shipping?.amountCents ?? 'none',
  ].join('|');
  return `pp_${createHash('sha1').update(key).digest('hex').slice(0, 24)}`;
}

/**
 * The history points of a refresh's price changes. Their time is derived from the change, like
 * their id (priceChangeTime): a retry stamped with its own time would be another document with
 * another shard key ({productId hashed, market, at}), possibly on another shard, where `_id`
 * would not refuse it. Derived, the retry writes the very same document, which lands on the same
 * shard and is refused there as a duplicate. (The refresh only knows that the price moved since
 * that check; when the first attempt saw it dies with that attempt.)
 */
export function pricePoints(productId: string, changes: readonly PriceChange[]): PricePoint[] {
  return changes.map((change) => ({
    _id: pricePointId(productId, change),
    productId,
    market: change.market,
    price: change.offer.price,
    shipping: change.offer.shipping,
    at: priceChangeTime(change.before),
  }));
}

const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Claims the right to call the marketplace for one product. The job id already folds the
 * openings of a product into one job, but an opening's job and a sweep's job (another id) can
 * run at once: the second finds the claim taken and leaves the call, and the publishing, to
 * the first. The claim expires by itself if its holder dies. Null when someone holds it.
 */
const claimKey = (productId: string) => `ds:refresh:claim:${productId}`;

/** Whether a refresh holds the product's claim now. */
export async function refreshInFlight(redis: Redis, productId: string): Promise<boolean> {
  return (await redis.exists(claimKey(productId))) === 1;
}

export async function claimRefresh(redis: Redis, productId: string, ttlMs: number): Promise<(() => Promise<void>) | null> {
  const key = claimKey(productId);
  const token = randomBytes(12).toString('hex');
  if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
  return async () => {
    await redis.eval(RELEASE_IF_OWNER, 1, key, token).catch(() => undefined);
  };
}
