import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog';
import { testOffer } from '../catalog/offer.fixture';
import { eur } from '../../common/money';
import { DEFAULT_MARGIN_RULES as RULES, sellPriceFor } from '../pricing';
import { addLine, emptyCart, priceCart, purchasableIn, setQuantity, type Purchasable } from './cart';
import { CART_REFUSALS, MAX_QUANTITY, refusalFromMessage } from './cart-limits';
import type { Cart } from './cart.schema';
import { parseCartForm } from './cart-form';

const now = new Date('2026-11-25T10:00:00Z');
// Bought for nothing in Italy, so any price above the fees and the floor can be sold at.
const item = (
  productId: string,
  cents: number | null,
  availability: Purchasable['availability'] = 'in_stock',
  offers: Purchasable['offers'] = { it: testOffer(0, 0, availability) },
): Purchasable => ({
  productId,
  market: 'it',
  title: `Product ${productId}`,
  slug: `product-${productId}`,
  price: cents === null ? null : eur(cents),
  availability,
  offers,
});

function cartWith(...adds: [Purchasable, number][]): Cart {
  let cart = emptyCart('it', now);
  for (const [p, q] of adds) {
    const change = addLine(cart, p, q, RULES, now);
    if (!change.ok) throw new Error(change.reason);
    cart = change.cart;
  }
  return cart;
}

describe('cart lines', () => {
  it('adds, merges the same product and caps its quantity', () => {
    const cart = cartWith([item('aaaaaa1', 1999), 2], [item('bbbbbb1', 500), 1], [item('aaaaaa1', 1999), 1]);
    expect(cart.lines.map((l) => [l.productId, l.quantity])).toEqual([
      ['aaaaaa1', 3],
      ['bbbbbb1', 1],
    ]);
    const capped = cartWith([item('aaaaaa1', 1999), MAX_QUANTITY], [item('aaaaaa1', 1999), 4]);
    expect(capped.lines[0]?.quantity).toBe(MAX_QUANTITY);
  });

  it('remembers the unit price shown when the product was added', () => {
    const cart = cartWith([item('aaaaaa1', 1999), 1]);
    expect(cart.lines[0]?.unitPrice).toEqual(eur(1999));
  });

  it('refuses products not for sale or out of stock, and accepts unknown stock', () => {
    const cart = emptyCart('it', now);
    expect(addLine(cart, item('aaaaaa1', null), 1, RULES, now)).toMatchObject({ ok: false, reason: 'not_for_sale' });
    expect(addLine(cart, item('aaaaaa1', 1000, 'out_of_stock'), 1, RULES, now)).toMatchObject({ ok: false, reason: 'out_of_stock' });
    expect(addLine(cart, item('aaaaaa1', 1000, 'unknown'), 1, RULES, now).ok).toBe(true);
  });

  it('refuses a price that would sell below the margin floor, and takes the computed one', () => {
    // A German offer at 20.00 + 3.99 sold in Italy: the price the engine computes passes, the
    // 33.90 the old pricing showed (no shipping abroad, no fees) does not.
    const offers = { de: testOffer(2000, 399) };
    const computed = sellPriceFor(offers.de, 'de', 'it', RULES)!.sellGrossCents;
    expect(addLine(emptyCart('it', now), item('aaaaaa1', 3390, 'in_stock', offers), 1, RULES, now)).toMatchObject({
      ok: false,
      reason: 'below_floor',
    });
    expect(addLine(emptyCart('it', now), item('aaaaaa1', computed, 'in_stock', offers), 1, RULES, now).ok).toBe(true);
  });

  it('changes a quantity, removes at 0, and refuses a product not in the cart', () => {
    const cart = cartWith([item('aaaaaa1', 1999), 1], [item('bbbbbb1', 500), 1]);
    const changed = setQuantity(cart, 'aaaaaa1', 4, now);
    expect(changed.ok && changed.cart.lines[0]?.quantity).toBe(4);
    const removed = setQuantity(cart, 'aaaaaa1', 0, now);
    expect(removed.ok && removed.cart.lines.map((l) => l.productId)).toEqual(['bbbbbb1']);
    expect(setQuantity(cart, 'cccccc1', 1, now)).toMatchObject({ ok: false, reason: 'not_in_cart' });
  });
});

