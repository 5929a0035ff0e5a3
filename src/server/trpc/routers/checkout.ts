// The shopper's cart, checkout and order status. Public procedures: the cart is whoever holds
// the cart cookie (HttpOnly, SameSite=Lax), the order status whoever knows number and e-mail.
// The no-JavaScript forms post to src/server/routes/api/{cart,checkout} which call the same services.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  addToCart,
  CART_REFUSALS,
  cartIdOf,
  changeQuantity,
  ensureCartId,
  itemCount,
  loadCart,
  MAX_QUANTITY,
  Quantity,
  viewCart,
  type CartResult,
} from '../../cart';
import {
  CheckoutInput,
  confirmedOrder,
  lookupTokenOf,
  lookUpOrderLimited,
  OrderLookupInput,
  placeOrder,
  shownLookup,
  takeCheckoutFlash,
} from '../../checkout';
import { Id, newId } from '../../../shared/ids';
import { MarketCode } from '../../../shared/markets';
import { requestClientAddress } from '../../platform/web';
import { publicProcedure, router } from '../trpc';

export const CartInput = z.object({ market: MarketCode });
export const AddToCartInput = z.object({ market: MarketCode, productId: Id, quantity: Quantity.default(1) });
export const SetQuantityInput = z.object({ market: MarketCode, productId: Id, quantity: z.number().int().min(0).max(MAX_QUANTITY) });

function cartOrRefusal(result: CartResult) {
  if (!result.ok) throw new TRPCError(CART_REFUSALS[result.reason]);
  return result.cart;
}

const cartRouter = router({
  view: publicProcedure.input(CartInput).query(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    return viewCart(rt, await loadCart(rt, cartIdOf(ctx.event), input.market));
  }),

  /** The number of items, for the header of every shop page: the stored lines only, no product read. */
  count: publicProcedure.input(CartInput).query(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    return itemCount((await loadCart(rt, cartIdOf(ctx.event), input.market)).lines);
  }),

  add: publicProcedure.input(AddToCartInput).mutation(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const cartId = ensureCartId(ctx.event, rt.config.CART_TTL_MS);
    return cartOrRefusal(await addToCart(rt, cartId, input.market, input.productId, input.quantity));
  }),

  /** Quantity 0 removes the line. */
  setQuantity: publicProcedure.input(SetQuantityInput).mutation(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const cartId = ensureCartId(ctx.event, rt.config.CART_TTL_MS);
    return cartOrRefusal(await changeQuantity(rt, cartId, input.market, input.productId, input.quantity));
  }),
});

export const checkoutRouter = router({
  cart: cartRouter,

  /** The checkout form's data: the cart, a fresh idempotency key, and a refused submission's values and errors. */
  form: publicProcedure.input(CartInput).query(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const cartId = cartIdOf(ctx.event);
    const [cart, flash] = await Promise.all([
      loadCart(rt, cartId, input.market),
      cartId ? takeCheckoutFlash(rt.redis, cartId, input.market) : null,
    ]);
    return { cart: await viewCart(rt, cart), idempotencyKey: newId(20), flash };
  }),

  place: publicProcedure.input(CheckoutInput).mutation(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const cartId = cartIdOf(ctx.event);
    if (!cartId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'cart: there is no cart to check out (no cart cookie)' });
    const result = await placeOrder(rt, cartId, input);
    if (result.ok) return { number: result.order.number, created: result.created };
    if (result.problem === 'empty_cart') throw new TRPCError({ code: 'BAD_REQUEST', message: 'cart: the cart is empty' });
    const ids = result.lines.map((l) => l.productId).join(', ');
    if (result.problem === 'unavailable')
      throw new TRPCError({ code: 'CONFLICT', message: `cart: remove the products no longer available: ${ids}` });
    if (result.problem === 'below_floor')
      throw new TRPCError({ code: 'CONFLICT', message: `cart: remove the products that cannot be sold at their current price: ${ids}` });
    throw new TRPCError({
      code: 'CONFLICT',
      message: `acceptedPrices: prices changed since they were added; confirm the new prices of ${ids}`,
    });
  }),

  /** The order this browser's cart just became. */
  confirmation: publicProcedure.input(CartInput).query(async ({ ctx, input }) => {
    const order = await confirmedOrder(await ctx.runtime(), cartIdOf(ctx.event), input.market);
    if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: 'no order was placed from this cart' });
    return order;
  }),

  /**
   * A mutation, so number and e-mail travel in the body, never in a URL; counted against the
   * lookup limits per client address and per order number (429 in the shop's language).
   */
  orderStatus: publicProcedure.input(OrderLookupInput).mutation(async ({ ctx, input }) => {
    const result = await lookUpOrderLimited(await ctx.runtime(), input, ctx.event ? requestClientAddress(ctx.event) : 'in-process');
    if (result.outcome === 'limited') throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: result.message });
    if (result.outcome !== 'found') throw new TRPCError({ code: 'NOT_FOUND', message: 'no order matches this number and e-mail' });
    return result.order;
  }),

  /** The lookup the order-status form made (its cookie), as the page shows it; `number` prefills an empty form. */
  lookedUp: publicProcedure
    .input(z.object({ market: MarketCode, number: z.string().trim().max(40).default('') }))
    .query(async ({ ctx, input }) => {
      return shownLookup(await ctx.runtime(), lookupTokenOf(ctx.event), input.market, { number: input.number });
    }),
});
