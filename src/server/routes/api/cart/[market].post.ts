// The cart's forms without JavaScript: "add to cart" on a product page and the cart page's
// quantities and remove buttons post here; the answer is a redirect (303) to the cart page,
// with what went wrong as a notice the page words in the shopper's language.
import { createError, defineEventHandler, getRouterParam, sendRedirect } from 'h3';
import { addToCart, changeQuantity, ensureCartId, parseCartForm, readFormFields } from '../../../cart';
import { Id } from '../../../../common/ids';
import { isMarketCode } from '../../../../common/markets';
import { runtime } from '../../../platform/runtime';

export default defineEventHandler(async (event) => {
  const market = getRouterParam(event, 'market');
  if (!isMarketCode(market)) throw createError({ statusCode: 404, statusMessage: 'no such market' });
  const rt = await runtime();
  const request = parseCartForm(await readFormFields(event, rt.config));
  if (!request) throw createError({ statusCode: 400, statusMessage: 'intent: expected add or update' });
  const cartId = ensureCartId(event, rt.config.CART_TTL_MS);
  const cartPage = `/${market}/cart`;
  if (request.intent === 'add') {
    if (!Id.safeParse(request.productId).success) throw createError({ statusCode: 400, statusMessage: 'productId: expected a product id' });
    const result = await addToCart(rt, cartId, market, request.productId, request.quantity);
    return sendRedirect(event, result.ok ? `${cartPage}?added=${request.productId}` : `${cartPage}?problem=${result.reason}`, 303);
  }
  for (const [productId, quantity] of request.quantities) {
    // A line removed meanwhile (another tab) is not worth an error page.
    if (Id.safeParse(productId).success) await changeQuantity(rt, cartId, market, productId, quantity);
  }
  return sendRedirect(event, cartPage, 303);
});
