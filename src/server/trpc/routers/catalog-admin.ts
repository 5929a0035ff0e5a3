// The catalog in the back office: finding a product by any of its identifiers, its page, a
// refresh on demand, price overrides and sales stops.
import {
  clearOverride,
  ClearOverrideInput,
  overridePrice,
  OverrideInput,
  productAdminDetail,
  ProductIdInput,
  ProductSearch,
  refreshNow,
  resumeSelling,
  SalesStopInput,
  searchProducts,
  stopSelling,
} from '../../catalog-admin';
import { accepted, backofficeProcedure, found, router } from '../trpc';

const noProduct = (id: string) => `no product with id ${id}`;

export const catalogAdminRouter = router({
  search: backofficeProcedure.input(ProductSearch.prefault({})).query(({ ctx, input }) => searchProducts(ctx.rt, input)),
  detail: backofficeProcedure
    .input(ProductIdInput)
    .query(async ({ ctx, input }) => found(await productAdminDetail(ctx.rt, input.productId), noProduct(input.productId))),
  refreshNow: backofficeProcedure
    .input(ProductIdInput)
    .mutation(async ({ ctx, input }) => found(await refreshNow(ctx.rt, input.productId), noProduct(input.productId))),
  setOverride: backofficeProcedure
    .input(OverrideInput)
    .mutation(async ({ ctx, input }) => accepted(await overridePrice(ctx.rt, input, ctx.agent)).product),
  clearOverride: backofficeProcedure
    .input(ClearOverrideInput)
    .mutation(async ({ ctx, input }) => accepted(await clearOverride(ctx.rt, input, ctx.agent)).product),
  stopSelling: backofficeProcedure
    .input(SalesStopInput)
    .mutation(async ({ ctx, input }) => accepted(await stopSelling(ctx.rt, input, ctx.agent)).product),
  resumeSelling: backofficeProcedure
    .input(ProductIdInput)
    .mutation(async ({ ctx, input }) => accepted(await resumeSelling(ctx.rt, input, ctx.agent)).product),
});
