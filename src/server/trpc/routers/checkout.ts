// Checkout and the shopper's order status. Public procedures: the checkout is whoever holds the
// cart cookie, the order status whoever knows number and e-mail. The no-JavaScript forms post to
// src/server/routes/api/{checkout,order-status}, which call the same services.
import { TRPCError } from '@trpc/server';
import { CartInput, cartIdOf, loadCart, viewCart } from '../../cart';
import {
  CheckoutInput,
  confirmedOrder,
  LookedUpInput,
  lookupTokenOf,
  lookUpOrderLimited,
  OrderLookupInput,
  placeOrder,
  shownLookup,
  takeCheckoutFlash,
} from '../../checkout';
import { newId } from '../../../common/ids';
import { requestClientAddress } from '../../platform/web';
import { accepted, found, publicProcedure, router, withRuntime } from '../trpc';

export const checkoutRouter = router({
  /** The checkout form's data: the cart, a fresh idempotency key, and a refused submission's values and errors. */
  form: publicProcedure
    .input(CartInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) => {
      const rt = ctx.rt;
      const cartId = cartIdOf(ctx.event);
      const [cart, flash] = await Promise.all([
        loadCart(rt, cartId, input.market),
        cartId ? takeCheckoutFlash(rt.redis, cartId, input.market) : null,
      ]);
      return { cart: await viewCart(rt, cart), idempotencyKey: newId(20), flash };
    }),

  place: publicProcedure
    .input(CheckoutInput)
    .use(withRuntime)
    .mutation(async ({ ctx, input }) => {
      const cartId = cartIdOf(ctx.event);
      if (!cartId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'cart: there is no cart to check out (no cart cookie)' });
      const placed = accepted(await placeOrder(ctx.rt, cartId, input));
      return { number: placed.order.number, created: placed.created };
    }),

  /** The order this browser's cart just became. */
  confirmation: publicProcedure
    .input(CartInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) =>
      found(await confirmedOrder(ctx.rt, cartIdOf(ctx.event), input.market), 'no order was placed from this cart'),
    ),

  /**
   * A mutation, so number and e-mail travel in the body, never in a URL; counted against the
   * lookup limits per client address and per order number (429 in the shop's language).
   */
  orderStatus: publicProcedure
    .input(OrderLookupInput)
    .use(withRuntime)
    .mutation(async ({ ctx, input }) => {
      const result = await lookUpOrderLimited(ctx.rt, input, ctx.event ? requestClientAddress(ctx.event) : 'in-process');
      if (result.outcome === 'limited') throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: result.message });
      if (result.outcome !== 'found') throw new TRPCError({ code: 'NOT_FOUND', message: 'no order matches this number and e-mail' });
      return result.order;
    }),

  /** The lookup the order-status form made (its cookie), as the page shows it; `number` prefills an empty form. */
  lookedUp: publicProcedure
    .input(LookedUpInput)
    .use(withRuntime)
    .query(({ ctx, input }) => shownLookup(ctx.rt, lookupTokenOf(ctx.event), input.market, { number: input.number })),
});
