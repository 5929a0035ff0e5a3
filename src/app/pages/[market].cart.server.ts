// Data of the cart page: the shopper's cart priced now, and the notice of a change made
// without JavaScript (the form route redirects here with `added` or `problem`).
import type { PageServerLoad } from '@analogjs/router';
import { getQuery } from 'h3';
import { CART_REFUSALS, type CartRefusal } from '../../server/cart';
import type { PricedCart } from '../../server/cart';
import { shopLoad } from '../cart/shop-load.server';
import type { ShopLoad } from '../cart/shop-load';

export interface CartPageData {
  readonly cart: PricedCart;
  readonly added: boolean;
  readonly problem: CartRefusal | null;
}

export async function load({ params, event }: PageServerLoad): Promise<ShopLoad<CartPageData>> {
  const query = getQuery(event);
  const problem = typeof query['problem'] === 'string' && query['problem'] in CART_REFUSALS ? (query['problem'] as CartRefusal) : null;
  return shopLoad(event, params?.['market'], 'cart page', async (caller, shop) => ({
    cart: await caller.checkout.cart.view({ market: shop.market }),
    added: typeof query['added'] === 'string',
    problem,
  }));
}
