import { describe, expect, it } from 'vitest';
import { eur } from '../money';
import { decodeCursor, encodeCursor } from './product-search-cursor';
import { buildSearchQuery, toSearchPage, type ListedProduct } from './product-search';
import { ProductSearchInput } from './product-search.schema';

const input = (fields: Record<string, unknown>) => ProductSearchInput.parse({ market: 'de', ...fields });
const now = new Date('2026-11-25T12:00:00Z');

describe('ProductSearchInput', () => {
  it('refuses a price range upside down, naming the upper bound', () => {
    const result = ProductSearchInput.safeParse({ market: 'it', minPriceCents: 5000, maxPriceCents: 1000 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['maxPriceCents']]);
  });

  it('refuses a cursor that is garbage or belongs to another sort, naming the cursor', () => {
    const priceCursor = encodeCursor({ sort: 'price-asc', value: 1999, id: 'abcdef12' });
    for (const cursor of ['not-a-cursor', priceCursor]) {
      const result = ProductSearchInput.safeParse({ market: 'it', sort: 'newest', cursor });
      expect(result.error?.issues.map((i) => i.path)).toEqual([['cursor']]);
    }
    expect(ProductSearchInput.safeParse({ market: 'it', sort: 'price-asc', cursor: priceCursor }).success).toBe(true);
  });
});

describe('buildSearchQuery', () => {
  it('asks for every folded keyword, newest first, products for sale only', () => {
    const query = buildSearchQuery(input({ q: 'Kaffeemühle  ÉDITION' }), null);
    expect(query.tokens).toEqual(['kaffeemuhle', 'edition']);
    expect(query.filter).toEqual({
      $and: [{ 'sellPrices.de': { $exists: true }, salesStop: null }, { searchTokens: { $all: ['kaffeemuhle', 'edition'] } }],
    });
    expect(query.sort).toEqual({ createdAt: -1, _id: -1 });
    expect(query.limit).toBe(25);
  });

  it('sorts a category by price, the price range and the cursor as one bound', () => {
    const cursor = { sort: 'price-asc' as const, value: 2500, id: 'prod0042' };
    const query = buildSearchQuery(input({ category: 'home-kitchen', sort: 'price-asc', minPriceCents: 1000, maxPriceCents: 9000 }), cursor);
    expect(query.sort).toEqual({ 'sellPrices.de.price.amountCents': 1, _id: 1 });
    expect(query.filter['$and']).toEqual([
      { 'sellPrices.de': { $exists: true }, salesStop: null },
      { category: 'home-kitchen' },
      { $or: [{ 'sellPrices.de.price.amountCents': { $gt: 2500 } }, { _id: { $gt: 'prod0042' } }] },
      { 'sellPrices.de.price.amountCents': { $gte: 2500, $lte: 9000 } },
    ]);
  });

  it('continues a newest-first listing below the cursor’s time, ties broken by a lower id', () => {
    const at = Date.parse('2026-11-01T00:00:00Z');
    const query = buildSearchQuery(input({ sort: 'newest', brand: 'Bialetti', inStock: true }), { sort: 'newest', value: at, id: 'prod0042' });
    expect(query.filter['$and']).toContainEqual({ createdAt: { $lte: new Date(at) } });
    expect(query.filter['$and']).toContainEqual({ $or: [{ createdAt: { $lt: new Date(at) } }, { _id: { $lt: 'prod0042' } }] });
    expect(query.filter['$and']).toContainEqual({
      $or: ['it', 'fr', 'de', 'es'].map((m) => ({ [`offers.${m}.availability`]: 'in_stock' })),
    });
  });

  it('sorts by the market’s own price, ties by id in the same direction', () => {
    expect(buildSearchQuery(input({ q: 'moka', sort: 'price-desc' }), null).sort).toEqual({ 'sellPrices.de.price.amountCents': -1, _id: -1 });
    expect(buildSearchQuery(input({ market: 'fr', sort: 'price-asc' }), null).sort).toEqual({ 'sellPrices.fr.price.amountCents': 1, _id: 1 });
  });
});

describe('toSearchPage', () => {
  const product = (id: string, cents: number): ListedProduct => ({
    _id: id,
    slug: `p-${id}`,
    title: `Product ${id}`,
    brand: null,
    category: 'other',
    images: [],
    offers: {},
    createdAt: now,
    sellPrices: { de: { price: eur(cents), sourceMarket: 'it', computedAt: now } },
    priceOverrides: { de: { price: eur(999), expiresAt: new Date('2027-01-01T00:00:00Z'), reason: 'promo', agentId: 'agent01', at: now } },
    salesStop: null,
  });

  it('shows the price a shopper pays and gives a cursor after the last product when more came back', () => {
    const request = input({ sort: 'price-asc', limit: 2 });
    const query = buildSearchQuery(request, null);
    const page = toSearchPage(request, query, [product('aaaaaa01', 1000), product('aaaaaa02', 1000), product('aaaaaa03', 2000)], now);
    expect(page.items.map((i) => [i.id, i.price.amountCents, i.availability])).toEqual([
      ['aaaaaa01', 999, 'unknown'],
      ['aaaaaa02', 999, 'unknown'],
    ]);
    expect(decodeCursor(page.nextCursor ?? '', 'price-asc')).toEqual({ sort: 'price-asc', value: 1000, id: 'aaaaaa02' });
    expect(toSearchPage(request, query, [product('aaaaaa01', 1000)], now).nextCursor).toBeNull();
  });
});
