// The shopper's cart: public procedures, the cart being whoever holds the cart cookie
// (HttpOnly, SameSite=Lax). The no-JavaScript forms post to src/server/routes/api/cart, which
// calls the same services.
import {
  addToCart,
  AddToCartInput,
  CartInput,
  cartIdOf,
  changeQuantity,
  ensureCartId,
  itemCount,
  loadCart,
  SetQuantityInput,
  viewCart,
} from '../../cart';
import { accepted, publicProcedure, router, withRuntime } from '../trpc';

export const cartRouter = router({
  view: publicProcedure
    .input(CartInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) => viewCart(ctx.rt, await loadCart(ctx.rt, cartIdOf(ctx.event), input.market))),

  /** The number of items, for the header of every shop page: the stored lines only, no product read. */
  count: publicProcedure
    .input(CartInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) => itemCount((await loadCart(ctx.rt, cartIdOf(ctx.event), input.market)).lines)),

  add: publicProcedure
    .input(AddToCartInput)
    .use(withRuntime)
    .mutation(async ({ ctx, input }) => {
      const cartId = ensureCartId(ctx.event, ctx.rt.config.CART_TTL_MS);
      return accepted(await addToCart(ctx.rt, cartId, input.market, input.productId, input.quantity)).cart;
    }),

  /** Quantity 0 removes the line. */
  setQuantity: publicProcedure
    .input(SetQuantityInput)
    .use(withRuntime)
    .mutation(async ({ ctx, input }) => {
      const cartId = ensureCartId(ctx.event, ctx.rt.config.CART_TTL_MS);
      return accepted(await changeQuantity(ctx.rt, cartId, input.market, input.productId, input.quantity)).cart;
    }),
});
