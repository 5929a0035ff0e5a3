import { describe, expect, it } from 'vitest';
import type { Product } from './product.schema';
import { decodeCachedProduct, encodeCachedProduct, productCacheKey } from './product-cache';

const at = new Date('2026-11-25T10:00:00.123Z');
const product: Product = {
  _id: 'p_cache01',
  slug: 'moka-express',
  gtin: null,
  title: 'Moka Express',
  texts: { it: { title: 'Moka Express', description: null, language: 'it', origin: 'page', at } },
  brand: 'Bialetti',
  category: 'home-kitchen',
  images: [],
  attributes: { note: 'createdAt is a word, not a date' },
  searchTokens: ['moka'],
  offers: {
    it: {
      site: 'shop.it',
      sourceId: 'B0MOKA0001',
      url: 'https://shop.it/p/1',
      price: { amountCents: 2799, currency: 'EUR' },
      shipping: null,
      availability: 'in_stock',
      seller: null,
      lastScrapedAt: at,
      lastRefreshedAt: null,
    },
  },
  sellPrices: { fr: { price: { amountCents: 3999, currency: 'EUR' }, sourceMarket: 'it', computedAt: at } },
  createdAt: at,
  updatedAt: at,
};

describe('product cache encoding', () => {
  it('round-trips a product with its dates as Dates and money in cents', () => {
    const decoded = decodeCachedProduct(encodeCachedProduct(product));
    expect(decoded).toEqual(product);
    expect(decoded?.offers.it?.lastScrapedAt).toBeInstanceOf(Date);
    expect(decoded?.texts?.it?.at).toBeInstanceOf(Date);
  });

  it("round-trips an agent's override and sales stop, whose times are named `at`", () => {
    const later = new Date('2026-12-01T00:00:00.000Z');
    const agentId = 'agent_cache01';
    const stopped: Product = {
      ...product,
      priceOverrides: { it: { price: { amountCents: 1990, currency: 'EUR' }, expiresAt: later, reason: 'promo', agentId, at } },
      salesStop: { reason: 'recall', agentId, at },
    };
    const decoded = decodeCachedProduct(encodeCachedProduct(stopped));
    expect(decoded).toEqual(stopped);
    expect(decoded?.salesStop?.at).toBeInstanceOf(Date);
  });

  it('treats a copy that no longer fits the schema as a miss', () => {
    expect(decodeCachedProduct('{"_id":"p_cache01"}')).toBeNull();
    expect(decodeCachedProduct('not json')).toBeNull();
  });

  it('keys products by id under one prefix', () => {
    expect(productCacheKey('p_cache01')).toBe('ds:product:p_cache01');
  });
});
