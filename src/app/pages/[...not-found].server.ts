// Data of the catch-all page: the market whose words and ways back it shows. Under a market's
// prefix (`/it/nothing`) that market; elsewhere the one the visitor's languages choose.
import type { PageServerLoad } from '@analogjs/router';
import { isMarketCode, type MarketCode } from '../../common/markets';
import { visitorMarket } from '../shop/visitor-market.server';

export async function load({ params, event }: PageServerLoad): Promise<{ readonly market: MarketCode }> {
  // The catch-all's parameter is the whole unmatched path, `it/nothing`.
  const first = String(params?.['not-found'] ?? '')
    .split('/')
    .find((segment) => segment !== '');
  return { market: isMarketCode(first) ? first : visitorMarket(event) };
}
