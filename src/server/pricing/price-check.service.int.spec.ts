// Prices checked at their source on the way to an order, against the simulator's marketplace and
// a refresher worker on real MongoDB and Redis: adding to the cart and placing the order refresh a
// stale price through the refresher's queue and wait for it; a change goes back to the shopper to
// accept; shoppers adding one stale product at once share one marketplace call; with no refresher
// answering, the sale goes on with the last known price once PRICE_CHECK_WAIT_MS has passed.
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { marketplaceEnv } from '../../../infra/local/platform';
import { TEST_REDIS_DB, useTestRuntime } from '../../../infra/local/testing';
import { useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import {
  offerCallCount,
  patchSimProduct,
  simListing,
  simProductInfo,
  type SimProductInfo,
} from '../../../infra/marketplace-simulator/sim-products';
import { addToCart, newCartId } from '../cart';
import { cacheProduct, upsertProduct, type Product, PRODUCTS } from '../catalog';
import { CheckoutInput, checkoutInputFromForm, placeOrder } from '../checkout';
import { newId } from '../../common/ids';
import type { MarketCode } from '../../common/markets';
import { eur } from '../../common/money';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import { createQueueRedis } from '../platform/redis';
import type { Runtime } from '../platform/runtime';
import { scrapeDeps, scrapeProducts } from '../scraping';
import { closePriceEventHub } from './live-price.store';
import { bestBuy, marginRules, sellPriceFor } from './margin';
import { REFRESH_HANDLERS } from './refresh.jobs';
import { refreshQueue } from './refresh.queue';
import { ORDERS } from '../orders';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const orderCollection = collectionIn(ORDERS);
const productCollection = collectionIn(PRODUCTS);

const { sim } = useSimulator();
// A generous wait: the test waits on the refresh's event, the setting only caps a lost one.
const rt = useTestRuntime('price-check', {
  redisDb: TEST_REDIS_DB.priceCheck,
  env: () => ({ ...marketplaceEnv(sim().urls), PRICE_CHECK_WAIT_MS: '10000' }),
});

afterAll(async () => {
  closePriceEventHub(rt());
  await refreshQueue(rt()).close();
});

let nextIndex = 0;
const TWO_MINUTES_AGO = () => new Date(Date.now() - 120_000);

/** A simulator product of `market` in stock, stored as scraped two minutes ago: its price is stale. */
async function staleProduct(market: MarketCode): Promise<{ info: SimProductInfo; product: Product }> {
  let info = await simProductInfo(sim().controlUrl, market, nextIndex++);
  while (info.availability !== 'in_stock') info = await simProductInfo(sim().controlUrl, market, nextIndex++);
  const [product] = await scrapeProducts(scrapeDeps(rt()), [simListing(info)], TWO_MINUTES_AGO());
  return { info, product: product! };
}

/** What the pricing asks in `sellMarket` for the offer of `info` at this price. */
function computedPrice(info: SimProductInfo, priceCents: number, sellMarket: MarketCode): number {
  return sellPriceFor({ price: eur(priceCents), shipping: eur(info.shippingCents) }, info.market, sellMarket, marginRules(rt().config))!
    .sellGrossCents;
}

/** Runs `body` with a refresher taking the file's refresh jobs, as workers/refresher does. */
async function withRefresher<T>(body: () => Promise<T>): Promise<T> {
  const connection = createQueueRedis({ url: rt().config.REDIS_URL, timeoutMs: 3000 });
  const worker = new Worker(QUEUES.refresh, (job) => REFRESH_HANDLERS[job.name]!(job, rt()), {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency: 8,
  });
  try {
    await worker.waitUntilReady();
    return await body();
  } finally {
    await worker.close();
    await connection.quit();
  }
}

function checkoutForm(market: MarketCode) {
  return CheckoutInput.parse(
    checkoutInputFromForm(market, {
      idempotencyKey: newId(20),
      email: `shopper-${newId(6)}@example.com`,
      name: 'Anna Rossi',
      phone: '+39 333 1234567',
      line1: 'Via Roma 1',
      postalCode: { it: '00184', fr: '75008', de: '10115', es: '28013' }[market],
      city: 'Roma',
      paymentMethod: 'cash_on_delivery',
    }),
  );
}

describe('prices checked at their source on the way to an order', () => {
  it('adding a stale price to the cart refreshes it first, and the line takes the new price', async () => {
    const { info, product } = await staleProduct('de');
    await patchSimProduct(sim().controlUrl, 'de', info.sourceId, { priceCents: info.priceCents + 500 });
    const calls = await offerCallCount(sim().controlUrl, 'de', info.sourceId);

    const added = await withRefresher(() => addToCart(rt(), newCartId(), 'it', product._id, 1));
    if (!added.ok) throw new Error(added.reason);
    // Bought in Germany, sold in Italy: the shipping abroad and the fees are in the price.
    expect(added.cart.lines[0]).toMatchObject({
      unitCents: computedPrice(info, info.priceCents + 500, 'it'),
      priceChanged: false,
      status: 'ok',
    });
    expect(added.cart.lines[0]!.unitCents).toBeGreaterThan(product.sellPrices.it!.price.amountCents);
    expect(await offerCallCount(sim().controlUrl, 'de', info.sourceId)).toBe(calls + 1);
  });

  it('placing the order checks again: a change goes back to the shopper, the accepted price passes the purchase check', async () => {
    const { info, product } = await staleProduct('fr');
    const cartId = newCartId();
    await withRefresher(async () => {
      const added = await addToCart(rt(), cartId, 'es', product._id, 2);
      if (!added.ok) throw new Error(added.reason);
      const addedCents = added.cart.lines[0]!.unitCents;

      // Time passes (the price checked at the cart is two minutes old) and the source moves.
      const stored = (await productCollection(rt()).findOne({ _id: product._id }))!;
      const aged: Product = { ...stored, offers: { fr: { ...stored.offers.fr!, lastRefreshedAt: TWO_MINUTES_AGO() } } };
      await upsertProduct(rt(), aged);
      await cacheProduct(rt().redis, aged);
      await patchSimProduct(sim().controlUrl, 'fr', info.sourceId, { priceCents: info.priceCents + 900 });
      const calls = await offerCallCount(sim().controlUrl, 'fr', info.sourceId);

      const form = checkoutForm('es');
      const newCents = computedPrice(info, info.priceCents + 900, 'es');
      const refused = await placeOrder(rt(), cartId, form);
      expect(refused).toMatchObject({
        ok: false,
        reason: 'prices_changed',
        lines: [{ productId: product._id, addedUnitCents: addedCents, unitCents: newCents }],
      });
      expect(await offerCallCount(sim().controlUrl, 'fr', info.sourceId)).toBe(calls + 1);

      const placed = await placeOrder(rt(), cartId, { ...form, acceptedPrices: { [product._id]: newCents } });
      if (!placed.ok) throw new Error(placed.reason);
      // Checked a moment ago: the second submit makes no marketplace call.
      expect(await offerCallCount(sim().controlUrl, 'fr', info.sourceId)).toBe(calls + 1);
      const order = (await orderCollection(rt()).findOne({ _id: placed.order.orderId }))!;
      const line = order.lines[0]!;
      expect(line).toMatchObject({ quantity: 2, unitPrice: { amountCents: newCents } });
      const current = (await productCollection(rt()).findOne({ _id: product._id }))!;
      expect(
        bestBuy(current.offers, { sellMarket: 'es', sellGrossCents: line.total.amountCents, quantity: 2 }, marginRules(rt().config)),
      ).toMatchObject({ buyMarket: 'fr', meetsFloor: true });
    });
  });

  it('shoppers adding one stale product at once share one marketplace call (the job id is the product id)', async () => {
    const { info, product } = await staleProduct('it');
    // A realistic answer time, so the adds arrive while the refresh is in flight.
    await patchSimProduct(sim().controlUrl, 'it', info.sourceId, {
      priceCents: info.priceCents + 200,
      faults: { routes: ['offer'], latency: { medianMs: 300, p99Ms: 300 } },
    });
    const calls = await offerCallCount(sim().controlUrl, 'it', info.sourceId);
    const results = await withRefresher(() =>
      Promise.all(Array.from({ length: 5 }, () => addToCart(rt(), newCartId(), 'fr', product._id, 1))),
    );
    const expected = computedPrice(info, info.priceCents + 200, 'fr');
    expect(results.map((r) => (r.ok ? r.cart.lines[0]!.unitCents : r.reason))).toEqual(Array(5).fill(expected));
    expect(await offerCallCount(sim().controlUrl, 'it', info.sourceId)).toBe(calls + 1);
  });

  it('with no refresher answering, the sale goes on with the last known price after the wait', async () => {
    const { product } = await staleProduct('es');
    const waitingBriefly: Runtime = { ...rt(), config: { ...rt().config, PRICE_CHECK_WAIT_MS: 50 } };
    try {
      const added = await addToCart(waitingBriefly, newCartId(), 'es', product._id, 1);
      if (!added.ok) throw new Error(added.reason);
      expect(added.cart.lines[0]!.unitCents).toBe(product.sellPrices.es!.price.amountCents);
      // The job waits in the queue for the refresher, as a page opening's would.
      expect((await refreshQueue(rt()).getJob(product._id))?.data).toEqual({
        productId: product._id,
        maxAgeMs: rt().config.PRICE_FRESH_MS,
        cause: 'opening',
      });
    } finally {
      closePriceEventHub(waitingBriefly);
      await refreshQueue(waitingBriefly).close();
    }
  });
});