describe('cart pricing', () => {
  it('sums line totals in integer cents at today’s prices', () => {
    const cart = cartWith([item('aaaaaa1', 1999), 3], [item('bbbbbb1', 199), 7]);
    const priced = priceCart(
      cart,
      new Map([
        ['aaaaaa1', item('aaaaaa1', 1999)],
        ['bbbbbb1', item('bbbbbb1', 199)],
      ]),
      RULES,
    );
    expect(priced.lines.map((l) => l.lineTotalCents)).toEqual([5997, 1393]);
    expect(priced.totalCents).toBe(7390);
    expect(priced.itemCount).toBe(10);
    expect(priced.orderable).toBe(true);
    expect(priced.priceChanges).toEqual([]);
  });

  it('flags a changed price with the old and the new unit price', () => {
    const cart = cartWith([item('aaaaaa1', 1999), 2]);
    const priced = priceCart(cart, new Map([['aaaaaa1', item('aaaaaa1', 2199)]]), RULES);
    expect(priced.lines[0]).toMatchObject({ addedUnitCents: 1999, unitCents: 2199, priceChanged: true, lineTotalCents: 4398 });
    expect(priced.priceChanges).toHaveLength(1);
    expect(priced.totalCents).toBe(4398);
  });

  it('flags lines out of stock or gone, leaves them out of the total, and is not orderable', () => {
    const cart = cartWith([item('aaaaaa1', 1000), 1], [item('bbbbbb1', 500), 2], [item('cccccc1', 300), 1]);
    const priced = priceCart(
      cart,
      new Map([
        ['aaaaaa1', item('aaaaaa1', 1000)],
        ['bbbbbb1', item('bbbbbb1', 500, 'out_of_stock')],
      ]),
      RULES,
    );
    expect(priced.lines.map((l) => l.status)).toEqual(['ok', 'out_of_stock', 'not_for_sale']);
    expect(priced.totalCents).toBe(1000);
    expect(priced.orderable).toBe(false);
  });

  it('flags a line whose price now sells below the floor (its source rose), leaves it out of the total, and is not orderable', () => {
    const cart = cartWith([item('aaaaaa1', 1000), 1], [item('bbbbbb1', 1990, 'in_stock', { it: testOffer(1000, 0) }), 2]);
    const risen = { it: testOffer(1900, 0) };
    const priced = priceCart(
      cart,
      new Map([
        ['aaaaaa1', item('aaaaaa1', 1000)],
        ['bbbbbb1', item('bbbbbb1', 1990, 'in_stock', risen)],
      ]),
      RULES,
    );
    expect(priced.lines.map((l) => l.status)).toEqual(['ok', 'below_floor']);
    expect(priced.lines[1]?.priceChanged).toBe(false);
    expect(priced.totalCents).toBe(1000);
    expect(priced.orderable).toBe(false);
  });

  it('an empty cart is not orderable', () => {
    expect(priceCart(emptyCart('fr', now), new Map(), RULES).orderable).toBe(false);
  });
});

describe('stock of the source offer', () => {
  const offer = (availability: 'in_stock' | 'out_of_stock' | 'unknown') => ({
    site: 'amazon',
    sourceId: 'B0000',
    url: 'https://www.amazon.it/dp/B0000',
    price: eur(1000),
    shipping: null,
    availability,
    seller: null,
    lastScrapedAt: now,
    lastRefreshedAt: null,
  });
  const product = (extra: Partial<Product>): Product => ({
    _id: 'pppppp1',
    slug: 'p',
    gtin: null,
    title: 'P',
    brand: null,
    category: 'other',
    images: [],
    attributes: {},
    searchTokens: [],
    offers: { it: offer('in_stock'), de: offer('out_of_stock') },
    sellPrices: { fr: { price: eur(1500), sourceMarket: 'de', computedAt: now } },
    createdAt: now,
    updatedAt: now,
    ...extra,
  });

  it('is the availability of the offer the selling price comes from', () => {
    expect(purchasableIn(product({}), 'fr', now)).toMatchObject({ price: eur(1500), availability: 'out_of_stock' });
  });

  it('is any offer in stock under an agent’s override, which names no source', () => {
    const overridden = product({
      priceOverrides: {
        fr: { price: eur(1400), expiresAt: new Date(now.getTime() + 60_000), reason: 'promo', agentId: 'agent1', at: now },
      },
    });
    expect(purchasableIn(overridden, 'fr', now)).toMatchObject({ price: eur(1400), availability: 'in_stock' });
  });

  it('has no price where the product is not sold or its sales are stopped', () => {
    expect(purchasableIn(product({}), 'es', now).price).toBeNull();
    expect(purchasableIn(product({ salesStop: { reason: 'recall', agentId: 'agent1', at: now } }), 'fr', now).price).toBeNull();
  });
});

describe('cart forms without JavaScript', () => {
  it('reads an add and an update with a remove button', () => {
    expect(parseCartForm({ intent: 'add', productId: 'aaaaaa1', quantity: '2' })).toEqual({
      intent: 'add',
      productId: 'aaaaaa1',
      quantity: 2,
    });
    expect(parseCartForm({ intent: 'add', productId: 'aaaaaa1', quantity: 'x' })).toEqual({
      intent: 'add',
      productId: 'aaaaaa1',
      quantity: 1,
    });
    const update = parseCartForm({ intent: 'update', qty_aaaaaa1: '3', qty_bbbbbb1: '99', remove: 'cccccc1' });
    expect(update?.intent === 'update' && [...update.quantities]).toEqual([
      ['aaaaaa1', 3],
      ['bbbbbb1', MAX_QUANTITY],
      ['cccccc1', 0],
    ]);
    expect(parseCartForm({ intent: 'other' })).toBeNull();
  });
});

describe('cart refusals', () => {
  it('are recognized from the API’s message, and nothing else is', () => {
    for (const [reason, { message }] of Object.entries(CART_REFUSALS)) expect(refusalFromMessage(message)).toBe(reason);
    expect(refusalFromMessage('Internal server error')).toBeNull();
  });
});
