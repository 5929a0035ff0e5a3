// What a storefront listing asks for and gets back: one market's products for sale, filtered,
// sorted and cut into keyset pages. The input is validated here once; the router, the page's
// load and the benchmark all send this shape.
import { z } from 'zod';
import { type Availability, type TextLanguage } from './product.schema';
import { MarketCode } from '../../common/markets';
import { Cents, type Money } from '../../common/money';
import { decodeCursor, SearchSort } from './product-search-cursor';
import { CategoryId } from './taxonomy';
import type { ProductCard } from './product-summary';

export const SEARCH_PAGE_SIZE = 24;

const filterValue = z.string().trim().min(1).max(100);

export const ProductSearchInput = z
  .object({
    market: MarketCode,
    /** Keywords over title and brand; every word must match. */
    q: z.string().trim().max(200).default(''),
    /** A taxonomy id. */
    category: CategoryId.optional(),
    brand: filterValue.optional(),
    minPriceCents: Cents.nonnegative().optional(),
    maxPriceCents: Cents.nonnegative().optional(),
    /** Only products some marketplace has in stock. */
    inStock: z.boolean().default(false),
    sort: SearchSort.default('relevance'),
    /** Where the previous page ended, as `nextCursor` gave it; absent for the first page. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(100).default(SEARCH_PAGE_SIZE),
  })
  .superRefine((input, ctx) => {
    if (input.minPriceCents !== undefined && input.maxPriceCents !== undefined && input.minPriceCents > input.maxPriceCents) {
      ctx.addIssue({ code: 'custom', path: ['maxPriceCents'], message: 'must not be below minPriceCents' });
    }
    if (input.cursor !== undefined && !decodeCursor(input.cursor, input.sort)) {
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: `is not a cursor of a page sorted by ${input.sort}` });
    }
  });
export type ProductSearchInput = z.output<typeof ProductSearchInput>;

/** One product in a listing: plain JSON, so it crosses tRPC and TransferState unchanged. */
export interface ListingItem extends ProductCard {
  /** `title` is the market's text (product-text.ts); this is its language when not the market's: the `lang` of the element showing it. */
  readonly titleLang: TextLanguage | null;
  /** What the shopper pays in this market, VAT included (an agent's override if one is in force). */
  readonly price: Money;
  readonly availability: Availability;
  readonly createdAt: string;
}

export interface SearchPage {
  readonly items: readonly ListingItem[];
  /** The cursor of the next page, or null on the last one. */
  readonly nextCursor: string | null;
  /** The query's words as matched, after case and accents were folded. */
  readonly tokens: readonly string[];
}

/** The home page's newest products; `prefault` (not `default`) so that calling with no input still gets limit 12. */
export const LatestProductsInput = z.object({ limit: z.number().int().min(1).max(50).default(12) }).prefault({});
