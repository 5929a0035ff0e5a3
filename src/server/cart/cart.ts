// Pure cart rules: adding, changing and removing lines, and the cart priced against the
// catalog as it is now (current price, stock, for sale or not, and whether the price still pays
// for the purchase: the margin engine's floor). No I/O: cart.store.ts keeps carts in Redis and
// cart.service.ts reads the products.
import type { Availability, Product } from '../catalog';
import { sellingPrice, textFor } from '../catalog';
import type { MarketCode } from '../../common/markets';
import type { Money } from '../../common/money';
import { bestBuy, type MarginRules } from '../pricing';
import { cartRefusal, MAX_LINES, MAX_QUANTITY, type CartRefusal } from './cart-limits';
import type { Cart, CartLine } from './cart.schema';

export const CART_KEY_PREFIX = 'ds:cart:';

/** One cookie, one cart per market: a shopper switching markets does not mix prices. */
export function cartKey(cartId: string, market: MarketCode): string {
  return `${CART_KEY_PREFIX}${cartId}:${market}`;
}

export function emptyCart(market: MarketCode, now: Date): Cart {
  return { market, lines: [], lastOrder: null, updatedAt: now.toISOString() };
}

/** What the catalog says now about one product in one market. */
export interface Purchasable {
  readonly productId: string;
  readonly market: MarketCode;
  readonly title: string;
  readonly slug: string;
  /** Null when the product is not for sale in the market (no price, or sales stopped). */
  readonly price: Money | null;
  readonly availability: Availability;
  /** The source offers, which the floor check buys from as the purchase will. */
  readonly offers: Product['offers'];
}

/**
 * The stock that matters is the source offer we would buy from. An agent's override names no
 * source: then any offer in stock will do.
 */
export function purchasableIn(product: Product, market: MarketCode, now = new Date()): Purchasable {
  const selling = sellingPrice(product, market, now);
  const offers = selling?.sourceMarket ? [product.offers[selling.sourceMarket]] : Object.values(product.offers);
  const known = offers.flatMap((o) => (o ? [o.availability] : []));
  const availability: Availability = known.includes('in_stock')
    ? 'in_stock'
    : known.includes('unknown') || known.length === 0
      ? 'unknown'
      : 'out_of_stock';
  return {
    productId: product._id,
    market,
    title: textFor(product, market).title,
    slug: product.slug,
    price: selling?.price ?? null,
    availability,
    offers: product.offers,
  };
}

export type CartChange = { readonly ok: true; readonly cart: Cart } | ReturnType<typeof cartRefusal>;

/**
 * Why `quantity` of a product cannot be sold now, or null when it can. A price at which buying
 * the goods would leave less than the floor (an agent's override, a price computed before the
 * source or the settings moved) is refused here rather than found out by the purchase job.
 */
export function refusalFor(item: Purchasable, quantity: number, rules: MarginRules): CartRefusal | null {
  if (!item.price) return 'not_for_sale';
  if (item.availability === 'out_of_stock') return 'out_of_stock';
  const sale = bestBuy(item.offers, { sellMarket: item.market, sellGrossCents: item.price.amountCents * quantity, quantity }, rules);
  if (!sale) return 'out_of_stock';
  if (!sale.meetsFloor) return 'below_floor';
  return null;
}

/**
 * Adds `quantity` of a product (capped at MAX_QUANTITY per line). The line takes the price
 * shown now: the shopper just saw it on the product page.
 */
export function addLine(cart: Cart, item: Purchasable, quantity: number, rules: MarginRules, now: Date): CartChange {
  const existing = cart.lines.find((l) => l.productId === item.productId);
  const total = Math.min(MAX_QUANTITY, (existing?.quantity ?? 0) + quantity);
  const refusal = refusalFor(item, total, rules);
  if (refusal || !item.price) return cartRefusal(refusal ?? 'not_for_sale');
  if (!existing && cart.lines.length >= MAX_LINES) return cartRefusal('too_many_lines');
  const line: CartLine = {
    productId: item.productId,
    quantity: total,
    unitPrice: item.price,
    addedAt: now.toISOString(),
  };
  const lines = existing ? cart.lines.map((l) => (l === existing ? line : l)) : [...cart.lines, line];
  return { ok: true, cart: { ...cart, lines, updatedAt: now.toISOString() } };
}

/** Sets a line's quantity; 0 removes the line. The remembered price stays. */
export function setQuantity(cart: Cart, productId: string, quantity: number, now: Date): CartChange {
  if (!cart.lines.some((l) => l.productId === productId)) return cartRefusal('not_in_cart');
  const lines =
    quantity <= 0
      ? cart.lines.filter((l) => l.productId !== productId)
      : cart.lines.map((l) => (l.productId === productId ? { ...l, quantity: Math.min(MAX_QUANTITY, quantity) } : l));
  return { ok: true, cart: { ...cart, lines, updatedAt: now.toISOString() } };
}

/** `below_floor`: sold at this price, the purchase would not pay for itself; the shopper removes the line. */
export type LineStatus = 'ok' | 'out_of_stock' | 'not_for_sale' | 'below_floor';

export interface PricedLine {
  readonly productId: string;
  readonly title: string;
  readonly slug: string;
  readonly quantity: number;
  /** The price when added. */
  readonly addedUnitCents: number;
  /** The price now; equal to addedUnitCents unless it changed. */
  readonly unitCents: number;
  readonly priceChanged: boolean;
  readonly lineTotalCents: number;
  readonly status: LineStatus;
}

export interface PricedCart {
  readonly market: MarketCode;
  readonly lines: readonly PricedLine[];
  /** Sum of the line totals of the lines that can be ordered, at today's prices. */
  readonly totalCents: number;
  readonly itemCount: number;
  /** True when every line can be ordered (and there is one). */
  readonly orderable: boolean;
  readonly priceChanges: readonly PricedLine[];
}

/** How many items the lines hold, whatever their state: the number the shop's header shows. */
export function itemCount(lines: readonly { readonly quantity: number }[]): number {
  return lines.reduce((sum, l) => sum + l.quantity, 0);
}

/**
 * The cart against the catalog now. A product that vanished from the catalog is a line not for
 * sale (the shopper removes it); totals count only lines that can be ordered.
 */
export function priceCart(cart: Cart, catalog: ReadonlyMap<string, Purchasable>, rules: MarginRules): PricedCart {
  const lines = cart.lines.map((line): PricedLine => {
    const item = catalog.get(line.productId);
    const refusal = item ? refusalFor(item, line.quantity, rules) : 'not_for_sale';
    const status: LineStatus = refusal === 'out_of_stock' || refusal === 'below_floor' ? refusal : refusal ? 'not_for_sale' : 'ok';
    const unitCents = item?.price?.amountCents ?? line.unitPrice.amountCents;
    return {
      productId: line.productId,
      title: item?.title ?? '',
      slug: item?.slug ?? '',
      quantity: line.quantity,
      addedUnitCents: line.unitPrice.amountCents,
      unitCents,
      priceChanged: status === 'ok' && unitCents !== line.unitPrice.amountCents,
      lineTotalCents: unitCents * line.quantity,
      status,
    };
  });
  const orderableLines = lines.filter((l) => l.status === 'ok');
  return {
    market: cart.market,
    lines,
    totalCents: orderableLines.reduce((sum, l) => sum + l.lineTotalCents, 0),
    itemCount: itemCount(lines),
    orderable: lines.length > 0 && orderableLines.length === lines.length,
    priceChanges: lines.filter((l) => l.priceChanged),
  };
}
