// Test data for the cart and checkout integration tests: products for sale in a market, written
// through the catalog's store and cache as the scrapers and the refresher do. Not imported by
// application code.
import { cacheProduct, upsertProduct, type Product } from '../catalog';
import { newId } from '../db/ids';
import type { MarketCode } from '../markets';
import { eur } from '../money';
import type { Runtime } from '../runtime';

export async function seedProductForSale(
  rt: Runtime,
  market: MarketCode,
  priceCents: number,
  availability: 'in_stock' | 'out_of_stock' = 'in_stock',
): Promise<Product> {
  const now = new Date();
  const id = newId();
  const product: Product = {
    _id: id,
    slug: `test-product-${id}`,
    gtin: null,
    title: `Test product ${id}`,
    brand: 'Test',
    category: 'other',
    images: [],
    attributes: {},
    searchTokens: ['test', 'product'],
    offers: {
      [market]: {
        site: 'amazon',
        sourceId: `B${id.toUpperCase()}`,
        url: `https://www.amazon.${market}/dp/B${id.toUpperCase()}`,
        price: eur(Math.round(priceCents * 0.6)),
        shipping: null,
        availability,
        seller: null,
        lastScrapedAt: now,
        lastRefreshedAt: now,
      },
    },
    sellPrices: { [market]: { price: eur(priceCents), sourceMarket: market, computedAt: now } },
    createdAt: now,
    updatedAt: now,
  };
  await upsertProduct(rt.collections.products, product);
  await cacheProduct(rt.redis, product);
  return product;
}

/** A new selling price, written to MongoDB and the cache as a refresh does. */
export async function repriceProduct(rt: Runtime, product: Product, market: MarketCode, priceCents: number): Promise<Product> {
  const updated: Product = { ...product, sellPrices: { ...product.sellPrices, [market]: { price: eur(priceCents), sourceMarket: market, computedAt: new Date() } } };
  await upsertProduct(rt.collections.products, updated);
  await cacheProduct(rt.redis, updated);
  return updated;
}
