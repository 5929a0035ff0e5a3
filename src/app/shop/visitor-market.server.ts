// The market a shop page speaks for an address outside every market (`/xx/cart`, `/nothing`):
// the one the visitor's languages choose, as `/` sends them to, so a 404 is in their language.
import { getHeader, type H3Event } from 'h3';
import type { MarketCode } from '../../common/markets';
import { marketForLanguages } from '../../common/markets';

export function visitorMarket(event: H3Event): MarketCode {
  return marketForLanguages(getHeader(event, 'accept-language'));
}
