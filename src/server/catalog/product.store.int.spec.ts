import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import { eur } from '../../common/money';
import { findProduct, latestProducts, mapStoredCategories, upsertProduct } from './product.store';
import { recentProducts } from './product-recent.store';
import type { Product } from './product.schema';
import { productCollection } from './product.collection';

const rt = useTestRuntime('product-store');

function product(overrides: Partial<Product> = {}): Product {
  const now = new Date('2026-11-25T10:00:00Z');
  return {
    _id: newId(),
    slug: 'moka-express-6-cups',
    gtin: '8006363011440',
    title: 'Moka Express 6 cups',
    brand: 'Bialetti',
    category: 'home-kitchen',
    images: ['https://img.example/moka.jpg'],
    attributes: { capacity: '6 cups' },
    searchTokens: ['moka', 'express', 'bialetti'],
    offers: {
      it: {
        site: 'amazon.it',
        sourceId: 'B000CMAGOK',
        url: 'https://www.amazon.it/dp/B000CMAGOK',
        price: eur(2799),
        shipping: eur(0),
        availability: 'in_stock',
        seller: 'Amazon',
        lastScrapedAt: now,
        lastRefreshedAt: null,
      },
    },
    sellPrices: { de: { price: eur(3999), sourceMarket: 'it', computedAt: now } },
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

describe('product store', () => {
  it('writes a product and reads it back whole, money in integer cents and dates as dates', async () => {
    const written = product();
    await upsertProduct(rt(), written);
    const read = await findProduct(rt(), written._id);
    expect(read).toEqual(written);
    expect(read?.offers.it?.price).toEqual({ amountCents: 2799, currency: 'EUR' });
    expect(read?.offers.it?.lastScrapedAt).toBeInstanceOf(Date);
  });

  it('upserting the same product twice leaves one document', async () => {
    const products = productCollection(rt());
    const p = product();
    await upsertProduct(rt(), p);
    await upsertProduct(rt(), { ...p, title: 'Moka Express 6 tazze' });
    expect(await products.countDocuments({ _id: p._id })).toBe(1);
    expect((await findProduct(rt(), p._id))?.title).toBe('Moka Express 6 tazze');
  });

  it('refuses a product with a price in floating euros, and stores nothing', async () => {
    const bad = product();
    const offer = bad.offers.it!;
    const withFloat = { ...bad, offers: { it: { ...offer, price: { amountCents: 27.99, currency: 'EUR' as const } } } };
    await expect(upsertProduct(rt(), withFloat)).rejects.toBeInstanceOf(ZodError);
    expect(await findProduct(rt(), bad._id)).toBeNull();
  });

  it('lists the most recently added products first, on an index', async () => {
    const products = productCollection(rt());
    // Updated after the newer one was added: the listing is by addition, as the storefront's newest.
    const older = product({ createdAt: new Date('2027-06-01T00:00:00Z'), updatedAt: new Date('2028-03-01T00:00:00Z') });
    const newer = product({ createdAt: new Date('2027-12-01T00:00:00Z'), updatedAt: new Date('2027-12-01T00:00:00Z') });
    await upsertProduct(rt(), older);
    await upsertProduct(rt(), newer);
    const latest = await latestProducts(rt(), 2);
    expect(latest.map((p) => p._id)).toEqual([newer._id, older._id]);
    const indexes = await products.indexes();
    expect(indexes.find((index) => JSON.stringify(index.key) === JSON.stringify({ createdAt: -1, _id: -1 }))).toBeDefined();
  });

  it('leaves out of the listing a product an agent stopped selling', async () => {
    const stopped = product({
      createdAt: new Date('2029-01-01T00:00:00Z'),
      salesStop: { reason: 'recall', agentId: 'agent_1', at: new Date() },
    });
    await upsertProduct(rt(), stopped);
    const latest = await latestProducts(rt(), 10);
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.map((p) => p._id)).not.toContain(stopped._id);
  });

  it('reads the products changed last in windows of the time, in the order one plain sorted query gives', async () => {
    const products = productCollection(rt());
    const now = new Date('2026-11-25T10:00:00Z');
    const tag = newId(6);
    // Seconds apart, then years apart, some sharing one instant: the windows must grow past gaps and keep ties whole.
    const offsets = [0, 0, 1_000, 5_000, 5_000, 5_000, 86_400_000, 3 * 365 * 86_400_000, 3 * 365 * 86_400_000, 9 * 365 * 86_400_000];
    for (const [i, ms] of offsets.entries())
      await upsertProduct(rt(), product({ _id: `${tag}_${i}`, brand: tag, updatedAt: new Date(now.getTime() - ms) }));
    const plain = await products.find({ brand: tag }).sort({ updatedAt: -1, _id: -1 }).toArray();
    for (const limit of [1, 2, 4, 7, 10, 20]) {
      const recent = await recentProducts(rt(), { field: 'updatedAt', where: { brand: tag }, limit, now });
      expect(recent.map((p) => p._id)).toEqual(plain.slice(0, limit).map((p) => p._id));
    }
    expect((await products.indexes()).find((index) => index.name === 'updated')?.key).toEqual({ updatedAt: -1, _id: -1 });
  });

  it('maps the category texts of products stored before the taxonomy to its ids, once', async () => {
    const products = productCollection(rt());
    const legacy = [
      product({ category: 'Elektronik & Foto' as never }),
      product({ category: 'Casa e cucina' as never }),
      product({ category: null as never }),
      product(),
    ];
    await products.insertMany(legacy);
    expect(await mapStoredCategories(rt())).toBe(3);
    const read = await products.find({ _id: { $in: legacy.map((p) => p._id) } }).toArray();
    expect(Object.fromEntries(read.map((p) => [p._id, p.category]))).toEqual(
      Object.fromEntries(legacy.map((p, i) => [p._id, ['electronics', 'home-kitchen', 'other', 'home-kitchen'][i]])),
    );
    expect(await mapStoredCategories(rt())).toBe(0);
  });
});
