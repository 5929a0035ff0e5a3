// Test data for the cart, checkout and order tests: products for sale, scraped into the catalog
// by the crawl's own write path (scraping's product factory), so that their selling prices in
// every market are the pricing's, and scraped again when a test needs the price to move; and
// orders placed as a shopper places them: a cart, then the checkout form as typed. Not imported
// by application code.
import { addToCart, newCartId } from '../cart';
import type { Product } from '../catalog';
import { sellingPrice } from '../catalog';
import { newId } from '../../common/ids';
import type { MarketCode } from '../../common/markets';
import type { Order } from '../orders';
import { findOrderById } from '../orders';
import type { Runtime } from '../platform/runtime';
import { scrapedListing, scrapeDeps, scrapeProducts, type Listing } from '../scraping';
import { CheckoutInput } from './checkout.schema';
import { checkoutInputFromForm } from './checkout-form';
import { placeOrder } from './checkout.service';

export interface ProductForSale {
  readonly product: Product;
  /** What the scraper read: scrape it again with changed fields to move the price. */
  readonly listing: Listing;
}

/** A product scraped just now from `overrides` (an Italian Amazon page by default): fresh, so opening it refreshes nothing. */
export async function productForSale(rt: Runtime, overrides: Partial<Listing> = {}): Promise<ProductForSale> {
  const listing = scrapedListing(overrides);
  const [product] = await scrapeProducts(scrapeDeps(rt), [listing]);
  return { product: product!, listing };
}

/** The same page scraped again with `changes` (a new price), as the next crawl writes it. */
export async function rescrape(rt: Runtime, seed: ProductForSale, changes: Partial<Listing>): Promise<ProductForSale> {
  const listing = { ...seed.listing, ...changes };
  const [product] = await scrapeProducts(scrapeDeps(rt), [listing]);
  return { product: product!, listing };
}

/** What a shopper in `market` pays for one unit. */
export function unitCents(product: Product, market: MarketCode): number {
  const selling = sellingPrice(product, market);
  if (!selling) throw new Error(`product ${product._id} is not for sale in ${market}`);
  return selling.price.amountCents;
}

/** What a shopper types into the checkout form: spaces in the phone number, capitals in the e-mail. */
export type ShopperForm = Record<string, string>;

const ADDRESSES: Record<MarketCode, ShopperForm> = {
  it: { name: 'Anna Rossi', phone: '+39 333 765 4321', line1: 'Via Roma 1', postalCode: '00184', city: 'Roma' },
  fr: { name: 'Camille Martin', phone: '+33 6 12 34 56 78', line1: '12 rue de Rivoli', postalCode: '75001', city: 'Paris' },
  de: { name: 'Jonas Weber', phone: '+49 151 2345 6789', line1: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin' },
  es: { name: 'Lucía García', phone: '+34 612 34 56 78', line1: 'Calle Mayor 10', postalCode: '28013', city: 'Madrid' },
};

/** The form of a new shopper (an e-mail of their own) in `market`, changed by `overrides`. */
export function shopperForm(market: MarketCode, overrides: ShopperForm = {}): ShopperForm {
  // E-mail addresses carry no accents: Lucía García writes Lucia.Garcia.
  const [first, last] = (ADDRESSES[market]['name'] ?? '').normalize('NFD').replace(/\p{M}/gu, '').split(' ');
  return {
    idempotencyKey: newId(20),
    email: `${first}.${last}.${newId(6)}@Example.${market.toUpperCase()}`,
    paymentMethod: 'bank_transfer',
    ...ADDRESSES[market],
    ...overrides,
  };
}

/**
 * An order placed through checkout: the products put into a new cart, then the form submitted
 * (validated as the form route validates it). Throws with checkout's reason when it refuses.
 */
export async function placeShopperOrder(
  rt: Runtime,
  market: MarketCode,
  lines: readonly (readonly [Product, number])[],
  form: ShopperForm = shopperForm(market),
  now = new Date(),
): Promise<Order> {
  const cartId = newCartId();
  for (const [product, quantity] of lines) {
    const added = await addToCart(rt, cartId, market, product._id, quantity, now);
    if (!added.ok) throw new Error(`product ${product._id} cannot go into a cart in ${market}: ${added.reason}`);
  }
  const placed = await placeOrder(rt, cartId, CheckoutInput.parse(checkoutInputFromForm(market, form)), now);
  if (!placed.ok) throw new Error(`checkout refused the order: ${placed.reason}`);
  const order = await findOrderById(rt, placed.order.orderId);
  if (!order) throw new Error(`order ${placed.order.orderId} was placed but cannot be read`);
  return order;
}
