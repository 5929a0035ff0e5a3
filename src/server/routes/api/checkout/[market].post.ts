// The checkout form without JavaScript posts here. Placed: 303 to the confirmation page.
// Refused: the values and the errors go to Redis for one read, and 303 back to the form, which
// shows each error next to its field (post/redirect/get: a reload never posts twice).
import { createError, defineEventHandler, getRouterParam, sendRedirect } from 'h3';
import { z } from 'zod';
import { cartIdOf, readFormFields } from '../../../cart';
import { CheckoutInput, checkoutInputFromForm, placeOrder, saveCheckoutFlash } from '../../../checkout';
import { isMarketCode } from '../../../../common/markets';
import { runtime } from '../../../platform/runtime';

export default defineEventHandler(async (event) => {
  const market = getRouterParam(event, 'market');
  if (!isMarketCode(market)) throw createError({ statusCode: 404, statusMessage: 'no such market' });
  const rt = await runtime();
  const form = await readFormFields(event, rt.config);
  const cartId = cartIdOf(event);
  const checkoutPage = `/${market}/checkout`;
  // No cookie: the cart expired or was never made; the form shows the empty cart.
  if (!cartId) return sendRedirect(event, checkoutPage, 303);
  const input = checkoutInputFromForm(market, form);
  const parsed = CheckoutInput.safeParse(input);
  let errors: Record<string, string>;
  if (parsed.success) {
    const result = await placeOrder(rt, cartId, parsed.data);
    if (result.ok) return sendRedirect(event, `/${market}/checkout/confirmation`, 303);
    errors = { [result.reason === 'prices_changed' ? 'acceptedPrices' : 'cart']: result.reason };
  } else {
    errors = Object.fromEntries(
      Object.entries(z.flattenError(parsed.error).fieldErrors).map(([field, messages]) => [field, messages?.[0] ?? 'invalid']),
    );
  }
  // Only the form's own text fields are kept for the page to show again, never whatever else was posted.
  const { market: _market, idempotencyKey: _key, acceptedPrices: _accepted, ...values } = input;
  await saveCheckoutFlash(rt.redis, cartId, market, { values: values as Record<string, string>, errors });
  return sendRedirect(event, checkoutPage, 303);
});
