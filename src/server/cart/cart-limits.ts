// The cart's limits and the reasons it refuses a change, with the API's message for each.
// Free of zod and of I/O, so the browser bundle shares them with the server.
import type { Refusal, RefusalKind } from '../platform/refusal';

/** Most of one product a cart takes: enough for a household, not for a reseller. */
export const MAX_QUANTITY = 10;
/** Most lines a cart holds, so a cart (and the checkout's product reads) stays small. */
export const MAX_LINES = 30;

export type CartRefusal = 'not_for_sale' | 'out_of_stock' | 'below_floor' | 'too_many_lines' | 'not_in_cart';

export const CART_REFUSALS: Readonly<Record<CartRefusal, { readonly kind: RefusalKind; readonly message: string }>> = {
  not_for_sale: { kind: 'invalid', message: 'productId: this product is not for sale in this market' },
  out_of_stock: { kind: 'conflict', message: 'productId: this product is out of stock' },
  below_floor: { kind: 'conflict', message: 'productId: this product cannot be sold at this price now' },
  too_many_lines: { kind: 'invalid', message: 'productId: the cart holds as many products as it can' },
  not_in_cart: { kind: 'invalid', message: 'productId: this product is not in the cart' },
};

/** The cart's "no", in the shape every service refuses with, its reason kept for the shopper's page. */
export function cartRefusal(reason: CartRefusal): Refusal & { readonly reason: CartRefusal } {
  return { ok: false, ...CART_REFUSALS[reason], reason };
}

/** The refusal an API error message reports, for the page to word in the shopper's language. */
export function refusalFromMessage(message: string): CartRefusal | null {
  const found = Object.entries(CART_REFUSALS).find(([, r]) => r.message === message);
  return found ? (found[0] as CartRefusal) : null;
}
