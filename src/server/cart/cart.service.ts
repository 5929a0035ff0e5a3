// The cart's operations for the API and the no-JavaScript form routes: read the cart and the
// products it names, apply the pure rule, write the cart back.
import { productCacheKey, productFromCacheOrDb } from '../catalog';
import type { MarketCode } from '../markets';
import type { Runtime } from '../runtime';
import { addLine, emptyCart, priceCart, purchasableIn, setQuantity, type PricedCart, type Purchasable } from './cart';
import type { CartRefusal } from './cart-limits';
import type { Cart } from './cart.schema';
import { readCart, writeCart } from './cart.store';

export type CartResult = { readonly ok: true; readonly cart: PricedCart } | { readonly ok: false; readonly reason: CartRefusal };

/** The products as the product page sees them: the Redis copy first, MongoDB on a miss. */
export async function purchasables(rt: Runtime, productIds: readonly string[], market: MarketCode, now = new Date()): Promise<Map<string, Purchasable>> {
  const found = new Map<string, Purchasable>();
  if (productIds.length === 0) return found;
  const cached = await rt.redis.mget(...productIds.map(productCacheKey));
  await Promise.all(
    productIds.map(async (id, i) => {
      const { product } = await productFromCacheOrDb(rt.redis, rt.collections.products, id, cached[i] ?? null);
      if (product) found.set(id, purchasableIn(product, market, now));
    }),
  );
  return found;
}

export async function loadCart(rt: Runtime, cartId: string | null, market: MarketCode, now = new Date()): Promise<Cart> {
  return (cartId ? await readCart(rt.redis, cartId, market, rt.config.CART_TTL_MS) : null) ?? emptyCart(market, now);
}

export async function viewCart(rt: Runtime, cart: Cart, now = new Date()): Promise<PricedCart> {
  return priceCart(cart, await purchasables(rt, cart.lines.map((l) => l.productId), cart.market, now));
}

export async function addToCart(rt: Runtime, cartId: string, market: MarketCode, productId: string, quantity: number, now = new Date()): Promise<CartResult> {
  const [cart, catalog] = await Promise.all([loadCart(rt, cartId, market, now), purchasables(rt, [productId], market, now)]);
  const item = catalog.get(productId);
  if (!item) return { ok: false, reason: 'not_for_sale' };
  const change = addLine(cart, item, quantity, now);
  if (!change.ok) return change;
  await writeCart(rt.redis, cartId, change.cart, rt.config.CART_TTL_MS);
  return { ok: true, cart: await viewCart(rt, change.cart, now) };
}

/** Quantity 0 removes the line. */
export async function changeQuantity(rt: Runtime, cartId: string, market: MarketCode, productId: string, quantity: number, now = new Date()): Promise<CartResult> {
  const change = setQuantity(await loadCart(rt, cartId, market, now), productId, quantity, now);
  if (!change.ok) return change;
  await writeCart(rt.redis, cartId, change.cart, rt.config.CART_TTL_MS);
  return { ok: true, cart: await viewCart(rt, change.cart, now) };
}
