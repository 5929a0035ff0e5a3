// Scraped listings against real MongoDB and Redis: a changed product is priced by the margin
// rules and written through to the product cache; an unchanged one touches neither; a Redis
// outage costs the cache copy, never the batch.
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import { productCacheKey, readCachedProduct, PRODUCTS } from '../../catalog';
import { newId } from '../../../common/ids';
import { MARKET_CODES } from '../../../common/markets';
import { computeSellPrices, DEFAULT_MARGIN_RULES } from '../../pricing';
import { createRedis } from '../../platform/redis';
import { gtinCheckDigitOk, gtinKey } from '../extraction/gtin';
import type { Listing } from '../extraction/listing.schema';
import { listingFixture } from '../extraction/listing.fixture';
import { writeListings, type ListingWriteDeps } from './listing.service';
import { collectionIn } from '../../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('listing-service');
const RULES = DEFAULT_MARGIN_RULES;

/** Nothing listens on port 1: every command fails the way it would with Redis down. */
const deadRedis = createRedis({ url: 'redis://127.0.0.1:1', timeoutMs: 200, name: 'dead' }, { retryStrategy: () => null });
afterAll(() => deadRedis.disconnect());

function deps(overrides: Partial<ListingWriteDeps> = {}): ListingWriteDeps {
  return { db: rt().db, margin: RULES, redis: rt().redis, log: () => undefined, ...overrides };
}

/** A GTIN-13 of its own, so the shared Redis never holds another test file's copy of the product. */
function freshGtin(): string {
  const body = Array.from({ length: 12 }, () => randomInt(10)).join('');
  for (let digit = 0; digit < 10; digit++) if (gtinCheckDigitOk(`${body}${digit}`)) return `${body}${digit}`;
  throw new Error('no check digit');
}

function listing(gtin: string, overrides: Partial<Listing> = {}): Listing {
  const sourceId = `B0${newId(4).toUpperCase()}`;
  return listingFixture({ sourceId, url: `https://www.amazon.it/dp/${sourceId}`, gtin, shippingCents: 490, ...overrides });
}

describe('writeListings', () => {
  it('prices a new product in every selling market by the margin rules, in whole cents, and caches it', async () => {
    const gtin = freshGtin();
    const id = `gtin-${gtinKey(gtin)}`;
    const at = new Date('2026-11-25T10:00:00Z');
    const counts = await writeListings(deps(), [listing(gtin)], at);
    expect(counts).toMatchObject({ inserted: 1, cacheFailures: 0 });

    const stored = await productCollection(rt()).findOne({ _id: id });
    expect(stored).not.toBeNull();
    expect(stored!.sellPrices).toEqual(computeSellPrices(stored!.offers, RULES, at));
    expect(Object.keys(stored!.sellPrices).sort()).toEqual([...MARKET_CODES].sort());
    for (const sell of Object.values(stored!.sellPrices)) {
      expect(Number.isSafeInteger(sell.price.amountCents)).toBe(true);
      // Never below cost: 27,99 € + 4,90 € shipping.
      expect(sell.price.amountCents).toBeGreaterThan(2799 + 490);
    }
    expect(await readCachedProduct(rt().redis, id)).toEqual(stored);
  });

  it('a cheaper offer found in another market moves the selling prices to it', async () => {
    const gtin = freshGtin();
    const id = `gtin-${gtinKey(gtin)}`;
    await writeListings(deps(), [listing(gtin)], new Date('2026-11-25T10:00:00Z'));
    const at = new Date('2026-11-25T10:05:00Z');
    await writeListings(
      deps(),
      [
        listing(gtin, {
          market: 'fr',
          site: 'amazon.fr',
          url: 'https://www.amazon.fr/dp/B0FR000001',
          sourceId: 'B0FR000001',
          priceCents: 2299,
        }),
      ],
      at,
    );

    const stored = (await productCollection(rt()).findOne({ _id: id }))!;
    expect(Object.keys(stored.offers).sort()).toEqual(['fr', 'it']);
    expect(stored.sellPrices).toEqual(computeSellPrices(stored.offers, RULES, at));
    expect(stored.sellPrices.it?.sourceMarket).toBe('fr');
    expect(await readCachedProduct(rt().redis, id)).toEqual(stored);
  });

  it('a price change updates the selling prices and the cached copy', async () => {
    const gtin = freshGtin();
    const id = `gtin-${gtinKey(gtin)}`;
    const first = listing(gtin);
    await writeListings(deps(), [first], new Date('2026-11-25T10:00:00Z'));
    const before = (await productCollection(rt()).findOne({ _id: id }))!;

    const at = new Date('2026-11-25T12:00:00Z');
    const counts = await writeListings(deps(), [{ ...first, priceCents: 3499 }], at);
    expect(counts).toMatchObject({ updated: 1, pricePoints: 1, cacheFailures: 0 });
    const after = (await productCollection(rt()).findOne({ _id: id }))!;
    expect(after.offers.it?.price.amountCents).toBe(3499);
    expect(after.sellPrices).toEqual(computeSellPrices(after.offers, RULES, at));
    expect(after.sellPrices.it!.price.amountCents).toBeGreaterThan(before.sellPrices.it!.price.amountCents);
    expect(after.createdAt).toEqual(before.createdAt);
    expect(await readCachedProduct(rt().redis, id)).toEqual(after);
  });

  it('an unchanged listing writes nothing, to MongoDB or to the cache', async () => {
    const gtin = freshGtin();
    const id = `gtin-${gtinKey(gtin)}`;
    const seen = listing(gtin);
    await writeListings(deps(), [seen], new Date('2026-11-25T10:00:00Z'));
    const stored = await productCollection(rt()).findOne({ _id: id });
    // A marker in place of the copy: any cache write would replace it.
    await rt().redis.set(productCacheKey(id), 'marker');

    const counts = await writeListings(deps(), [seen], new Date('2026-11-25T11:00:00Z'));
    expect(counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, pricePoints: 0, cacheFailures: 0 });
    expect(await productCollection(rt()).findOne({ _id: id })).toEqual(stored);
    expect(await rt().redis.get(productCacheKey(id))).toBe('marker');
    await rt().redis.del(productCacheKey(id));
  });

  it('a Redis outage during the write-through leaves the batch stored, logged and counted', async () => {
    const gtins = [freshGtin(), freshGtin()];
    const lines: string[] = [];
    const at = new Date('2026-11-25T10:00:00Z');
    const counts = await writeListings(
      deps({ redis: deadRedis, log: (line) => lines.push(line) }),
      gtins.map((g) => listing(g)),
      at,
    );

    expect(counts).toMatchObject({ inserted: 2, cacheFailures: 2 });
    expect(lines).toEqual([expect.stringMatching(/^listings: 2 of 2 products stored but not cached/)]);
    for (const gtin of gtins) {
      const stored = await productCollection(rt()).findOne({ _id: `gtin-${gtinKey(gtin)}` });
      expect(stored?.sellPrices).toEqual(computeSellPrices(stored!.offers, RULES, at));
      expect(await readCachedProduct(rt().redis, stored!._id)).toBeNull();
    }
  });
});
