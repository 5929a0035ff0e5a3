// The sitemaps against the real MongoDB-wire server and Redis: every product for sale in a
// market is on exactly one of its pages, pages hold at most the page size, and products added
// after the boundaries were walked (and cached) are listed too.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import { eur } from '../../common/money';
import type { Product } from '../catalog';
import { sitemapBoundaries, sitemapProducts, PRODUCTS } from '../catalog';
import { sitemapFile } from './sitemap.service';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('sitemap');

function product(id: string, stopped = false): Product {
  const at = new Date('2026-11-01T00:00:00Z');
  return {
    _id: id,
    slug: 'lampada',
    gtin: null,
    title: 'Lampada',
    brand: null,
    category: 'home-kitchen',
    images: [],
    attributes: {},
    searchTokens: ['lampada'],
    offers: {},
    sellPrices: { it: { price: eur(1000), sourceMarket: 'it', computedAt: at } },
    salesStop: stopped ? { reason: 'recall', agentId: 'agent01', at } : null,
    createdAt: at,
    updatedAt: at,
  };
}

describe('sitemap pages', () => {
  it('list every product for sale once across id-range pages of at most the page size', async () => {
    const products = productCollection(rt());
    const ids = Array.from({ length: 25 }, () => `p${newId(8)}`);
    await products.insertMany([...ids.map((id) => product(id)), product(`p${newId(8)}`, true)]);
    const boundaries = await sitemapBoundaries(rt(), rt().redis, 10);
    expect(boundaries).toHaveLength(3);
    // Added after the walk: lower and higher than every id walked.
    await products.insertMany([product('p000000000'), product('pzzzzzzzzz')]);
    const listed: string[] = [];
    for (let page = 0; page < boundaries.length; page++) {
      const from = page === 0 ? null : (boundaries[page] ?? null);
      const rows = await sitemapProducts(rt(), 'it', from, boundaries[page + 1] ?? null);
      listed.push(...rows.map((r) => r._id));
    }
    expect(listed.sort()).toEqual([...ids, 'p000000000', 'pzzzzzzzzz'].sort());
    expect(await sitemapProducts(rt(), 'fr', null, null)).toEqual([]);
  });

  it('serve the product URLs of a market, and no page beyond the last', async () => {
    const id = `q${newId(8)}`;
    await productCollection(rt()).insertOne(product(id));
    const xml = await sitemapFile(rt(), 'https://shop.example', { kind: 'products', market: 'it', page: 0 });
    expect(xml).toContain(`<loc>https://shop.example/it/p/lampada--${id}</loc>`);
    expect(await sitemapFile(rt(), 'https://shop.example', { kind: 'products', market: 'it', page: 5 })).toBeNull();
  });
});
