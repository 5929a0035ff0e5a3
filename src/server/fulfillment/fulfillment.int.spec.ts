// Purchases and tracking against the marketplace simulator over HTTP, on the run's real MongoDB
// and Redis: an order bought, shipped and delivered with its tracking number; each way a
// purchase ends in needs_attention with its reason; a sale in another market than the offer's,
// at the computed price, bought; a stale offer refreshed before buying.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { marketplaceEnv } from '../../../infra/local/platform';
import { control, useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import { findOrderById, refundOrder, orderDetail, retryPurchase } from '../orders';
import { seedOrder } from './order.fixture';
import { pollTracking, purchaseOrder, requeueStuckPurchases } from './purchase.service';
import { Queue } from 'bullmq';
import { newId } from '../../common/ids';
import { QUEUE_PREFIX } from '../platform/queues';
import { scrapeDeps, scrapeProducts } from '../scraping';
import { PRODUCTS } from '../catalog';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const simulator = useSimulator({ orders: { failureShare: 0 } });
const { sim, clock } = simulator;
const rt = useTestRuntime('fulfillment', {
  env: () => ({ ...marketplaceEnv(sim().urls), PURCHASE_SUPPLIER_BACKOFF_MS: '20', PURCHASE_SUPPLIER_TIMEOUT_MS: '2000' }),
});
const agent = { id: 'agent_test', email: 'agent@example.com', role: 'agent' as const };

async function supplierOrderCount(market: 'it' | 'fr' | 'de' | 'es'): Promise<number> {
  const reply = await control(sim(), 'GET', '');
  return (reply.body as { orders: Record<string, number> }).orders[market]!;
}

describe('the purchase job against the supplier API', () => {
  it('buys a paid order, then follows it until it is shipped and delivered with its tracking number', async () => {
    const { listing: source, order } = await seedOrder(rt(), { offer: { simulator }, listing: { market: 'fr' }, quantity: 2 });

    expect(await purchaseOrder(rt(), order)).toEqual({ kind: 'purchased' });
    const bought = (await findOrderById(rt(), order._id))!;
    expect(bought.status).toBe('purchased');
    expect(bought.purchases).toHaveLength(1);
    const purchase = bought.purchases[0]!;
    expect(purchase).toMatchObject({
      lineId: 'l1',
      market: 'fr',
      sourceId: source.sourceId,
      idempotencyKey: `${order._id}-l1-1`,
      status: 'accepted',
      supplierOrderId: expect.stringMatching(/^SO-FR-/),
    });
    const supplier = await (await fetch(`${sim().urls.fr}/api/supplier/orders/${purchase.supplierOrderId}`)).json();
    expect(supplier).toMatchObject({ status: 'accepted', quantity: 2, sourceId: source.sourceId });
    expect(purchase.cost).toEqual({ amountCents: supplier.totalCents, currency: 'EUR' });
    expect(bought.timeline.map((t) => `${t.kind}:${t.from}→${t.to}`)).toEqual([
      'status:null→awaiting_payment',
      'status:awaiting_payment→paid',
      'status:paid→purchasing',
      'purchase:purchasing→purchasing',
      'status:purchasing→purchased',
    ]);
    expect(bought.timeline.every((t) => t.actor.kind !== 'system' || t.reason.length > 0)).toBe(true);

    // A second run of the job (a redelivered effect) changes nothing and buys nothing more.
    expect(await purchaseOrder(rt(), order)).toEqual({ kind: 'skipped', status: 'purchased' });
    expect((await findOrderById(rt(), order._id))!.purchases).toHaveLength(1);

    await pollTracking(rt());
    expect((await findOrderById(rt(), order._id))!.status).toBe('purchased');

    clock.advance(2 * 60_000 + 1_000);
    await pollTracking(rt());
    const shipped = (await findOrderById(rt(), order._id))!;
    expect(shipped.status).toBe('shipped');
    expect(shipped.purchases[0]).toMatchObject({
      status: 'shipped',
      carrier: 'Colissimo',
      trackingNumber: expect.stringMatching(/^6A\d{11}$/),
    });
    expect(shipped.timeline.at(-1)).toMatchObject({
      from: 'purchased',
      to: 'shipped',
      actor: { kind: 'system' },
      reason: expect.stringContaining(shipped.purchases[0]!.trackingNumber!),
    });

    clock.advance(10 * 60_000);
    await pollTracking(rt());
    const delivered = (await findOrderById(rt(), order._id))!;
    expect(delivered.status).toBe('delivered');
    expect(delivered.timeline.at(-1)).toMatchObject({ from: 'shipped', to: 'delivered' });

    // Partial refund arithmetic on the delivered order: a third back, the rest refundable, the margin net of it.
    const third = Math.floor(order.total.amountCents / 3);
    const refunded = await refundOrder(
      rt(),
      { orderId: order._id, amountCents: third, reason: 'one of two arrived dented' },
      { ...agent, role: 'admin' },
    );
    expect(refunded).toMatchObject({
      ok: true,
      order: { status: 'delivered', refundedCents: third, refundableCents: order.total.amountCents - third },
    });
    const view = (await orderDetail(rt(), order._id))!;
    expect(view.purchases[0]).toMatchObject({
      supplierOrderId: purchase.supplierOrderId,
      trackingNumber: delivered.purchases[0]!.trackingNumber,
    });
  });

  it('ends in needs_attention with the reason when the supplier refuses for want of stock', async () => {
    const { listing: source, order } = await seedOrder(rt(), { offer: { simulator }, listing: { market: 'it' } });
    // The catalog still says in stock; the supplier knows better.
    await control(sim(), 'PATCH', `/markets/it/products/${source.sourceId}`, { stockQuantity: 0 });
    const outcome = await purchaseOrder(rt(), order);
    expect(outcome).toMatchObject({ kind: 'needs_attention', reason: expect.stringContaining('out_of_stock') });
    const stored = (await findOrderById(rt(), order._id))!;
    expect(stored.status).toBe('needs_attention');
    expect(stored.purchases[0]).toMatchObject({ status: 'failed', failureReason: 'out_of_stock' });
    expect(stored.timeline.at(-1)).toMatchObject({ from: 'purchasing', to: 'needs_attention', reason: expect.stringContaining('refused') });
  });

  it('ends in needs_attention when the supplier API is still down after its retries, and buys nothing', async () => {
    const { order } = await seedOrder(rt(), { offer: { simulator }, listing: { market: 'de' } });
    const before = await supplierOrderCount('de');
    await control(sim(), 'PATCH', '/faults', { markets: ['de'], routes: ['order'], error: { status: 503, retryAfterSeconds: 1 } });
    try {
      const outcome = await purchaseOrder(rt(), order);
      expect(outcome).toMatchObject({ kind: 'needs_attention', reason: expect.stringContaining('still down after 3 attempts') });
    } finally {
      await control(sim(), 'DELETE', '/faults');
    }
    const stored = (await findOrderById(rt(), order._id))!;
    // The purchase stays pending under its key: a retry sends the same request, so it cannot buy twice.
    expect(stored.purchases[0]).toMatchObject({ status: 'pending', idempotencyKey: `${order._id}-l1-1` });
    expect(await supplierOrderCount('de')).toBe(before);

    // The supplier is back; an agent retries: the pending purchase goes out under its key, once.
    expect(await retryPurchase(rt(), { orderId: order._id, reason: 'supplier API is back' }, agent)).toMatchObject({
      ok: true,
      order: { status: 'purchasing' },
    });
    expect(await purchaseOrder(rt(), order)).toEqual({ kind: 'purchased' });
    const bought = (await findOrderById(rt(), order._id))!;
    expect(bought.purchases).toMatchObject([
      { status: 'accepted', idempotencyKey: `${order._id}-l1-1`, supplierOrderId: expect.stringMatching(/^SO-DE-/) },
    ]);
    expect(await supplierOrderCount('de')).toBe(before + 1);
  });

  it('ends in needs_attention without calling the supplier when the margin is below the floor', async () => {
    const { listing, order } = await seedOrder(rt(), { offer: { simulator }, listing: { market: 'es' } });
    // After the sale, the marketplace asks what the shopper paid, and the next scrape sees it.
    const paid = order.lines[0]!.unitPrice.amountCents;
    await control(sim(), 'PATCH', `/markets/es/products/${listing.sourceId}`, { priceCents: paid });
    await scrapeProducts(scrapeDeps(rt()), [{ ...listing, priceCents: paid }]);
    const before = await supplierOrderCount('es');
    const outcome = await purchaseOrder(rt(), order);
    expect(outcome).toMatchObject({ kind: 'needs_attention', reason: expect.stringMatching(/margin .* below the floor/) });
    expect(await supplierOrderCount('es')).toBe(before);
  });

  it('buys in one market what was sold in another at the price the pricing computed there', async () => {
    // The sale issue 14 found at a loss: an offer of one market only, sold in each of the others.
    for (const [buy, sell] of [
      ['de', 'it'],
      ['it', 'es'],
      ['fr', 'de'],
    ] as const) {
      const {
        product,
        listing: source,
        order,
      } = await seedOrder(rt(), { offer: { simulator }, listing: { market: buy }, sellMarket: sell });
      expect(product.sellPrices[sell]?.sourceMarket).toBe(buy);
      expect(order.lines[0]!.unitPrice).toEqual(product.sellPrices[sell]!.price);
      expect(await purchaseOrder(rt(), order), `${buy} → ${sell}`).toEqual({ kind: 'purchased' });
      const bought = (await findOrderById(rt(), order._id))!;
      expect(bought.purchases).toMatchObject([{ market: buy, sourceId: source.sourceId, status: 'accepted' }]);
    }
  });

  it('refreshes a stale offer before buying, so the supplier gets the price it has now', async () => {
    const old = new Date(Date.now() - 3_600_000);
    const { product, listing, order } = await seedOrder(rt(), { offer: { simulator, scrapedAt: old }, listing: { market: 'it' } });
    // The catalog's price is an hour old and wrong: bought as is, the supplier would refuse it as price_changed.
    await scrapeProducts(scrapeDeps(rt()), [{ ...listing, priceCents: listing.priceCents! - 7 }], old);
    expect(await purchaseOrder(rt(), order)).toEqual({ kind: 'purchased' });
    const refreshed = await productCollection(rt()).findOne({ _id: product._id });
    expect(refreshed!.offers.it!.lastRefreshedAt!.getTime()).toBeGreaterThan(old.getTime());
    const stored = (await findOrderById(rt(), order._id))!;
    expect(stored.purchases[0]!.expectedUnitPrice.amountCents).toBe(refreshed!.offers.it!.price.amountCents);
  });

  it('enqueues the purchase of an order left buying for too long, once', async () => {
    const { order } = await seedOrder(rt(), { offer: { simulator }, listing: { market: 'fr' }, status: 'confirmed' });
    const queue = new Queue(`purchase-stuck-${newId(6)}`, { connection: rt().redis, prefix: QUEUE_PREFIX });
    try {
      expect(await requeueStuckPurchases(rt(), queue)).toBe(0);
      const later = new Date(Date.now() + rt().config.PURCHASE_STUCK_MS + 1_000);
      expect(await requeueStuckPurchases(rt(), queue, later)).toBeGreaterThanOrEqual(1);
      expect(await requeueStuckPurchases(rt(), queue, later)).toBeGreaterThanOrEqual(1);
      // With the shard key, so the job reads its order on one shard.
      expect((await queue.getJobs(['waiting'])).filter((j) => j.data.orderId === order._id).map((j) => j.data)).toEqual([
        { orderId: order._id, customerId: order.customerId },
      ]);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
