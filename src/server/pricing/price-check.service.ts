// Checking prices at their source before a sale. Adding to the cart and placing an order refresh
// every price older than the freshness window through the refresher's queue, with the job a page
// opening enqueues (job id = product id: a shopper checking out and the shoppers opening the page
// share one marketplace call, within the refresher's REFRESH_BUDGET_MS), and wait for its outcome
// on the product's price channel, as the open page does, for at most PRICE_CHECK_WAIT_MS. Past
// that, or when the refresh fails, the sale goes on with the last known price, which the floor
// check of the margin engine still guards.
import type { Product } from '../catalog';
import type { MarketCode } from '../../common/markets';
import type { Runtime } from '../platform/runtime';
import { priceAge, refreshStillNeeded } from './freshness';
import { priceEventHub } from './live-price.store';
import { enqueueRefresh, refreshQueue } from './refresh.queue';
import { freshnessPolicy } from './refresh.service';

/** The products whose price in `market` was not checked at the source within the window. */
function pricesToCheck(products: readonly Product[], market: MarketCode, freshForMs: number, now: Date): Product[] {
  return products.filter((product) => {
    // A stopped product is not sold: nothing to check.
    if (product.salesStop) return false;
    const age = priceAge(product, market, now);
    return age !== null && refreshStillNeeded(age.ageMs, freshForMs);
  });
}

/**
 * Refreshes the stale prices among `products` and waits for the outcomes; the ids whose refresh
 * reported back (fresh or failed) in time, for the caller to read again.
 */
export async function checkPricesAtSource(
  rt: Runtime,
  products: readonly Product[],
  market: MarketCode,
  now = new Date(),
): Promise<ReadonlySet<string>> {
  const policy = freshnessPolicy(rt.config);
  const due = pricesToCheck(products, market, policy.freshForMs, now);
  const reported = new Set<string>();
  if (due.length === 0) return reported;
  const hub = priceEventHub(rt);
  const stops: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    // Listening before enqueueing: an outcome published in between is not missed.
    const outcomes: Promise<void>[] = [];
    await Promise.all(
      due.map(async (product) => {
        let heard!: () => void;
        outcomes.push(new Promise<void>((resolve) => (heard = resolve)));
        stops.push(
          await hub.listen(product._id, () => {
            reported.add(product._id);
            heard();
          }),
        );
      }),
    );
    const queue = refreshQueue(rt);
    await Promise.all(
      due.map((product) => enqueueRefresh(queue, { productId: product._id, maxAgeMs: policy.freshForMs, cause: 'opening' })),
    );
    await Promise.race([
      Promise.all(outcomes),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, rt.config.PRICE_CHECK_WAIT_MS))),
    ]);
  } catch (error) {
    // No Redis to queue on or listen with: the sale goes on with the known price, floor-checked.
    console.error(`price check: could not refresh ${due.map((p) => p._id).join(', ')}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    for (const stop of stops) stop();
  }
  return reported;
}
