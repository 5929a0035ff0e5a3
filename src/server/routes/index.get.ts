// `/`: sends a shopper to a market's shop by the languages the browser asks for (302, so a
// visitor whose languages change is not held to a cached answer). The platform status that
// lived here is at /status.
import { defineEventHandler, getHeader, sendRedirect, setResponseHeader } from 'h3';
import { marketForLanguages } from '../../common/markets';

export default defineEventHandler((event) => {
  setResponseHeader(event, 'vary', 'Accept-Language');
  return sendRedirect(event, `/${marketForLanguages(getHeader(event, 'accept-language'))}`, 302);
});
