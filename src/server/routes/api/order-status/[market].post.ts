// The order-status form posts here (with or without JavaScript): the lookup is counted against
// the rate limits, kept in Redis behind a random cookie, and the shopper is sent back to the page
// (303, post/redirect/get), which shows it; the e-mail stays out of every URL and access log.
import { createError, defineEventHandler, getRouterParam, sendRedirect, setResponseHeader } from 'h3';
import { readFormFields } from '../../../cart';
import { recordFormLookup, setLookupCookie } from '../../../checkout';
import { isMarketCode } from '../../../../common/markets';
import { requestClientAddress } from '../../../platform/web';
import { runtime } from '../../../platform/runtime';

export default defineEventHandler(async (event) => {
  const market = getRouterParam(event, 'market');
  if (!isMarketCode(market)) throw createError({ statusCode: 404, statusMessage: 'no such market' });
  setResponseHeader(event, 'cache-control', 'no-store');
  const rt = await runtime();
  const form = await readFormFields(event, rt.config);
  const { token } = await recordFormLookup(
    rt,
    { market, number: form['number'] ?? '', email: form['email'] ?? '' },
    requestClientAddress(event),
  );
  setLookupCookie(event, token);
  return sendRedirect(event, `/${market}/order-status`, 303);
});
