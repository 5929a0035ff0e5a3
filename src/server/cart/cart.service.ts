// The cart's operations for the API and the no-JavaScript form routes: read the cart and the
// products it names, apply the pure rule, write the cart back. Adding a product checks its price
// at the source first (pricing/price-check.service.ts), as placing the order does.
import type { Product } from '../catalog';
import { productCacheKey, productFromCacheOrDb } from '../catalog';
import type { MarketCode } from '../../common/markets';
import { checkPricesAtSource, marginRules } from '../pricing';
import type { Runtime } from '../platform/runtime';
import { addLine, emptyCart, priceCart, purchasableIn, setQuantity, type PricedCart, type Purchasable } from './cart';
import { cartRefusal } from './cart-limits';
import type { Cart } from './cart.schema';
import { readCart, writeCart } from './cart.store';

export type CartResult = { readonly ok: true; readonly cart: PricedCart } | ReturnType<typeof cartRefusal>;

export interface PriceReading {
  /** Refresh prices older than the freshness window at their source, and wait for them (PRICE_CHECK_WAIT_MS). */
  readonly checkAtSource: boolean;
}

/** The products as the product page sees them: the Redis copy first, MongoDB on a miss. */
async function readProducts(rt: Runtime, productIds: readonly string[]): Promise<Product[]> {
  if (productIds.length === 0) return [];
  const cached = await rt.redis.mget(...productIds.map(productCacheKey));
  const found = await Promise.all(productIds.map(async (id, i) => (await productFromCacheOrDb(rt, id, cached[i] ?? null)).product));
  return found.flatMap((product) => (product ? [product] : []));
}

export async function purchasables(
  rt: Runtime,
  productIds: readonly string[],
  market: MarketCode,
  now = new Date(),
  reading: PriceReading = { checkAtSource: false },
): Promise<Map<string, Purchasable>> {
  let products = await readProducts(rt, productIds);
  if (reading.checkAtSource) {
    const refreshed = await checkPricesAtSource(rt, products, market, now);
    // The refresher wrote the cache before it published, so the copy read now is the new one.
    if (refreshed.size > 0) products = [...products.filter((p) => !refreshed.has(p._id)), ...(await readProducts(rt, [...refreshed]))];
  }
  return new Map(products.map((product) => [product._id, purchasableIn(product, market, now)]));
}

export async function loadCart(rt: Runtime, cartId: string | null, market: MarketCode, now = new Date()): Promise<Cart> {
  return (cartId ? await readCart(rt.redis, cartId, market, rt.config.CART_TTL_MS) : null) ?? emptyCart(market, now);
}

export async function viewCart(rt: Runtime, cart: Cart, now = new Date(), reading?: PriceReading): Promise<PricedCart> {
  return priceCart(
    cart,
    await purchasables(
      rt,
      cart.lines.map((l) => l.productId),
      cart.market,
      now,
      reading,
    ),
    marginRules(rt.config),
  );
}

export async function addToCart(
  rt: Runtime,
  cartId: string,
  market: MarketCode,
  productId: string,
  quantity: number,
  now = new Date(),
): Promise<CartResult> {
  const [cart, catalog] = await Promise.all([
    loadCart(rt, cartId, market, now),
    purchasables(rt, [productId], market, now, { checkAtSource: true }),
  ]);
  const item = catalog.get(productId);
  if (!item) return cartRefusal('not_for_sale');
  const change = addLine(cart, item, quantity, marginRules(rt.config), now);
  if (!change.ok) return change;
  await writeCart(rt.redis, cartId, change.cart, rt.config.CART_TTL_MS);
  return { ok: true, cart: await viewCart(rt, change.cart, now) };
}

/** Quantity 0 removes the line. */
export async function changeQuantity(
  rt: Runtime,
  cartId: string,
  market: MarketCode,
  productId: string,
  quantity: number,
  now = new Date(),
): Promise<CartResult> {
  const change = setQuantity(await loadCart(rt, cartId, market, now), productId, quantity, now);
  if (!change.ok) return change;
  await writeCart(rt.redis, cartId, change.cart, rt.config.CART_TTL_MS);
  return { ok: true, cart: await viewCart(rt, change.cart, now) };
}
