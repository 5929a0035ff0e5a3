import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import type { Collection } from 'mongodb';
import type { Product } from '../../catalog';
import type { DbHandle } from '../../platform/db';
import type { Listing } from '../extraction/listing.schema';
import { computeSellPrices, DEFAULT_MARGIN_RULES, PRICE_HISTORY } from '../../pricing';
import { listingFixture } from '../extraction/listing.fixture';
import { upsertListings } from './listing.store';
import { PRODUCTS } from '../../catalog';
import { collectionIn } from '../../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const priceHistoryCollection = collectionIn(PRICE_HISTORY);
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('listing-store');
const RULES = DEFAULT_MARGIN_RULES;
const upsert = async (listings: Listing[], now?: Date) => (await upsertListings(rt(), listings, RULES, now)).counts;

const listing = listingFixture;

describe('upsertListings', () => {
  it('one product per GTIN with one offer per market; a second crawl writes nothing and duplicates nothing', async () => {
    const products = productCollection(rt()),
      priceHistory = priceHistoryCollection(rt());
    const it1 = listing();
    const fr1 = listing({
      market: 'fr',
      site: 'amazon.fr',
      url: 'https://www.amazon.fr/dp/B000CMAGOK',
      priceCents: 2599,
      title: 'Bialetti Moka Express 6 tasses',
    });
    const first = await upsert([it1, fr1], new Date('2026-11-25T10:00:00Z'));
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, pricePoints: 2 });

    const docs = await products.find({ gtin: '8006363011440' }).toArray();
    expect(docs).toHaveLength(1);
    const product = docs[0]!;
    expect(product._id).toBe('gtin-08006363011440');
    expect(product.offers.it?.price).toEqual({ amountCents: 2799, currency: 'EUR' });
    expect(product.offers.fr?.price).toEqual({ amountCents: 2599, currency: 'EUR' });
    expect(product.title).toBe('Bialetti Moka Express 6 tazze'); // the first market to find it names it
    expect(product.searchTokens).toEqual(expect.arrayContaining(['bialetti', 'moka', 'express']));

    const again = await upsert([it1, fr1], new Date('2026-11-25T11:00:00Z'));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, pricePoints: 0 });
    const after = await products.findOne({ _id: product._id });
    expect(after?.updatedAt).toEqual(new Date('2026-11-25T10:00:00Z')); // no write happened
    expect(await products.countDocuments({})).toBe(1);
    expect(await priceHistory.countDocuments({ productId: product._id })).toBe(2);
  });

  it('a price change updates the offer and appends one history point, also when the batch is retried', async () => {
    const products = productCollection(rt()),
      priceHistory = priceHistoryCollection(rt());
    const base = listing({ gtin: '4006592532000', sourceId: 'B0PRICE001', url: 'https://www.amazon.it/dp/B0PRICE001' });
    await upsert([base], new Date('2026-11-25T10:00:00Z'));
    const cheaper = { ...base, priceCents: 2499 };
    const counts = await upsert([cheaper], new Date('2026-11-25T12:00:00Z'));
    expect(counts).toMatchObject({ updated: 1, pricePoints: 1 });
    const id = 'gtin-04006592532000';
    expect((await products.findOne({ _id: id }))?.offers.it?.price.amountCents).toBe(2499);
    const history = await priceHistory.find({ productId: id }).sort({ at: 1 }).toArray();
    expect(history.map((p) => p.price.amountCents)).toEqual([2799, 2499]);

    // Only availability changed: an update, no history point.
    const gone = await upsert([{ ...cheaper, availability: 'out_of_stock' }], new Date('2026-11-25T13:00:00Z'));
    expect(gone).toMatchObject({ updated: 1, pricePoints: 0 });
  });

  it('without a GTIN the product is keyed by market, site and source id', async () => {
    const products = productCollection(rt());
    const noGtin = listing({ gtin: null, site: 'shop.example.it', sourceId: 'SKU-1', url: 'https://shop.example.it/p/sku-1' });
    await upsert([noGtin, noGtin]);
    await upsert([noGtin]);
    const docs = await products.find({ 'offers.it.sourceId': 'SKU-1' }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]!._id).toMatch(/^src-it-[0-9a-f]{24}$/);
  });

  it('without a GTIN, Amazon’s European stores make one product of one ASIN; a GTIN seen later keeps the product where it is', async () => {
    const products = productCollection(rt());
    const asin = 'B0ASIN0042';
    const de = listing({ market: 'de', site: 'amazon.de', gtin: null, sourceId: asin, url: `https://www.amazon.de/dp/${asin}` });
    const it = listing({ market: 'it', site: 'amazon.it', gtin: null, sourceId: asin, url: `https://www.amazon.it/dp/${asin}` });
    await upsert([de]);
    await upsert([it]);
    const [product, ...others] = await products.find({ $or: [{ 'offers.de.sourceId': asin }, { 'offers.it.sourceId': asin }] }).toArray();
    expect(others).toEqual([]);
    expect(product!._id).toBe(`asin-${asin.toLowerCase()}`);
    expect(Object.keys(product!.offers).sort()).toEqual(['de', 'it']);
    // The French page shows a GTIN: the product keeps its id and gains the offer.
    const fr = listing({ market: 'fr', site: 'amazon.fr', gtin: '4006381335126', sourceId: asin, url: `https://www.amazon.fr/dp/${asin}` });
    await upsert([fr]);
    expect(Object.keys((await products.findOne({ _id: `asin-${asin.toLowerCase()}` }))!.offers).sort()).toEqual(['de', 'fr', 'it']);
    expect(await products.countDocuments({ _id: 'gtin-04006381335126' })).toBe(0);
    // Another shop's id of ten capitals is not an ASIN.
    const shop = listing({ market: 'it', site: 'shop.example.it', gtin: null, sourceId: asin, url: 'https://shop.example.it/p/1' });
    await upsert([shop]);
    expect(await products.countDocuments({ 'offers.it.site': 'shop.example.it', 'offers.it.sourceId': asin })).toBe(1);
    expect((await products.findOne({ 'offers.it.site': 'shop.example.it', 'offers.it.sourceId': asin }))!._id).toMatch(/^src-it-/);
  });

  it('without a GTIN or an ASIN, one brand and part number in two markets’ shops is one product', async () => {
    const products = productCollection(rt());
    const fr = listing({
      market: 'fr',
      site: 'maison.example.fr',
      gtin: null,
      sourceId: 'TEF-1',
      brand: 'Philips',
      mpn: 'HD9867/90',
      url: 'https://maison.example.fr/p/1',
    });
    const es = listing({
      market: 'es',
      site: 'tienda.example.es',
      gtin: null,
      sourceId: '88123',
      brand: 'PHILIPS',
      mpn: 'HD 9867-90',
      url: 'https://tienda.example.es/p/88123',
    });
    await upsert([fr]);
    await upsert([es]);
    const found = await products.find({ $or: [{ 'offers.fr.sourceId': 'TEF-1' }, { 'offers.es.sourceId': '88123' }] }).toArray();
    expect(found).toHaveLength(1);
    expect(found[0]!._id).toMatch(/^mpn-/);
    expect(Object.keys(found[0]!.offers).sort()).toEqual(['es', 'fr']);
  });

  it('two items sharing a part number but showing different GTINs stay two products; a page without a GTIN joins the first', async () => {
    const products = productCollection(rt());
    const part = { brand: 'Lumio', mpn: 'LS-5340' };
    const a = listing({
      market: 'it',
      site: 'shop-a.example.it',
      gtin: '8012345671236',
      sourceId: 'A1',
      url: 'https://shop-a.example.it/p/a1',
      ...part,
    });
    const b = listing({
      market: 'fr',
      site: 'shop-b.example.fr',
      gtin: '3045386372676',
      sourceId: 'B1',
      url: 'https://shop-b.example.fr/p/b1',
      ...part,
    });
    const c = listing({
      market: 'de',
      site: 'shop-c.example.de',
      gtin: null,
      sourceId: 'C1',
      url: 'https://shop-c.example.de/p/c1',
      ...part,
    });
    await upsert([a]);
    await upsert([b]);
    await upsert([c]);
    const ids = async (sourceId: string, market: 'it' | 'fr' | 'de') =>
      (await products.findOne({ [`offers.${market}.sourceId`]: sourceId }))!._id;
    expect(await ids('A1', 'it')).toBe('gtin-08012345671236');
    expect(await ids('B1', 'fr')).toBe('gtin-03045386372676');
    expect(await ids('C1', 'de')).toBe('gtin-08012345671236');
  });

  it('skips what cannot be sold: no price never seen before, another currency, no market', async () => {
    const counts = await upsert([
      listing({ gtin: null, sourceId: 'B0NOPRICE1', priceCents: null, currency: null, availability: 'out_of_stock' }),
      listing({ gtin: null, sourceId: 'B0GBP00001', currency: 'GBP' }),
      listing({ market: null }),
    ]);
    expect(counts).toMatchObject({ inserted: 0, skipped: { no_price: 1, currency: 1, no_market: 1 } });
  });

  it('a page that stops showing its price keeps the last price and records the availability', async () => {
    const products = productCollection(rt());
    const seen = listing({ gtin: null, sourceId: 'B0LATER001', url: 'https://www.amazon.it/dp/B0LATER001' });
    await upsert([seen]);
    const counts = await upsert([{ ...seen, priceCents: null, currency: null, shippingCents: null, availability: 'out_of_stock' }]);
    expect(counts).toMatchObject({ updated: 1, pricePoints: 0 });
    const doc = await products.findOne({ 'offers.it.sourceId': 'B0LATER001' });
    expect(doc?.offers.it).toMatchObject({ availability: 'out_of_stock', price: { amountCents: 2799 } });
  });

  /** The database with another writer cutting in between the batch's read and its first write of products. */
  function withWriterBetween(cutIn: () => Promise<unknown>): DbHandle {
    const { db } = rt();
    let done = false;
    const bind = (target: object, prop: string | symbol) => {
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    };
    const racing = (products: Collection<Product>) =>
      new Proxy(products, {
        get(target, prop) {
          if (prop !== 'bulkWrite' || done) return bind(target, prop);
          return async (...args: Parameters<typeof products.bulkWrite>) => {
            done = true;
            await cutIn();
            return target.bulkWrite(...args);
          };
        },
      });
    const racingDb = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'collection') return bind(target, prop);
        return (name: string) => (name === 'products' ? racing(target.collection<Product>(name)) : target.collection(name));
      },
    });
    return { db: racingDb };
  }

  it('a product another market creates meanwhile is planned again: both offers, priced from both', async () => {
    const at = new Date('2026-11-25T10:00:00Z');
    const it1 = listing({ gtin: '4006381333931', sourceId: 'B0RACE0001', url: 'https://www.amazon.it/dp/B0RACE0001', priceCents: 1999 });
    const de1 = listing({
      market: 'de',
      site: 'amazon.de',
      gtin: '4006381333931',
      sourceId: 'B0RACE0001',
      url: 'https://www.amazon.de/dp/B0RACE0001',
      priceCents: 1799,
    });
    const { counts } = await upsertListings(
      withWriterBetween(() => upsert([de1], at)),
      [it1],
      RULES,
      at,
    );
    expect(counts).toMatchObject({ inserted: 1, skipped: {} });
    const doc = await productCollection(rt()).findOne({ _id: 'gtin-04006381333931' });
    expect(Object.keys(doc?.offers ?? {}).sort()).toEqual(['de', 'it']);
    expect(doc?.sellPrices).toEqual(computeSellPrices(doc!.offers, RULES, at));
    // Italy buys at home (19.99 beats 17.99 plus the shipping abroad); France from the cheaper German offer.
    expect(doc?.sellPrices.it?.sourceMarket).toBe('it');
    expect(doc?.sellPrices.fr?.sourceMarket).toBe('de');
  });

  it('an offer changed meanwhile is not overwritten, and the selling prices see its new price', async () => {
    const at = new Date('2026-11-25T10:00:00Z');
    const it1 = listing({ gtin: '4006381333948', sourceId: 'B0RACE0002', url: 'https://www.amazon.it/dp/B0RACE0002', priceCents: 1999 });
    const de1 = listing({
      market: 'de',
      site: 'amazon.de',
      gtin: '4006381333948',
      sourceId: 'B0RACE0002',
      url: 'https://www.amazon.de/dp/B0RACE0002',
      priceCents: 1799,
    });
    await upsert([it1, de1], at);
    const later = new Date('2026-11-25T11:00:00Z');
    const { counts } = await upsertListings(
      withWriterBetween(() => upsert([{ ...de1, priceCents: 2599 }], later)),
      [{ ...it1, priceCents: 2199 }],
      RULES,
      later,
    );
    expect(counts).toMatchObject({ updated: 1, skipped: {} });
    const doc = await productCollection(rt()).findOne({ _id: 'gtin-04006381333948' });
    expect(doc?.offers.de?.price.amountCents).toBe(2599);
    expect(doc?.offers.it?.price.amountCents).toBe(2199);
    expect(doc?.sellPrices).toEqual(computeSellPrices(doc!.offers, RULES, later));
    expect(doc?.sellPrices.fr?.sourceMarket).toBe('it');
  });
});
