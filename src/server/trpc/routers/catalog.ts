// Catalog reads for pages. Products leave as plain JSON summaries (dates as ISO strings),
// so a result survives the trip through TransferState to the browser unchanged.
import {
  catalogFacets,
  countProducts,
  latestProducts,
  LatestProductsInput,
  ProductSearchInput,
  searchProducts,
  toProductSummary,
} from '../../catalog';
import { publicProcedure, router, withRuntime } from '../trpc';

export const catalogRouter = router({
  /** The most recently added products, newest first. */
  latest: publicProcedure
    .input(LatestProductsInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) => {
      const { rt } = ctx;
      const products = await latestProducts(rt, input.limit);
      return products.map((product) => toProductSummary(product));
    }),

  /** How many products the catalog holds; estimated from collection metadata, so cheap. */
  count: publicProcedure.use(withRuntime).query(async ({ ctx }) => {
    const { rt } = ctx;
    return countProducts(rt);
  }),

  /** One keyset page of a market's storefront listing: keywords, filters, sort. */
  search: publicProcedure
    .input(ProductSearchInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) => {
      const { rt } = ctx;
      return searchProducts(rt, input);
    }),

  /** The categories and brands a listing can be filtered by. */
  facets: publicProcedure.use(withRuntime).query(async ({ ctx }) => {
    const { rt } = ctx;
    return catalogFacets(rt, rt.redis);
  }),
});
