// hreflang alternates: the same shop page in each market, and `/` as x-default (it sends a
// visitor to a market by language). Pages' heads and the sitemaps state the same set. Pure.
import { MARKET_CODES, MARKETS } from '../../common/markets';

export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

/** `rest` is the page's path after the market prefix, with its query (`/p/moka-abc123`, `?category=x`, ''). */
export function alternatesFor(origin: string, rest: string): Alternate[] {
  return [
    ...MARKET_CODES.map((m) => ({ hreflang: MARKETS[m].language, href: `${origin}/${m}${rest}` })),
    { hreflang: 'x-default', href: `${origin}/` },
  ];
}
