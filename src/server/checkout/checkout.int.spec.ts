// Checkout against real MongoDB and Redis: a price changed between cart and checkout needs the
// shopper's confirmation, a product bought in one market and sold in another at its computed
// price passes the purchase check, a price below the margin floor is refused, a double submit
// makes one order with its outbox entries once, and
// the shopper's status lookup shows a safe timeline and says nothing about unknown e-mails.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { addToCart, loadCart, newCartId } from '../cart';
import { cacheProduct, upsertProduct, type Product } from '../catalog';
import { customerIdFor, CUSTOMERS } from '../customers';
import { newId } from '../../common/ids';
import type { MarketCode } from '../../common/markets';
import { eur } from '../../common/money';
import { bestBuy, marginRules } from '../pricing';
import { appendTimeline, ORDERS } from '../orders';
import { effectId, OUTBOX } from '../outbox';
import { orderIdFor } from './checkout';
import { CheckoutInput } from './checkout.schema';
import { checkoutInputFromForm } from './checkout-form';
import { productForSale, rescrape, unitCents } from './checkout.fixture';
import { lookUpOrder, placeOrder } from './checkout.service';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const customerCollection = collectionIn(CUSTOMERS);
const orderCollection = collectionIn(ORDERS);
const outboxCollection = collectionIn(OUTBOX);

const rt = useTestRuntime('checkout');

function input(market: MarketCode, overrides: Record<string, string> = {}) {
  return CheckoutInput.parse(
    checkoutInputFromForm(market, {
      idempotencyKey: newId(20),
      email: `Anna.Rossi.${newId(6)}@Example.IT`,
      name: 'Anna Rossi',
      phone: '+39 333 1234567',
      line1: 'Via Roma 1',
      postalCode: '00184',
      city: 'Roma',
      paymentMethod: 'bank_transfer',
      ...overrides,
    }),
  );
}

async function cartWith(market: MarketCode, ...items: [string, number][]) {
  const cartId = newCartId();
  for (const [productId, quantity] of items) {
    const added = await addToCart(rt(), cartId, market, productId, quantity);
    if (!added.ok) throw new Error(added.reason);
  }
  return cartId;
}

/** A product offered in `buyMarket` only, at this price and shipping, scraped and priced as the scrapers do. */
async function offeredOnlyIn(buyMarket: MarketCode, priceCents: number, shippingCents: number): Promise<Product> {
  return (await productForSale(rt(), { market: buyMarket, priceCents, shippingCents })).product;
}

