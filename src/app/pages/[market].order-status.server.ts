// Data of the order status page: the lookup the page's form posted (kept behind a cookie by
// /api/order-status/{market}), with the order read afresh, or an empty form (prefilled with the
// `number` a confirmation page links with). Nothing here is ever cached: it may be someone's
// order, and the e-mail never comes from the URL.
import type { PageServerLoad } from '@analogjs/router';
import { getQuery, setResponseHeader } from 'h3';
import { shopLoad } from '../cart/shop-load.server';
import type { ShopLoad } from '../cart/shop-load';
import type { ShownLookup } from '../../server/checkout';

export type OrderStatusLookup = ShownLookup;

export async function load({ params, event }: PageServerLoad): Promise<ShopLoad<OrderStatusLookup>> {
  setResponseHeader(event, 'cache-control', 'no-store');
  const number = getQuery(event)['number'];
  return shopLoad(event, params?.['market'], 'order status page', (caller, shop) =>
    caller.checkout.lookedUp({ market: shop.market, number: typeof number === 'string' ? number.slice(0, 40) : '' }),
  );
}
