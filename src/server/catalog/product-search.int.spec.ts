// Storefront search against the real MongoDB-wire server, through the tRPC caller the pages use:
// keywords across accents, case and several words, filters, products not for sale left out,
// and keyset pages that neither repeat nor skip products sharing a price or a creation time.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import type { MarketCode } from '../../common/markets';
import { eur } from '../../common/money';
import { createContext } from '../trpc/context';
import { appRouter } from '../trpc/routers/_app';
import type { Product } from './product.schema';
import { ProductSearchInput } from './product-search.schema';
import { planSearch, tiesFilter, windowFilter } from './product-search';
import { firstWindow } from './product-search-window';
import { decodeCursor } from './product-search-cursor';
import { SEARCH_INDEX_NAMES } from './product-search-indexes';
import { searchTokens } from './search-tokens';
import type { CategoryId } from './taxonomy';
import { productCollection } from './product.collection';

const rt = useTestRuntime('product-search');
const caller = () => appRouter.createCaller(createContext(null, async () => rt()));
const search = (input: Partial<z.input<typeof ProductSearchInput>> & { market: MarketCode }) => caller().catalog.search(input);

const base = new Date('2026-10-01T00:00:00Z');
/** Each test seeds a category of the taxonomy no other test uses, so tests never see each other's products. */
function product(category: CategoryId, title: string, fields: Partial<Product> & { cents?: number; minutes?: number } = {}): Product {
  const { cents = 1999, minutes = 0, ...rest } = fields;
  const brand = rest.brand === undefined ? 'Casaluce' : rest.brand;
  const at = new Date(base.getTime() + minutes * 60_000);
  const price = { price: eur(cents), sourceMarket: 'it' as const, computedAt: at };
  return {
    _id: newId(),
    slug: 'product',
    gtin: null,
    title,
    brand,
    category,
    images: [],
    attributes: {},
    searchTokens: searchTokens(title, brand),
    offers: {
      it: {
        site: 'shop.it',
        sourceId: newId(),
        url: 'https://shop.example/p',
        price: eur(1000),
        shipping: null,
        availability: 'in_stock',
        seller: null,
        lastScrapedAt: at,
        lastRefreshedAt: null,
      },
    },
    sellPrices: { it: price, fr: price, de: price, es: price },
    createdAt: at,
    updatedAt: at,
    ...rest,
  };
}

async function seed(...products: Product[]): Promise<Product[]> {
  await productCollection(rt()).insertMany(products);
  return products;
}