describe('checkout', () => {
  it('places an order awaiting payment whose total is the sum of its lines, and empties the cart', async () => {
    const [{ product: a }, { product: b }] = await Promise.all([
      productForSale(rt(), { priceCents: 1999 }),
      productForSale(rt(), { priceCents: 333 }),
    ]);
    const cartId = await cartWith('it', [a._id, 2], [b._id, 3]);
    const form = input('it');
    const result = await placeOrder(rt(), cartId, form);
    if (!result.ok) throw new Error(result.reason);
    const order = await orderCollection(rt()).findOne({ _id: result.order.orderId });
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      number: result.order.number,
      total: { amountCents: 2 * unitCents(a, 'it') + 3 * unitCents(b, 'it') },
    });
    expect(order!.lines.reduce((s, l) => s + l.total.amountCents, 0)).toBe(order!.total.amountCents);
    expect(await customerCollection(rt()).findOne({ _id: customerIdFor(form.email) })).toMatchObject({
      name: 'Anna Rossi',
      phone: '+393331234567',
      notes: [],
    });
    const outbox = await outboxCollection(rt()).find({ 'payload.orderId': result.order.orderId }).toArray();
    expect(outbox.map((e) => e.topic)).toEqual(['order.confirmation']);
    const cart = await loadCart(rt(), cartId, 'it');
    expect(cart.lines).toEqual([]);
    expect(cart.lastOrder?.number).toBe(result.order.number);
  });

  it('refuses a price changed since it was added until the shopper confirms that very price', async () => {
    const seed = await productForSale(rt(), { priceCents: 1999 });
    const { product } = seed;
    const cartId = await cartWith('it', [product._id, 2]);
    const firstChange = unitCents((await rescrape(rt(), seed, { priceCents: 2199 })).product, 'it');
    const form = input('it');

    const refused = await placeOrder(rt(), cartId, form);
    expect(refused).toMatchObject({
      ok: false,
      reason: 'prices_changed',
      lines: [{ productId: product._id, addedUnitCents: unitCents(product, 'it'), unitCents: firstChange }],
    });
    // Confirmed, but the price moved again meanwhile: asked again.
    const secondChange = unitCents((await rescrape(rt(), seed, { priceCents: 2299 })).product, 'it');
    expect(await placeOrder(rt(), cartId, { ...form, acceptedPrices: { [product._id]: firstChange } })).toMatchObject({
      ok: false,
      reason: 'prices_changed',
    });
    expect(await orderCollection(rt()).countDocuments({ customerId: customerIdFor(form.email) })).toBe(0);

    const placed = await placeOrder(rt(), cartId, { ...form, acceptedPrices: { [product._id]: secondChange } });
    if (!placed.ok) throw new Error(placed.reason);
    const order = await orderCollection(rt()).findOne({ _id: placed.order.orderId });
    expect(order?.lines[0]).toMatchObject({ unitPrice: { amountCents: secondChange }, total: { amountCents: 2 * secondChange } });
    expect(order?.total.amountCents).toBe(2 * secondChange);
  });

  it('sells a product bought in another market at its computed price, and its purchase passes the check', async () => {
    // Issue 14's case: a German-only offer at 20.00 + 3.99 was priced 33.90 in Italy, 3.47 below cost.
    const product = await offeredOnlyIn('de', 2000, 399);
    const rules = marginRules(rt().config);
    for (const market of ['it', 'fr', 'es', 'de'] as const) {
      const cartId = await cartWith(market, [product._id, 1]);
      const placed = await placeOrder(
        rt(),
        cartId,
        input(market, { postalCode: { it: '00184', fr: '75008', es: '28013', de: '10115' }[market] }),
      );
      if (!placed.ok) throw new Error(`${market}: ${placed.reason}`);
      const order = (await orderCollection(rt()).findOne({ _id: placed.order.orderId }))!;
      const line = order.lines[0]!;
      expect(line.unitPrice, market).toEqual(product.sellPrices[market]!.price);
      const check = bestBuy(product.offers, { sellMarket: market, sellGrossCents: line.total.amountCents, quantity: line.quantity }, rules);
      expect(check, market).toMatchObject({ buyMarket: 'de', meetsFloor: true });
    }
  });

  it('never takes an order below the margin floor: an agent’s override too low is refused at the cart and at checkout', async () => {
    const product = await offeredOnlyIn('de', 2000, 399);
    const cartId = await cartWith('it', [product._id, 1]);
    // The 33.90 the old pricing showed, set by an agent after the shopper added the product.
    const override = {
      price: eur(3390),
      expiresAt: new Date(Date.now() + 3_600_000),
      reason: 'match a competitor',
      agentId: 'agent_test',
      at: new Date(),
    };
    const overridden: Product = { ...product, priceOverrides: { it: override } };
    await upsertProduct(rt(), overridden);
    await cacheProduct(rt().redis, overridden);

    expect(await addToCart(rt(), newCartId(), 'it', product._id, 1)).toMatchObject({ ok: false, reason: 'below_floor' });
    const form = input('it');
    const refused = await placeOrder(rt(), cartId, { ...form, acceptedPrices: { [product._id]: 3390 } });
    expect(refused).toMatchObject({
      ok: false,
      reason: 'below_floor',
      lines: [{ productId: product._id, status: 'below_floor', unitCents: 3390 }],
    });
    expect(await orderCollection(rt()).countDocuments({ customerId: customerIdFor(form.email) })).toBe(0);
  });

  it('refuses a cart with a product gone out of stock since', async () => {
    const seed = await productForSale(rt());
    const { product } = seed;
    const cartId = await cartWith('it', [product._id, 1]);
    await rescrape(rt(), seed, { availability: 'out_of_stock' });
    expect(await placeOrder(rt(), cartId, input('it'))).toMatchObject({
      ok: false,
      reason: 'unavailable',
      lines: [{ productId: product._id, status: 'out_of_stock' }],
    });
  });

  it('makes one order of a double submit, with its outbox entries recorded once', async () => {
    const { product } = await productForSale(rt(), { priceCents: 4999 });
    const cartId = await cartWith('it', [product._id, 1]);
    const form = input('it', { paymentMethod: 'cash_on_delivery' });
    const [first, second] = await Promise.all([placeOrder(rt(), cartId, form), placeOrder(rt(), cartId, form)]);
    const again = await placeOrder(rt(), cartId, form);
    for (const result of [first, second, again]) expect(result).toMatchObject({ ok: true });
    const numbers = [first, second, again].map((r) => (r.ok ? r.order.number : null));
    expect(new Set(numbers).size).toBe(1);
    expect([first, second, again].filter((r) => r.ok && r.created)).toHaveLength(1);

    const customerId = customerIdFor(form.email);
    const orders = await orderCollection(rt()).find({ customerId }).toArray();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      _id: orderIdFor(customerId, form.idempotencyKey),
      status: 'confirmed',
      paymentMethod: 'cash_on_delivery',
    });
    const outbox = await outboxCollection(rt()).find({ 'payload.orderId': orders[0]!._id }).sort({ topic: 1 }).toArray();
    expect(outbox.map((e) => [e._id, e.topic, e.status])).toEqual([
      [effectId('order.confirmation', orders[0]!._id), 'order.confirmation', 'pending'],
      [effectId('order.purchase', orders[0]!._id), 'order.purchase', 'pending'],
    ]);
  });

  it('finishes an order whose first attempt stopped after recording its effects', async () => {
    const { product } = await productForSale(rt(), { priceCents: 1500 });
    const cartId = await cartWith('it', [product._id, 1]);
    const form = input('it');
    const orderId = orderIdFor(customerIdFor(form.email), form.idempotencyKey);
    // The crash: the effects are recorded, the order was never inserted.
    await outboxCollection(rt()).insertOne({
      _id: effectId('order.confirmation', orderId),
      topic: 'order.confirmation',
      payload: { orderId, customerId: customerIdFor(form.email) },
      status: 'pending',
      attempts: 0,
      availableAt: new Date(),
      createdAt: new Date(),
      doneAt: null,
      lastError: null,
    });
    const retried = await placeOrder(rt(), cartId, form);
    expect(retried).toMatchObject({ ok: true, created: true, order: { orderId } });
    expect(await outboxCollection(rt()).countDocuments({ 'payload.orderId': orderId })).toBe(1);
  });
});

