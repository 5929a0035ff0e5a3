import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emptyCart, addLine, priceCart, type Purchasable } from '../cart';
import { testOffer } from '../catalog/offer.fixture';
import { DEFAULT_MARGIN_RULES } from '../pricing';
import { Order } from '../orders';
import { eur } from '../../common/money';
import { buildOrder, orderIdFor, orderNumberFor, unconfirmedPriceChanges } from './checkout';
import { CheckoutInput } from './checkout.schema';
import { checkoutInputFromForm, encodeAcceptedPrices } from './checkout-form';

const now = new Date('2026-11-25T10:00:00Z');
const form = {
  idempotencyKey: 'k0123456789abcdefghjk',
  email: ' Anna.Rossi@Example.IT ',
  name: 'Anna Rossi',
  phone: '+39 333 1234567',
  line1: 'Via Roma 1',
  line2: '',
  postalCode: '00184',
  city: 'Roma',
  paymentMethod: 'bank_transfer',
};

describe('checkout input', () => {
  it('accepts a complete Italian form and normalizes the postal code', () => {
    const input = CheckoutInput.parse(checkoutInputFromForm('it', { ...form, postalCode: '00 184' }));
    expect(input).toMatchObject({ market: 'it', email: 'Anna.Rossi@Example.IT', postalCode: '00184', acceptedPrices: {} });
  });

  it('names every wrong field, the postal code by the market’s country', () => {
    const result = CheckoutInput.safeParse(
      checkoutInputFromForm('es', { ...form, email: 'nope', name: ' ', postalCode: '53001', paymentMethod: 'card' }),
    );
    expect(result.success).toBe(false);
    const fields = z.flattenError(result.error!).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(['email', 'name', 'paymentMethod', 'postalCode']);
    expect(fields.postalCode?.[0]).toMatch(/Spanish postal code/);
  });

  it('reads the confirmed prices from the confirmation checkbox', () => {
    const value = encodeAcceptedPrices([
      { productId: 'aaaaaa1', unitCents: 2199 },
      { productId: 'bbbbbb1', unitCents: 5 },
    ]);
    expect(CheckoutInput.parse(checkoutInputFromForm('it', { ...form, acceptedPrices: value })).acceptedPrices).toEqual({
      aaaaaa1: 2199,
      bbbbbb1: 5,
    });
  });
});

describe('order ids', () => {
  it('are the same for the same customer and key, and differ otherwise', () => {
    expect(orderIdFor('c-1', 'key1')).toBe(orderIdFor('c-1', 'key1'));
    expect(orderIdFor('c-1', 'key1')).not.toBe(orderIdFor('c-1', 'key2'));
    expect(orderIdFor('c-1', 'key1')).not.toBe(orderIdFor('c-2', 'key1'));
    expect(orderNumberFor('o-1')).toMatch(/^DS-[0-9A-F]{10}$/);
  });
});

describe('orders from carts', () => {
  // Bought in Italy for a euro: every price below sells above the floor.
  const item = (productId: string, cents: number): Purchasable => ({
    productId,
    market: 'it',
    title: `T ${productId}`,
    slug: 't',
    price: eur(cents),
    availability: 'in_stock',
    offers: { it: testOffer(100, 0) },
  });
  function pricedAt(added: number, current: number) {
    const added1 = addLine(emptyCart('it', now), item('aaaaaa1', added), 3, DEFAULT_MARGIN_RULES, now);
    const added2 = added1.ok ? addLine(added1.cart, item('bbbbbb1', 333), 2, DEFAULT_MARGIN_RULES, now) : added1;
    if (!added2.ok) throw new Error('not added');
    return priceCart(
      added2.cart,
      new Map([
        ['aaaaaa1', item('aaaaaa1', current)],
        ['bbbbbb1', item('bbbbbb1', 333)],
      ]),
      DEFAULT_MARGIN_RULES,
    );
  }

  it('makes a valid order whose total is the sum of its lines', () => {
    const input = CheckoutInput.parse(checkoutInputFromForm('it', form));
    const order = buildOrder({ input, cart: pricedAt(1999, 1999), customerId: 'c-abc123', now });
    expect(Order.safeParse(order).success).toBe(true);
    expect(order.lines.map((l) => l.total.amountCents)).toEqual([5997, 666]);
    expect(order.total.amountCents).toBe(6663);
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      email: 'anna.rossi@example.it',
      shippingAddress: { country: 'IT', line2: null },
    });
    expect(order.timeline).toEqual([
      { kind: 'status', at: now, from: null, to: 'awaiting_payment', actor: { kind: 'shopper', id: 'c-abc123' }, reason: 'order placed' },
    ]);
  });

  it('starts a cash-on-delivery order confirmed', () => {
    const input = CheckoutInput.parse(checkoutInputFromForm('it', { ...form, paymentMethod: 'cash_on_delivery' }));
    expect(buildOrder({ input, cart: pricedAt(1999, 1999), customerId: 'c-abc123', now }).status).toBe('confirmed');
  });

  it('needs the shopper to confirm exactly the new price of a changed line', () => {
    const cart = pricedAt(1999, 2099);
    expect(unconfirmedPriceChanges(cart, {}).map((l) => l.productId)).toEqual(['aaaaaa1']);
    expect(unconfirmedPriceChanges(cart, { aaaaaa1: 2050 })).toHaveLength(1);
    expect(unconfirmedPriceChanges(cart, { aaaaaa1: 2099 })).toEqual([]);
  });
});
