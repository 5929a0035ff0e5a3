// The JSON APIs over HTTP: the offer API a refresher polls (prices drifting with the injected
// clock), and the supplier order API with its idempotency keys and its orders moving from
// accepted to shipped to delivered as the clock advances, or failing.
import { describe, expect, it } from 'vitest';
import { MARKET_CODES } from '../../src/common/markets';
import { canonicalPath, type SimProduct } from './catalog-generator';
import { control, findProduct, useSimulator } from './simulator-testing';

const { sim, clock } = useSimulator({
  drift: { intervalMs: 60_000, amplitudeBasisPoints: 500 },
  orders: { shippedAfterMs: 60_000, deliveredAfterMs: 180_000, failureShare: 0 },
});

interface Offer {
  sourceId: string;
  market: string;
  gtin: string;
  priceCents: number;
  listPriceCents: number | null;
  shippingCents: number;
  currency: string;
  availability: string;
  stockQuantity: number;
  seller: string;
  url: string;
  updatedAt: string;
}

interface Order {
  id: string;
  status: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  failureReason: string | null;
  tracking: { carrier: string; number: string } | null;
  history: { status: string; at: string }[];
}

async function offerOf(product: SimProduct): Promise<Offer> {
  const response = await fetch(`${sim().urls[product.market]}/api/offers/${product.sourceId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Offer;
}

async function placeOrder(
  product: SimProduct,
  body: Record<string, unknown>,
  key?: string,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${sim().urls[product.market]}/api/supplier/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function orderStatus(product: SimProduct, id: string): Promise<Order> {
  return (await (await fetch(`${sim().urls[product.market]}/api/supplier/orders/${id}`)).json()) as Order;
}

const steady = (market: (typeof MARKET_CODES)[number]) => findProduct(sim(), market, (p) => p.stockProfile === 'steady');

describe('offer API', () => {
  it.each(MARKET_CODES)('%s: price, shipping, availability, currency and update time, in cents', async (market) => {
    const product = steady(market);
    const offer = await offerOf(product);
    expect(offer).toEqual({
      sourceId: product.sourceId,
      market,
      gtin: product.gtin,
      priceCents: expect.any(Number),
      listPriceCents: product.listPriceCents === null ? null : expect.any(Number),
      shippingCents: product.shippingCents,
      currency: 'EUR',
      availability: 'in_stock',
      stockQuantity: expect.any(Number),
      seller: product.seller,
      url: `${sim().urls[market]}${canonicalPath(product)}`,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(Number.isInteger(offer.priceCents)).toBe(true);
    expect(Date.parse(offer.updatedAt)).toBeLessThanOrEqual(clock.nowMs);
  });

  it('answers 404 for an unknown or foreign source id', async () => {
    const foreign = sim().catalog.product('it', 0).sourceId;
    for (const id of [foreign, 'B0ZZZZZZZZ', 'not-an-id']) {
      const response = await fetch(`${sim().urls.de}/api/offers/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('drifts with the clock: the same time gives the same offer, later times move the price', async () => {
    const product = steady('fr');
    const first = await offerOf(product);
    expect(await offerOf(product)).toEqual(first);
    const prices = new Set<number>([first.priceCents]);
    for (let i = 0; i < 20; i++) {
      clock.advance(60_000);
      prices.add((await offerOf(product)).priceCents);
    }
    expect(prices.size).toBeGreaterThan(1);
  });

  it('shows the same product at different prices in different markets', async () => {
    const product = findProduct(sim(), 'it', (p) => p.worldId !== null && p.markets.length === 4);
    const siblings = sim().catalog.siblings('it', product.index);
    const offers = await Promise.all(MARKET_CODES.map((m) => offerOf(sim().catalog.product(m, siblings[m] as number))));
    expect(new Set(offers.map((o) => o.gtin)).size).toBe(1);
    expect(new Set(offers.map((o) => o.priceCents)).size).toBeGreaterThan(1);
  });
});