describe('order status for shoppers', () => {
  it('shows the timeline to number plus e-mail, without agents’ notes, and nothing otherwise', async () => {
    const { product } = await productForSale(rt(), { priceCents: 1000 });
    const cartId = await cartWith('it', [product._id, 1]);
    const form = input('it');
    const placed = await placeOrder(rt(), cartId, form);
    if (!placed.ok) throw new Error(placed.reason);
    await appendTimeline(
      rt(),
      { _id: placed.order.orderId, customerId: placed.order.customerId },
      {
        kind: 'note',
        at: new Date(),
        from: 'awaiting_payment',
        to: 'awaiting_payment',
        actor: { kind: 'agent', id: 'agent_secret1' },
        reason: 'customer sounded angry on the phone',
      },
    );

    await appendTimeline(
      rt(),
      { _id: placed.order.orderId, customerId: placed.order.customerId },
      {
        kind: 'status',
        at: new Date(Date.now() + 1000),
        from: 'awaiting_payment',
        to: 'paid',
        actor: { kind: 'agent', id: 'agent_secret1' },
        reason: 'bank statement line 42 matched by hand',
      },
    );

    const view = await lookUpOrder(rt(), placed.order.number.toLowerCase(), form.email.toUpperCase());
    expect(view).toMatchObject({ number: placed.order.number, totalCents: unitCents(product, 'it') });
    expect(view?.timeline).toEqual([
      { at: expect.any(String), status: 'awaiting_payment', event: 'status' },
      { at: expect.any(String), status: 'paid', event: 'status' },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/agent_secret1|angry|order placed|bank statement/);

    expect(await lookUpOrder(rt(), placed.order.number, 'someone-else@example.com')).toBeNull();
    expect(await lookUpOrder(rt(), 'DS-0000000000', form.email)).toBeNull();
  });
});