/** Every page of a listing, following the cursors. */
async function allPages(input: Partial<z.input<typeof ProductSearchInput>> & { market: MarketCode }): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor = input.cursor;
  do {
    const page = await search({ ...input, cursor });
    pages.push(page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('keyword search', () => {
  it('finds a title whatever the accents and case of the query or the title', async () => {
    const cat: CategoryId = 'electronics';
    const [cafe, grosse] = await seed(
      product(cat, 'Macchina per CAFFÈ espresso', { brand: 'De’Longhi' }),
      product(cat, 'Große Kaffeemühle', { brand: 'Grünwald' }),
      product(cat, 'Tostapane inox'),
    );
    const ids = async (q: string) => (await search({ market: 'it', category: cat, q })).items.map((i) => i.id);
    expect(await ids('caffe')).toEqual([cafe?._id]);
    expect(await ids('Caffè Espresso')).toEqual([cafe?._id]);
    expect(await ids('GROSSE kaffeemühle')).toEqual([grosse?._id]);
    expect(await ids('grunwald')).toEqual([grosse?._id]);
  });

  it('wants every word: several words narrow the results', async () => {
    const cat = 'home-kitchen';
    const [redKettle, blueKettle] = await seed(
      product(cat, 'Bollitore elettrico rosso', { minutes: 2 }),
      product(cat, 'Bollitore elettrico blu', { minutes: 1 }),
      product(cat, 'Tostapane rosso'),
    );
    const ids = async (q: string) => (await search({ market: 'it', category: cat, q })).items.map((i) => i.id);
    expect(await ids('bollitore elettrico')).toEqual([redKettle?._id, blueKettle?._id]);
    expect(await ids('bollitore rosso')).toEqual([redKettle?._id]);
    expect(await ids('bollitore verde')).toEqual([]);
  });
});

describe('what a market lists', () => {
  it('leaves out products stopped by an agent or without a selling price in that market, and shows an override', async () => {
    const cat = 'sports';
    const now = new Date();
    const [sold, , frOnly, overridden] = await seed(
      product(cat, 'Sold everywhere', { minutes: 4 }),
      product(cat, 'Stopped', { minutes: 3, salesStop: { reason: 'recall', agentId: 'agent01', at: now } }),
      product(cat, 'French only', { minutes: 2, sellPrices: { fr: { price: eur(500), sourceMarket: 'it', computedAt: now } } }),
      product(cat, 'Overridden', {
        minutes: 1,
        priceOverrides: {
          it: { price: eur(777), expiresAt: new Date(Date.now() + 3_600_000), reason: 'promo', agentId: 'agent01', at: now },
        },
      }),
    );
    const it = await search({ market: 'it', category: cat });
    expect(it.items.map((i) => i.id)).toEqual([sold?._id, overridden?._id]);
    expect(it.items.find((i) => i.id === overridden?._id)?.price).toEqual(eur(777));
    expect((await search({ market: 'fr', category: cat })).items.map((i) => i.id)).toEqual([sold?._id, frOnly?._id, overridden?._id]);
  });

  it('filters by category, brand, price range and availability', async () => {
    const cat = 'toys';
    const outOfStock = product(cat, 'Out of stock kettle', { brand: 'Nordvik', cents: 3000 });
    const oos = outOfStock.offers.it;
    if (oos) outOfStock.offers.it = { ...oos, availability: 'out_of_stock' };
    const [cheap, , dear] = await seed(
      product(cat, 'Cheap kettle', { brand: 'Nordvik', cents: 1000 }),
      outOfStock,
      product(cat, 'Dear kettle', { brand: 'Lumio', cents: 9000 }),
      product('beauty', 'Kettle elsewhere', { brand: 'Nordvik', cents: 1000 }),
    );
    const ids = async (input: Partial<z.input<typeof ProductSearchInput>>) =>
      (await search({ market: 'de', category: cat, sort: 'price-asc', ...input })).items.map((i) => i.id);
    expect(await ids({})).toEqual([cheap?._id, outOfStock._id, dear?._id]);
    expect(await ids({ brand: 'Nordvik' })).toEqual([cheap?._id, outOfStock._id]);
    expect(await ids({ minPriceCents: 2000, maxPriceCents: 9000 })).toEqual([outOfStock._id, dear?._id]);
    expect(await ids({ inStock: true })).toEqual([cheap?._id, dear?._id]);
    expect(await ids({ sort: 'price-desc', maxPriceCents: 3000 })).toEqual([outOfStock._id, cheap?._id]);
  });

  it('refuses bad input with BAD_REQUEST naming the field', async () => {
    const refusal = await search({ market: 'it', minPriceCents: 900, maxPriceCents: 100 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect((refusal as TRPCError).code).toBe('BAD_REQUEST');
    expect((refusal as TRPCError).message).toMatch(/maxPriceCents/);
    const badCursor = await search({ market: 'it', cursor: 'bogus' }).catch((error: unknown) => error);
    expect((badCursor as TRPCError).message).toMatch(/cursor/);
  });
});

describe('keyset pages', () => {
  it('cover every product once across pages when many share a price or a creation time, in every sort', async () => {
    const cat = 'diy';
    // 53 products: prices in 4 tiers, creation times in 5 instants, so most neighbours tie.
    const seeded = await seed(
      ...Array.from({ length: 53 }, (_, i) => product(cat, `Lampada ${i}`, { cents: 1000 + (i % 4) * 500, minutes: i % 5 })),
    );
    const expected = seeded.map((p) => p._id).sort();
    for (const sort of ['price-asc', 'price-desc', 'newest', 'relevance'] as const) {
      const pages = await allPages({ market: 'es', category: cat, sort, limit: 10 });
      expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 3]);
      const ids = pages.flat();
      expect(new Set(ids).size, sort).toBe(53);
      expect([...ids].sort()).toEqual(expected);
    }
  });

  it('keeps the order of the sort across pages, ties by id', async () => {
    const cat = 'garden';
    await seed(...Array.from({ length: 17 }, (_, i) => product(cat, `Tazza ${i}`, { cents: 500 + (i % 3) * 100 })));
    const listed: { cents: number; id: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ market: 'it', q: 'tazza', category: cat, sort: 'price-desc', limit: 4, cursor });
      listed.push(...page.items.map((i) => ({ cents: i.price.amountCents, id: i.id })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const sorted = [...listed].sort((a, b) => b.cents - a.cents || (a.id < b.id ? 1 : -1));
    expect(listed).toEqual(sorted);
    expect(listed).toHaveLength(17);
  });

  it('a product added while a shopper pages through appears once or not at all, never twice', async () => {
    const cat = 'pets';
    await seed(...Array.from({ length: 12 }, (_, i) => product(cat, `Vaso ${i}`, { minutes: i })));
    const first = await search({ market: 'it', category: cat, sort: 'newest', limit: 5 });
    await seed(product(cat, 'Vaso nuovo', { minutes: 100 }));
    const rest = await allPages({ market: 'it', category: cat, sort: 'newest', limit: 5, cursor: first.nextCursor ?? undefined });
    const ids = [...first.items.map((i) => i.id), ...rest.flat()];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(12);
  });
});

describe('the indexes behind a listing', () => {
  it('read a deep page from its cursor: no more index keys than the page holds, no sort in memory', async () => {
    const cat: CategoryId = 'office';
    await seed(
      ...Array.from({ length: 120 }, (_, i) =>
        product(cat, `Sedia ${i % 3 === 0 ? 'rossa' : 'blu'} ${i}`, { cents: 1000 + (i % 7) * 100, minutes: i % 11 }),
      ),
    );
    const cases = [
      { input: { market: 'it' as const, category: cat, sort: 'newest' as const }, index: SEARCH_INDEX_NAMES.categoryNewest },
      { input: { market: 'it' as const, category: cat, sort: 'price-desc' as const }, index: SEARCH_INDEX_NAMES.categoryPrice('it') },
      { input: { market: 'it' as const, q: 'sedia', sort: 'relevance' as const }, index: SEARCH_INDEX_NAMES.tokensNewest },
    ];
    for (const { input, index } of cases) {
      let cursor: string | undefined;
      for (let page = 0; page < 3; page++) cursor = (await search({ ...input, limit: 20, cursor })).nextCursor ?? undefined;
      const parsed = ProductSearchInput.parse({ ...input, limit: 20, cursor });
      const decoded = decodeCursor(cursor ?? '', input.sort);
      const query = planSearch(parsed, decoded, new Date());
      // The cursor's remaining ties, then the first window past them.
      const window = firstWindow(query.range, decoded?.spanPerRow ?? query.defaultSpanPerRow, query.limit);
      for (const filter of [tiesFilter(query), window && windowFilter(query, window)]) {
        expect(filter, JSON.stringify(input)).not.toBeNull();
        const explained = (await productCollection(rt())
          .find(filter!, { sort: query.sort, limit: query.limit })
          .explain('executionStats')) as {
          queryPlanner: { winningPlan: unknown };
          executionStats: { totalKeysExamined: number };
        };
        const plan = JSON.stringify(explained.queryPlanner.winningPlan);
        expect(plan, JSON.stringify(input)).toContain(`"indexName":"${index}"`);
        expect(plan).not.toContain('"stage":"SORT"');
        expect(explained.executionStats.totalKeysExamined, JSON.stringify(input)).toBeLessThanOrEqual(2 * query.limit);
      }
    }
  });
});