describe('supplier order API', () => {
  it('requires an Idempotency-Key', async () => {
    const product = steady('it');
    const reply = await placeOrder(product, { sourceId: product.sourceId, quantity: 1, shipTo: { country: 'IT' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_request', field: 'Idempotency-Key' });
  });

  it('validates the body, naming the field', async () => {
    const product = steady('it');
    const bad = await placeOrder(product, { sourceId: product.sourceId, quantity: 0, shipTo: { country: 'IT' } }, 'validate-1');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'quantity' });
    expect(String(bad.body['message'])).toContain('quantity');
    const country = await placeOrder(product, { sourceId: product.sourceId, quantity: 1, shipTo: { country: 'GB' } }, 'validate-2');
    expect(country.body).toMatchObject({ field: 'shipTo.country' });
    const unknown = await placeOrder(product, { sourceId: 'B0ZZZZZZZZ', quantity: 1, shipTo: { country: 'IT' } }, 'validate-3');
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ error: 'unknown_product' });
    const notJson = await fetch(`${sim().urls.it}/api/supplier/orders`, {
      method: 'POST',
      headers: { 'idempotency-key': 'validate-4' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('creates once per key (201), replays the same order for the same key (200), refuses the key for another body (422)', async () => {
    const product = steady('de');
    const body = { sourceId: product.sourceId, quantity: 1, shipTo: { country: 'DE', city: 'Berlin' } };
    const created = await placeOrder(product, body, 'idem-1');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'accepted', quantity: 1, currency: 'EUR' });
    expect(created.headers.get('location')).toBe(`/api/supplier/orders/${created.body['id']}`);
    const replayed = await placeOrder(
      product,
      { shipTo: { city: 'Berlin', country: 'DE' }, quantity: 1, sourceId: product.sourceId },
      'idem-1',
    );
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body['id']).toBe(created.body['id']);
    const reused = await placeOrder(product, { ...body, quantity: 2 }, 'idem-1');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ error: 'idempotency_key_reused', orderId: created.body['id'] });
    // Keys belong to one marketplace: the same key elsewhere is a new order.
    const elsewhere = steady('es');
    expect((await placeOrder(elsewhere, { sourceId: elsewhere.sourceId, quantity: 1, shipTo: { country: 'ES' } }, 'idem-1')).status).toBe(
      201,
    );
  });

  it('moves an order from accepted to shipped (with tracking) to delivered as the clock advances', async () => {
    const product = steady('fr');
    const { body } = await placeOrder(product, { sourceId: product.sourceId, quantity: 2, shipTo: { country: 'FR' } }, 'timeline-1');
    const id = body['id'] as string;
    expect((await orderStatus(product, id)).status).toBe('accepted');
    clock.advance(60_000);
    const shipped = await orderStatus(product, id);
    expect(shipped.status).toBe('shipped');
    expect(shipped.tracking).toEqual({ carrier: 'Colissimo', number: expect.stringMatching(/^6A\d{11}$/) });
    clock.advance(120_000);
    const delivered = await orderStatus(product, id);
    expect(delivered.status).toBe('delivered');
    expect(delivered.history.map((h) => h.status)).toEqual(['accepted', 'shipped', 'delivered']);
    expect((await fetch(`${sim().urls.fr}/api/supplier/orders/SO-FR-9999999`)).status).toBe(404);
  });

  it('fails an order whose expected price is no longer the price', async () => {
    const product = steady('it');
    const { priceCents } = await offerOf(product);
    const { status, body } = await placeOrder(
      product,
      { sourceId: product.sourceId, quantity: 1, expectedPriceCents: priceCents + 1, shipTo: { country: 'IT' } },
      'price-1',
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'failed', failureReason: 'price_changed', unitPriceCents: priceCents });
    const ok = await placeOrder(
      product,
      { sourceId: product.sourceId, quantity: 1, expectedPriceCents: priceCents, shipTo: { country: 'IT' } },
      'price-2',
    );
    expect(ok.body).toMatchObject({ status: 'accepted' });
  });

  it('fails an order the stock cannot cover, and takes stock for those it accepts', async () => {
    const product = steady('es');
    await control(sim(), 'PATCH', `/markets/es/products/${product.sourceId}`, { stockQuantity: 3 });
    const first = await placeOrder(product, { sourceId: product.sourceId, quantity: 2, shipTo: { country: 'ES' } }, 'stock-1');
    expect(first.body).toMatchObject({ status: 'accepted' });
    expect((await offerOf(product)).stockQuantity).toBe(1);
    const second = await placeOrder(product, { sourceId: product.sourceId, quantity: 2, shipTo: { country: 'ES' } }, 'stock-2');
    expect(second.body).toMatchObject({ status: 'failed', failureReason: 'out_of_stock' });
    expect((await offerOf(product)).stockQuantity).toBe(1);
    await placeOrder(product, { sourceId: product.sourceId, quantity: 1, shipTo: { country: 'ES' } }, 'stock-3');
    expect(await offerOf(product)).toMatchObject({ stockQuantity: 0, availability: 'out_of_stock' });
  });
});
