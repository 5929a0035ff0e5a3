import { describe, expect, it } from 'vitest';
import { eur } from '../../common/money';
import { decodeCursor, encodeCursor } from './product-search-cursor';
import { kindScope, planSearch, searchScope, tiesFilter, toSearchPage, windowFilter, type ListedProduct } from './product-search';
import { ProductSearchInput } from './product-search.schema';
import { firstWindow } from './product-search-window';
import { catalogSample } from './catalog-sample';

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

describe('planSearch and windowFilter', () => {
  const window = { start: 100, end: 50, last: false };

  // 'edition' on half of the sampled products, 'kaffeemuhle' on one in a hundred, always with 'edition'.
  const words = catalogSample(
    Array.from({ length: 1000 }, (_, i) => ({
      searchTokens: [...(i % 2 === 0 ? ['edition'] : []), ...(i % 100 === 0 ? ['kaffeemuhle'] : []), 'set'],
      createdAt: new Date(now.getTime() - i * 1000),
      sellPrices: {},
    })),
    1_000_000,
  );

  it('asks for every folded keyword, newest first, products for sale only, in windows of the rarest word’s entries', () => {
    const plan = planSearch(input({ q: 'Kaffeemühle  ÉDITION' }), null, now, { words });
    expect(plan.tokens).toEqual(['kaffeemuhle', 'edition']);
    expect(plan.range).toEqual({ from: 8_640_000_000_000_000, to: 0, direction: -1, anchor: now.getTime(), windowedTrips: 5 });
    const rest = {
      $and: [{ 'sellPrices.de': { $exists: true }, salesStop: null }, { searchTokens: { $all: ['kaffeemuhle', 'edition'] } }],
    };
    const filter = windowFilter(plan, window);
    expect(filter).toEqual({ $and: [{ searchTokens: 'kaffeemuhle', createdAt: { $lte: new Date(100), $gt: new Date(50) } }, rest] });
    // The engine bounds a multikey read by the first operator alone: the window's far end first,
    // the last window's start first.
    expect(Object.keys((filter['$and'] as Record<string, Record<string, object>>[])[0]!['createdAt']!)).toEqual(['$gt', '$lte']);
    const last = windowFilter(plan, { ...window, last: true });
    expect(last).toEqual({ $and: [{ searchTokens: 'kaffeemuhle', createdAt: { $lte: new Date(100), $gte: new Date(50) } }, rest] });
    expect(Object.keys((last['$and'] as Record<string, Record<string, object>>[])[0]!['createdAt']!)).toEqual(['$lte', '$gte']);
    expect(plan.sort).toEqual({ createdAt: -1, _id: -1 });
    expect(plan.limit).toBe(25);
  });

  it('sorts keywords by price in windows of the price index, or reads the rarest word whole when it has fewer products', () => {
    // 'edition' alone: on half the catalog, a page lies in 50 products of the price index.
    const common = planSearch(input({ q: 'edition', sort: 'price-asc' }), null, now, { words });
    // One window, then the word's products: wider windows would read the catalog's.
    expect(common.range.windowedTrips).toBe(1);
    expect(windowFilter(common, window)['$and']).toContainEqual({ 'sellPrices.de.price.amountCents': { $lt: 50, $gte: 100 } });
    expect(windowFilter(common, { ...window, last: true })).toEqual({
      $and: [
        { searchTokens: 'edition' },
        {
          $and: [
            { 'sellPrices.de.price.amountCents': { $gte: 100, $lte: 50 } },
            { 'sellPrices.de': { $exists: true }, salesStop: null },
            { searchTokens: 'edition' },
          ],
        },
      ],
    });
    // Both words: on one product in a hundred, a page lies in 2,500 products of the price index; 'kaffeemuhle' has 10,000.
    const rare = planSearch(input({ q: 'kaffeemühle edition', sort: 'price-asc' }), null, now, { words });
    expect(rare.range.windowedTrips).toBe(1);
    // A pair the sample never saw together is rarer than it can tell; in a catalog of 20,000 'kaffeemuhle' has 200 products.
    const unseen = planSearch(input({ q: 'kaffeemühle edition', sort: 'price-asc' }), null, now, {
      words: catalogSample(
        words.products.map((p, i) => ({
          searchTokens: [...p].filter((w) => w !== 'edition' || i % 100 !== 0),
          createdAt: now,
          sellPrices: {},
        })),
        20_000,
      ),
    });
    expect(unseen.range.windowedTrips).toBe(0);
    expect(windowFilter(unseen, firstWindow(unseen.range, 1, 25)!)['$and']).toEqual([{ searchTokens: 'kaffeemuhle' }, expect.anything()]);
  });

  it('sorts a category by price: the cursor’s remaining ties are read apart on the index, the windows start past its price', () => {
    const cursor = { sort: 'price-asc' as const, value: 2500, id: 'prod0042' };
    const plan = planSearch(input({ category: 'home-kitchen', sort: 'price-asc', minPriceCents: 1000, maxPriceCents: 9000 }), cursor, now);
    expect(plan.sort).toEqual({ 'sellPrices.de.price.amountCents': 1, _id: 1 });
    expect(plan.range).toEqual({ from: 2501, to: 9000, direction: 1, anchor: 2501, windowedTrips: 5 });
    const rest = { $and: [{ 'sellPrices.de': { $exists: true }, salesStop: null }, { category: 'home-kitchen' }] };
    expect(tiesFilter(plan)).toEqual({
      $and: [{ category: 'home-kitchen', 'sellPrices.de.price.amountCents': 2500, _id: { $gt: 'prod0042' } }, rest],
    });
    expect(windowFilter(plan, { start: 2501, end: 9000, last: true })).toEqual({
      $and: [{ category: 'home-kitchen', 'sellPrices.de.price.amountCents': { $gte: 2501, $lte: 9000 } }, rest],
    });
    // A cursor outside the price range has no ties to read there.
    expect(tiesFilter(planSearch(input({ category: 'home-kitchen', sort: 'price-asc', minPriceCents: 3000 }), cursor, now))).toBeNull();
    expect(tiesFilter(planSearch(input({ category: 'home-kitchen', sort: 'price-asc' }), null, now))).toBeNull();
  });

  it('continues a newest-first listing below the cursor’s time, ties broken by a lower id; brand on the index, the rest nested', () => {
    const at = Date.parse('2026-11-01T00:00:00Z');
    const plan = planSearch(
      input({ sort: 'newest', brand: 'Bialetti', inStock: true, maxPriceCents: 5000 }),
      { sort: 'newest', value: at, id: 'prod0042' },
      now,
    );
    expect(plan.range).toMatchObject({ from: at - 1, anchor: at - 1 });
    const [windowed, rest] = windowFilter(plan, { start: at - 1, end: at - 1000, last: false })['$and'] as Record<string, unknown>[];
    expect(windowed).toEqual({ brand: 'Bialetti', createdAt: { $lte: new Date(at - 1), $gt: new Date(at - 1000) } });
    expect(rest).toEqual({
      $and: [
        { 'sellPrices.de': { $exists: true }, salesStop: null },
        { brand: 'Bialetti' },
        { $or: ['it', 'fr', 'de', 'es'].map((m) => ({ [`offers.${m}.availability`]: 'in_stock' })) },
        { 'sellPrices.de.price.amountCents': { $lte: 5000 } },
      ],
    });
    expect(tiesFilter(plan)).toEqual({ $and: [{ brand: 'Bialetti', createdAt: new Date(at), _id: { $lt: 'prod0042' } }, rest] });
  });

  it('sorts by the market’s own price, ties by id in the same direction; highest first starts where an earlier first page began', () => {
    const plan = planSearch(input({ q: 'moka', sort: 'price-desc' }), null, now, { anchor: 45_000 });
    expect(plan.sort).toEqual({ 'sellPrices.de.price.amountCents': -1, _id: -1 });
    expect(plan.range).toMatchObject({ direction: -1, to: 0, anchor: 45_000 });
    expect(windowFilter(plan, window)['$and']).toContainEqual({
      $and: [{ 'sellPrices.de': { $exists: true }, salesStop: null }, { searchTokens: 'moka' }],
    });
    expect(planSearch(input({ market: 'fr', sort: 'price-asc' }), null, now).sort).toEqual({
      'sellPrices.fr.price.amountCents': 1,
      _id: 1,
    });
  });

  it('keeps what a listing learns under the listing, whatever its page', () => {
    expect(searchScope(input({ category: 'pets', cursor: encodeCursor({ sort: 'relevance', value: 1, id: 'abcdef12' }), limit: 10 }))).toBe(
      searchScope(input({ category: 'pets' })),
    );
    expect(searchScope(input({ category: 'pets' }))).not.toBe(searchScope(input({ category: 'toys' })));
  });

  it('groups listings by kind: any category alike, any brand alike, any words alike, apart from the whole shop', () => {
    expect(kindScope(input({ category: 'pets' }))).toBe(kindScope(input({ category: 'toys' })));
    expect(kindScope(input({ brand: 'Bialetti' }))).toBe(kindScope(input({ brand: 'Lego' })));
    expect(kindScope(input({ q: 'moka rossa' }))).toBe(kindScope(input({ q: 'lego' })));
    const kinds = [
      input({}),
      input({ category: 'pets' }),
      input({ brand: 'Lego' }),
      input({ q: 'lego' }),
      input({ category: 'pets', sort: 'price-asc' }),
      input({ category: 'pets', minPriceCents: 100 }),
    ];
    expect(new Set(kinds.map(kindScope)).size).toBe(kinds.length);
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
    const plan = planSearch(request, null, now);
    const page = toSearchPage(request, plan, [product('aaaaaa01', 1000), product('aaaaaa02', 1000), product('aaaaaa03', 2000)], now);
    expect(page.items.map((i) => [i.id, i.price.amountCents, i.availability])).toEqual([
      ['aaaaaa01', 999, 'unknown'],
      ['aaaaaa02', 999, 'unknown'],
    ]);
    // The next page's first window is sized by this one: 1,000 cents over two products.
    expect(decodeCursor(page.nextCursor ?? '', 'price-asc')).toEqual({ sort: 'price-asc', value: 1000, id: 'aaaaaa02', spanPerRow: 500 });
    expect(toSearchPage(request, plan, [product('aaaaaa01', 1000)], now).nextCursor).toBeNull();
  });

  it('leaves the density out of the cursor of a page whose products all share its first price', () => {
    const request = input({ sort: 'price-asc', limit: 2 });
    const first = toSearchPage(
      request,
      planSearch(request, null, now),
      [product('aaaaaa01', 1000), product('aaaaaa02', 1000), product('aaaaaa03', 1000)],
      now,
    );
    const cursor = decodeCursor(first.nextCursor ?? '', 'price-asc');
    const next = { ...request, cursor: first.nextCursor ?? '' };
    const page = toSearchPage(
      next,
      planSearch(next, cursor, now),
      [product('aaaaaa03', 1000), product('aaaaaa04', 1000), product('aaaaaa05', 1000)],
      now,
    );
    expect(decodeCursor(page.nextCursor ?? '', 'price-asc')).toEqual({ sort: 'price-asc', value: 1000, id: 'aaaaaa04' });
  });
});
