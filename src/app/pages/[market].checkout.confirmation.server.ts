// Data of the confirmation page: the order this browser's cart just became (found through the
// cart cookie, so an order number alone shows nothing here).
import type { PageServerLoad } from '@analogjs/router';
import { shopLoad } from '../cart/shop-load.server';
import type { ShopLoad } from '../cart/shop-load';
import type { ShopperOrderView } from '../../server/checkout';

export async function load({ params, event }: PageServerLoad): Promise<ShopLoad<ShopperOrderView>> {
  return shopLoad(event, params?.['market'], 'confirmation page', (caller, shop) => caller.checkout.confirmation({ market: shop.market }));
}
