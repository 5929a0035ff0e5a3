// Pushed prices against the run's real MongoDB and Redis: a message is queued only with the right
// signature (a wrong one is 401 and counted), applied as a fresh quote (price, selling prices,
// history, cache), never twice, and never over a newer price however late, doubled or shuffled
// the messages arrive; a signal for an unknown offer is dropped and counted; one without a price
// asks the refresher for it.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTestRuntime } from '../../../infra/local/testing';
import type { Offer, Product } from '../catalog';
import { readCachedProduct, upsertProduct, findProduct } from '../catalog';
import { testOffer, testProduct } from '../catalog/offer.fixture';
import { computeSellPrices, DEFAULT_MARGIN_RULES, priceHistoryOf, REFRESH_PRODUCT_JOB, refreshQueue } from '../pricing';
import { MARKETS } from '../../common/markets';
import { newId } from '../../common/ids';
import { applyPriceSignal, PRICE_SIGNAL_JOB, receiveSignal, signalStats } from './signal.service';
import { PriceSignal, readSignal } from './signal-formats';
import { openProductPage } from '../product-page';
import { signBody } from './signal-signature';

const rt = useTestRuntime('signals');
const SECRET = 'test-signal-secret-0123456789abcdef';
const deps = () => ({
  config: { ...rt().config, SIGNAL_SECRET_SP_API: SECRET, SIGNAL_SECRET_EBAY: SECRET },
  db: rt().db,
  redis: rt().redis,
  queue: refreshQueue(rt()),
});
afterAll(async () => {
  await refreshQueue(rt())
    .obliterate({ force: true })
    .catch(() => undefined);
  await refreshQueue(rt()).close();
});

// An hour ago: scraped then, so that only what a test pushes makes a price young.
const at = new Date(Date.now() - 3_600_000);

async function seedProduct(asin: string, priceCents = 2_000): Promise<Product> {
  const offer: Offer = {
    ...testOffer(priceCents, 0, 'in_stock', at),
    site: 'amazon.de',
    sourceId: asin,
    url: `https://www.amazon.de/dp/${asin}`,
  };
  const offers = { de: offer };
  const product = testProduct(`p_${newId(8)}`, offers, computeSellPrices(offers, DEFAULT_MARGIN_RULES, at), at);

  await upsertProduct(rt(), product);
  return product;
}

const asinOf = () =>
  `B0${newId(8)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')
    .slice(0, 8)}`;

/** An ANY_OFFER_CHANGED notification as Amazon writes it, with the buy box at `priceCents`. */
function anyOfferChanged(asin: string, priceCents: number, changedAt: Date, id = newId(12)) {
  const price = { Amount: priceCents / 100, CurrencyCode: 'EUR' };
  return {
    NotificationVersion: '1.0',
    NotificationType: 'ANY_OFFER_CHANGED',
    PayloadVersion: '1.0',
    EventTime: changedAt.toISOString(),
    Payload: {
      AnyOfferChangedNotification: {
        SellerId: 'A2SELLER',
        OfferChangeTrigger: {
          MarketplaceId: MARKETS.de.amazonMarketplaceId,
          ASIN: asin,
          ItemCondition: 'new',
          TimeOfOfferChange: changedAt.toISOString(),
          OfferChangeType: 'External',
        },
        Summary: {
          NumberOfOffers: [{ Condition: 'new', FulfillmentChannel: 'Merchant', OfferCount: 3 }],
          BuyBoxPrices: [{ Condition: 'New', LandedPrice: price, ListingPrice: price, Shipping: { Amount: 0, CurrencyCode: 'EUR' } }],
        },
      },
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sellerapps.app.x',
      SubscriptionId: 's1',
      PublishTime: changedAt.toISOString(),
      NotificationId: id,
    },
  };
}

const readSignalOf = (body: string) => readSignal('sp-api', JSON.parse(body));

const signalOf = (asin: string, priceCents: number, changedAt: Date, id = newId(12)): PriceSignal => ({
  id,
  source: 'sp-api',
  market: 'de',
  sourceId: asin,
  offerAt: changedAt.toISOString(),
  quote: { priceCents, shippingCents: 0, availability: 'in_stock' },
});

