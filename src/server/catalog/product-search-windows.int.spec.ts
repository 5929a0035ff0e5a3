// Listings read in windows give what one plain query gives: on generated catalogs (products made
// by the crawl's write path, many sharing a creation time or a price, categories and brands from
// crowded to nearly empty, agents' price overrides and stopped products), every listing — each
// sort, with and without each filter — is walked page by page to its end and compared with the
// same listing read by one unbounded query, sorted the same way: same products, same order, none
// repeated, none skipped. Walked twice, so the second walk starts from what the first taught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { overridePrice, stopSelling } from '../catalog-admin';
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import { scrapedListing, scrapeDeps, scrapeProducts } from '../scraping';
import type { Product } from './product.schema';
import { planSearch } from './product-search';
import { decodeCursor, SEARCH_SORTS, type SearchSort } from './product-search-cursor';
import { sellPriceField } from './product-search-indexes';
import { ProductSearchInput } from './product-search.schema';
import { searchProducts } from './product-search.store';
import { categoryIdOf } from './taxonomy';
import { productCollection } from './product.collection';

const rt = useTestRuntime('product_search_windows');
const agent = { id: 'agent_windows', email: 'windows@example.com', role: 'supervisor' as const };

/** Category names as scrapers read them: the first crowded, the last nearly empty. */
const CATEGORIES = ['Caffettiere', 'Giocattoli', 'Libri', 'Utensili'] as const;
const BRANDS = ['Bialetti', 'Lego', 'Bosch', 'Moleskine', 'Rara'] as const;
const WORDS = ['moka', 'set', 'rosso', 'mini'] as const;
const day = 24 * 3_600_000;
const base = Date.parse('2026-06-01T00:00:00Z');

const GeneratedProduct = fc.record({
  category: fc.constantFrom(...CATEGORIES, ...CATEGORIES.slice(0, 2), CATEGORIES[0]),
  brand: fc.constantFrom(...BRANDS.slice(0, 4), BRANDS[0]),
  words: fc.subarray([...WORDS], { minLength: 1 }),
  // Few distinct prices and times: ties on the sort key everywhere.
  priceCents: fc.constantFrom(990, 1990, 1990, 2500, 4990, 12_000, 250_000),
  // Bunched and spread: most in a few days, some a year earlier (a sparse tail).
  createdAt: fc.oneof(
    fc.integer({ min: 0, max: 5 }).map((d) => base - d * day),
    fc.integer({ min: 200, max: 400 }).map((d) => base - d * day),
  ),
  inStock: fc.boolean(),
  market: fc.constantFrom<MarketCode>(...MARKET_CODES),
  fate: fc.constantFrom('plain', 'plain', 'plain', 'override', 'stopped'),
});

type GeneratedProduct = typeof GeneratedProduct extends fc.Arbitrary<infer T> ? T : never;

async function makeCatalog(generated: readonly GeneratedProduct[]): Promise<void> {
  await productCollection(rt()).deleteMany({});
  for (const [i, g] of generated.entries()) {
    const listing = scrapedListing({
      market: g.market,
      title: `${g.brand} ${g.words.join(' ')} ${i}`,
      brand: g.brand,
      category: g.category,
      priceCents: g.priceCents,
      availability: g.inStock ? 'in_stock' : 'out_of_stock',
    });
    const [product] = await scrapeProducts(scrapeDeps(rt()), [listing], new Date(g.createdAt));
    if (g.fate === 'override') {
      const expiresAt = new Date(Date.now() + day).toISOString();
      expect(
        await overridePrice(
          rt(),
          { productId: product!._id, market: 'it', priceCents: 1234, expiresAt, reason: 'promotion', acceptBelowFloor: true },
          agent,
        ),
      ).toMatchObject({ ok: true });
    }
    if (g.fate === 'stopped')
      expect(await stopSelling(rt(), { productId: product!._id, reason: 'recall' }, agent)).toMatchObject({ ok: true });
  }
}

/** Every listing a shopper can ask for over this catalog, in the Italian shop. */
function listings(): ProductSearchInput[] {
  const filters: Record<string, unknown>[] = [
    {},
    { category: categoryIdOf(CATEGORIES[0]) },
    { category: categoryIdOf(CATEGORIES[3]) },
    { brand: BRANDS[1] },
    { brand: BRANDS[4] },
    { q: 'moka' },
    { q: 'rosso mini' },
    { inStock: true },
    { minPriceCents: 1990, maxPriceCents: 12_000 },
    { category: categoryIdOf(CATEGORIES[1]), brand: BRANDS[0], inStock: true, maxPriceCents: 4990 },
  ];
  return SEARCH_SORTS.flatMap((sort: SearchSort) => filters.map((f) => ProductSearchInput.parse({ market: 'it', sort, limit: 3, ...f })));
}

/** The listing by one unbounded query: its conditions, the price range as a filter, sorted by the key then the id. */
async function unbounded(input: ProductSearchInput): Promise<string[]> {
  const plan = planSearch(input, null, new Date());
  const price = sellPriceField(input.market);
  const range = {
    ...(input.minPriceCents !== undefined && { $gte: input.minPriceCents }),
    ...(input.maxPriceCents !== undefined && { $lte: input.maxPriceCents }),
  };
  const filter = {
    $and: [plan.prefix, ...plan.rest, ...(plan.field === price && Object.keys(range).length > 0 ? [{ [price]: range }] : [])],
  };
  const documents = await productCollection(rt())
    .find(filter, { sort: plan.sort, projection: { _id: 1 } })
    .toArray();
  return documents.map((d: Pick<Product, '_id'>) => d._id);
}

/** The listing page by page, by its cursors. */
async function windowed(input: ProductSearchInput): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await searchProducts(rt(), { ...input, cursor });
    ids.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) return ids;
    expect(decodeCursor(page.nextCursor, input.sort)).not.toBeNull();
    cursor = page.nextCursor;
  }
  throw new Error(`${JSON.stringify(input)}: more than 500 pages`);
}

describe('windowed listings', () => {
  it('list what one unbounded query lists, in its order, every listing walked to its end', { timeout: 240_000 }, async () => {
    let listed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(GeneratedProduct, { minLength: 30, maxLength: 80 }), async (generated) => {
        await makeCatalog(generated);
        for (const input of listings()) {
          const expected = await unbounded(input);
          listed += expected.length;
          for (const walk of ['first', 'learned']) {
            const got = await windowed(input);
            expect(got, `${walk} walk of ${JSON.stringify(input)}`).toEqual(expected);
          }
        }
      }),
      { numRuns: 6 },
    );
    // The catalogs were not empty: the listings held several pages each, on average.
    expect(listed / (6 * listings().length)).toBeGreaterThan(6);
  });
});
