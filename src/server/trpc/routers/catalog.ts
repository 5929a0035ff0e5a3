// Catalog reads for pages. Products leave as plain JSON summaries (dates as ISO strings),
// so a result survives the trip through TransferState to the browser unchanged.
import { z } from 'zod';
import {
  catalogFacets,
  countProducts,
  latestProducts,
  ProductSearchInput,
  searchProducts,
  toProductSummary,
  productCollection,
} from '../../catalog';
import { publicProcedure, router } from '../trpc';

export const LatestProductsInput = z
  .object({ limit: z.number().int().min(1).max(50).default(12) })
  // `prefault` (not `default`) so that calling with no input still gets limit 12.
  .prefault({});

export const catalogRouter = router({
  /** The most recently added products, newest first. */
  latest: publicProcedure.input(LatestProductsInput).query(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const products = await latestProducts(productCollection(rt), input.limit);
    return products.map((product) => toProductSummary(product));
  }),

  /** How many products the catalog holds; estimated from collection metadata, so cheap. */
  count: publicProcedure.query(async ({ ctx }) => {
    const rt = await ctx.runtime();
    return countProducts(productCollection(rt));
  }),

  /** One keyset page of a market's storefront listing: keywords, filters, sort. */
  search: publicProcedure.input(ProductSearchInput).query(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    return searchProducts(productCollection(rt), input);
  }),

  /** The categories and brands a listing can be filtered by. */
  facets: publicProcedure.query(async ({ ctx }) => {
    const rt = await ctx.runtime();
    return catalogFacets(productCollection(rt), rt.redis);
  }),
});
