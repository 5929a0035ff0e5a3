// Data of the checkout page: the cart priced now, a fresh idempotency key for the form, and,
// after a refused submission without JavaScript, its values and errors (read once).
import type { PageServerLoad } from '@analogjs/router';
import { shopLoad } from '../cart/shop-load.server';
import type { ShopLoad } from '../cart/shop-load';
import type { PricedCart } from '../../server/cart';
import type { CheckoutFlash } from '../../server/checkout';

export interface CheckoutPageData {
  readonly cart: PricedCart;
  readonly idempotencyKey: string;
  readonly flash: CheckoutFlash | null;
}

export async function load({ params, event }: PageServerLoad): Promise<ShopLoad<CheckoutPageData>> {
  return shopLoad(event, params?.['market'], 'checkout page', (caller, shop) => caller.checkout.form({ market: shop.market }));
}
