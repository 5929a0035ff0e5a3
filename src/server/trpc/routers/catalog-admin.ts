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
import { agentAction, backofficeProcedure, found, router } from '../trpc';

const noProduct = (id: string) => `no product with id ${id}`;
/** Every change of a product answers with the product as the back office shows it. */
const productOf = <P>(done: { readonly product: P }) => done.product;

export const catalogAdminRouter = router({
  search: backofficeProcedure.input(ProductSearch.prefault({})).query(({ ctx, input }) => searchProducts(ctx.rt, input)),
  detail: backofficeProcedure
    .input(ProductIdInput)
    .query(async ({ ctx, input }) => found(await productAdminDetail(ctx.rt, input.productId), noProduct(input.productId))),
  refreshNow: backofficeProcedure
    .input(ProductIdInput)
    .mutation(async ({ ctx, input }) => found(await refreshNow(ctx.rt, input.productId), noProduct(input.productId))),
  setOverride: agentAction(OverrideInput, overridePrice, productOf),
  clearOverride: agentAction(ClearOverrideInput, clearOverride, productOf),
  stopSelling: agentAction(SalesStopInput, stopSelling, productOf),
  resumeSelling: agentAction(ProductIdInput, resumeSelling, productOf),
});