describe('the signal intake', () => {
  it('queues a message only with the signature of its exact body, and counts what it refused', async () => {
    const fates = async () => (await signalStats(rt().redis)).find((s) => s.source === 'sp-api')!.fates;
    const before = await fates();
    const body = JSON.stringify(anyOfferChanged(asinOf(), 1_999, at));
    expect(await receiveSignal(deps(), 'sp-api', body, undefined)).toMatchObject({ status: 401 });
    expect(await receiveSignal(deps(), 'sp-api', body, signBody('another key, just as long as ours', body))).toMatchObject({ status: 401 });
    expect(await receiveSignal(deps(), 'sp-api', `${body} `, signBody(SECRET, body))).toMatchObject({ status: 401 });
    expect(await receiveSignal(deps(), 'ebay', body, signBody(SECRET, body))).toMatchObject({
      status: 400,
      message: expect.stringContaining('not an ITEM_PRICE_REVISION notification'),
    });
    expect(await receiveSignal(deps(), 'nowhere', body, signBody(SECRET, body))).toMatchObject({ status: 404 });
    expect(await receiveSignal({ ...deps(), config: rt().config }, 'sp-api', body, signBody(SECRET, body))).toMatchObject({ status: 404 });

    const accepted = await receiveSignal(deps(), 'sp-api', body, signBody(SECRET, body));
    expect(accepted).toMatchObject({ status: 202 });
    const jobs = await refreshQueue(rt()).getJobs(['prioritized', 'waiting']);
    const job = jobs.find((j) => j.name === PRICE_SIGNAL_JOB && j.data.id === (accepted as { id: string }).id);
    expect(PriceSignal.parse(job?.data)).toMatchObject({ market: 'de', quote: { priceCents: 1_999 } });
    const after = await fates();
    expect((after['bad-signature'] ?? 0) - (before['bad-signature'] ?? 0)).toBe(3);
    expect((after.received ?? 0) - (before.received ?? 0)).toBe(1);
  });

  it('applies a signal as a fresh quote: price, selling price, history and cache, once', async () => {
    const asin = asinOf();
    const product = await seedProduct(asin, 2_000);
    const signal = signalOf(asin, 1_750, new Date(at.getTime() + 60_000));
    expect(await applyPriceSignal(deps(), signal)).toBe('applied');
    const stored = await findProduct(rt(), product._id);
    expect(stored?.offers.de).toMatchObject({ price: { amountCents: 1_750 }, refreshedFrom: 'sp-api', quotedAt: new Date(signal.offerAt) });
    expect(stored?.sellPrices.de?.price.amountCents).not.toBe(product.sellPrices.de?.price.amountCents);
    expect((await readCachedProduct(rt().redis, product._id))?.offers.de?.price.amountCents).toBe(1_750);
    expect((await priceHistoryOf(rt(), product._id, ['de'])).map((p) => p.price.amountCents)).toContain(1_750);
    // Delivered again: counted, nothing written twice.
    expect(await applyPriceSignal(deps(), signal)).toBe('duplicate');
    const stats = (await signalStats(rt().redis)).find((s) => s.source === 'sp-api')!;
    expect(stats.fates.duplicate).toBeGreaterThanOrEqual(1);
    expect(stats.meanLagMs).not.toBeNull();
  });

  it('keeps a pushed price fresh while its channel is heard from, and asks the marketplace once it falls silent', async () => {
    const asin = asinOf();
    const product = await seedProduct(asin, 2_000);
    const body = JSON.stringify(anyOfferChanged(asin, 1_890, new Date(Date.now() - 1_000)));
    expect(await receiveSignal(deps(), 'sp-api', body, signBody(SECRET, body))).toMatchObject({ status: 202 });
    expect(await applyPriceSignal(deps(), PriceSignal.parse(JSON.parse(JSON.stringify(readSignalOf(body)))))).toBe('applied');
    // Five minutes on, past PRICE_FRESH_MS: no news from a live channel is news that nothing changed.
    const later = new Date(Date.now() + 5 * 60_000);
    const page = await openProductPage(rt(), product._id, 'de', later);
    expect(page).toMatchObject({ state: 'fresh', refreshEnqueued: false });
    // The channel falls silent (no message within SIGNAL_SILENCE_MS): the price is old again.
    await rt().redis.del('ds:signals:alive:sp-api');
    expect(await openProductPage(rt(), product._id, 'de', later)).toMatchObject({ state: 'refreshing', refreshEnqueued: true });
  });

  it('drops and counts a signal for an offer we do not have; one without a price asks the refresher', async () => {
    expect(await applyPriceSignal(deps(), signalOf(asinOf(), 999, at))).toBe('unknown-product');
    const asin = asinOf();
    const product = await seedProduct(asin);
    expect(await applyPriceSignal(deps(), { ...signalOf(asin, 0, at), quote: null })).toBe('pull-asked');
    const job = await refreshQueue(rt()).getJob(`signal-${product._id}`);
    expect(job?.name).toBe(REFRESH_PRODUCT_JOB);
    expect(job?.data).toMatchObject({ productId: product._id, cause: 'signal', maxAgeMs: 0 });
  });

  it('never lets an older price replace a newer one, however late, doubled or shuffled the messages come', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 16 }),
        async (offsets, order) => {
          const asin = asinOf();
          const product = await seedProduct(asin, 5_000);
          const signals = offsets.map((offset, i) => signalOf(asin, 1_000 + i * 7, new Date(at.getTime() + 1_000 + offset * 1_000)));
          // Every message at least once, some twice, in an arbitrary order.
          const deliveries = [...signals, ...order.map((n) => signals[n % signals.length]!)].sort(
            (a, b) => (order[signals.indexOf(a) % order.length] ?? 0) - (order[signals.indexOf(b) % order.length] ?? 0),
          );
          await Promise.all(deliveries.map((s) => applyPriceSignal(deps(), s)));
          const newest = signals.reduce((a, b) => (a.offerAt > b.offerAt ? a : b));
          const stored = await findProduct(rt(), product._id);
          expect(stored?.offers.de?.price.amountCents).toBe(newest.quote!.priceCents);
          expect(stored?.offers.de?.quotedAt).toEqual(new Date(newest.offerAt));
        },
      ),
      { numRuns: 15 },
    );
  });
});
