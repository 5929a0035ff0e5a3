// The purchase job's work for one order: paid (or confirmed) → purchasing → for each line buy
// from the best source through its supplier API → purchased; or needs_attention with the reason.
// Every step is one atomic update of the order, and the purchase is recorded (market, source,
// price, idempotency key) before the supplier is called: a worker killed in the middle resumes
// with the same key and the same body, so the supplier replays the order instead of placing a
// second one. Also the tracking poll, which moves purchased orders on as the suppliers ship.
import { findProduct } from '../catalog';
import type { Product } from '../catalog';
import { formatMoney } from '../../common/money';
import { outboundPolicy } from '../platform/outbound';
import type { Order, OrderLine, OrderStatus, SupplierPurchase, TimelineEntry } from '../orders';
import { transition, changeOrder, findOrderById, ordersInStatus } from '../orders';
import { marketGates, marketplaceUrl, refreshProduct, offerCheckedAt, bestBuy, formatBasisPoints, marginRules } from '../pricing';
import type { Queue } from 'bullmq';
import type { Runtime } from '../platform/runtime';
import { enqueuePurchase } from './purchase.queue';
import {
  activePurchase,
  BUYABLE_STATUSES,
  failedPurchases,
  purchaseKey,
  shipToMarket,
  SYSTEM,
  trackingTransitions,
  withSupplierNews,
} from './purchase';
import { placeSupplierOrder, readSupplierOrder, SupplierCallError, type SupplierOrder } from './supplier.client';

export type PurchaseOutcome =
  | { readonly kind: 'skipped'; readonly status: OrderStatus }
  | { readonly kind: 'purchased' }
  | { readonly kind: 'needs_attention'; readonly reason: string };

const euros = (cents: number) => formatMoney({ amountCents: cents, currency: 'EUR' }, 'en-IE');
/** Concurrent changes (an agent, another job) make an update miss; the step is then decided again. */
const MAX_RETRIES = 5;

/** A line that cannot be bought now: the order goes to needs_attention with this reason. */
class Unbuyable extends Error {}

export async function purchaseOrder(rt: Runtime, ref: Pick<Order, '_id' | 'customerId'>, now = () => new Date()): Promise<PurchaseOutcome> {
  for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
    let order = await findOrderById(rt, ref._id, ref.customerId);
    if (!order) throw new Error(`no order ${ref._id} of customer ${ref.customerId}`);
    if (BUYABLE_STATUSES.includes(order.status)) {
      const at = now();
      order = await changeOrder(rt, order, {
        status: 'purchasing',
        timeline: [transition(order.status, { to: 'purchasing', actor: SYSTEM, reason: 'buying from the best sources', at })],
        at,
      });
      if (!order) continue;
    }
    if (order.status !== 'purchasing') return { kind: 'skipped', status: order.status };
    const outcome = await buyLines(rt, order, now);
    if (outcome !== 'changed') return outcome;
  }
  throw new Error(`order ${ref._id} kept changing during its purchase; the job will try again`);
}

async function buyLines(rt: Runtime, seen: Order, now: () => Date): Promise<PurchaseOutcome | 'changed'> {
  let order = seen;
  for (const line of order.lines) {
    try {
      const bought = await buyLine(rt, order, line, now);
      if (!bought) return 'changed';
      order = bought;
    } catch (error) {
      if (!(error instanceof Unbuyable)) throw error;
      const at = now();
      const updated = await changeOrder(rt, order, {
        status: 'needs_attention',
        timeline: [transition(order.status, { to: 'needs_attention', actor: SYSTEM, reason: error.message, at })],
        at,
      });
      return updated ? { kind: 'needs_attention', reason: error.message } : 'changed';
    }
  }
  const at = now();
  const done = await changeOrder(rt, order, {
    status: 'purchased',
    timeline: [
      transition(order.status, { to: 'purchased', actor: SYSTEM, reason: `bought ${order.lines.length} line(s) from the suppliers`, at }),
    ],
    at,
  });
  return done ? { kind: 'purchased' } : 'changed';
}

/** The order with the line bought; null when the order changed meanwhile. */
async function buyLine(rt: Runtime, order: Order, line: OrderLine, now: () => Date): Promise<Order | null> {
  const existing = activePurchase(order, line.lineId);
  if (existing?.supplierOrderId) return order;
  let current: Order | null = order;
  let purchase = existing;
  if (!purchase) {
    purchase = await choosePurchase(rt, order, line, now());
    current = await changeOrder(rt, order, {
      timeline: [],
      push: { purchases: purchase },
      // Another run of this job may have recorded the line's purchase first: then use that one.
      unless: { purchases: { $not: { $elemMatch: { lineId: line.lineId, status: { $ne: 'failed' } } } } },
      at: purchase.updatedAt,
    });
    if (!current) return null;
  }
  const placed = await placeWithRetries(rt, current, line, purchase);
  const at = now();
  if ('refused' in placed || placed.status === 'failed') {
    // Nothing was bought under this key: the purchase is closed as failed, so a retry starts a new one.
    const reason = 'refused' in placed ? placed.refused : `order ${placed.id} failed (${placed.failureReason ?? 'no reason given'})`;
    const failed: SupplierPurchase =
      'refused' in placed
        ? { ...purchase, status: 'failed', failureReason: reason, updatedAt: at }
        : withSupplierNews({ ...purchase, supplierOrderId: placed.id }, placed, at);
    await changeOrder(rt, current, {
      timeline: [],
      set: { 'purchases.$[p]': failed },
      arrayFilters: [{ 'p.idempotencyKey': purchase.idempotencyKey }],
      at,
    });
    throw new Unbuyable(`line ${line.lineId}: the ${purchase.market} supplier refused: ${reason}`);
  }
  const settled = withSupplierNews(
    { ...purchase, supplierOrderId: placed.id, cost: { amountCents: placed.totalCents, currency: 'EUR' } },
    placed,
    at,
  );
  const entry: TimelineEntry = {
    kind: 'purchase',
    at,
    from: current.status,
    to: current.status,
    actor: SYSTEM,
    reason: `line ${line.lineId}: bought in ${purchase.market} as ${placed.id} for ${euros(placed.totalCents)}`,
  };
  return changeOrder(rt, current, {
    timeline: [entry],
    set: { 'purchases.$[p]': settled },
    arrayFilters: [{ 'p.idempotencyKey': purchase.idempotencyKey }],
    at,
  });
}

/** The best fresh source for the line, its margin checked against the floor. */
async function choosePurchase(rt: Runtime, order: Order, line: OrderLine, at: Date): Promise<SupplierPurchase> {
  const rules = marginRules(rt.config);
  const sale = { sellMarket: shipToMarket(order), sellGrossCents: line.total.amountCents, quantity: line.quantity };
  let product = await findProduct(rt, line.productId);
  if (!product) throw new Unbuyable(`line ${line.lineId}: product ${line.productId} is no longer in the catalog`);
  let best = bestBuy(product.offers, sale, rules);
  const stale = (p: Product, market: string) => {
    const offer = p.offers[market as keyof Product['offers']];
    return !offer || at.getTime() - offerCheckedAt(offer).getTime() > rt.config.PRICE_FRESH_MS;
  };
  if (!best || stale(product, best.buyMarket)) {
    await refreshProduct(
      {
        config: rt.config,
        db: rt.db,
        redis: rt.redis,
        gates: marketGates(rt.config),
      },
      { productId: product._id, maxAgeMs: rt.config.PRICE_FRESH_MS, cause: 'sweep' },
    );
    product = (await findProduct(rt, line.productId)) ?? product;
    best = bestBuy(product.offers, sale, rules);
  }
  if (!best) throw new Unbuyable(`line ${line.lineId}: out of stock in every market`);
  if (!best.meetsFloor) {
    throw new Unbuyable(
      `line ${line.lineId}: margin ${euros(best.marginCents)} (${formatBasisPoints(best.marginBasisPoints)}) buying in ${best.buyMarket} is below the floor of ${euros(best.floorCents)}`,
    );
  }
  const offer = product.offers[best.buyMarket]!;
  return {
    lineId: line.lineId,
    market: best.buyMarket,
    sourceId: offer.sourceId,
    expectedUnitPrice: offer.price,
    idempotencyKey: purchaseKey(order._id, line.lineId, failedPurchases(order, line.lineId)),
    supplierOrderId: null,
    cost: null,
    status: 'pending',
    trackingNumber: null,
    carrier: null,
    failureReason: null,
    updatedAt: at,
  };
}

/** The supplier's order, or why it refused to place one (a refusal places nothing: retrying it is pointless). */
async function placeWithRetries(
  rt: Runtime,
  order: Order,
  line: OrderLine,
  purchase: SupplierPurchase,
): Promise<SupplierOrder | { refused: string }> {
  const base = marketplaceUrl(rt.config, purchase.market);
  if (!base)
    throw new Unbuyable(
      `line ${line.lineId}: MARKETPLACE_URL_${purchase.market.toUpperCase()} is not set, so the ${purchase.market} supplier cannot be reached`,
    );
  const address = order.shippingAddress;
  // The body must be the same at every call under this key: all of it comes from the recorded purchase and the order.
  const body = {
    sourceId: purchase.sourceId,
    quantity: line.quantity,
    expectedPriceCents: purchase.expectedUnitPrice.amountCents,
    shipTo: { country: address.country, name: address.name, line1: address.line1, postalCode: address.postalCode, city: address.city },
  };
  const attempts = rt.config.PURCHASE_SUPPLIER_ATTEMPTS;
  let last: SupplierCallError | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await placeSupplierOrder(
        base,
        purchase.idempotencyKey,
        body,
        rt.config.PURCHASE_SUPPLIER_TIMEOUT_MS,
        outboundPolicy(rt.config),
      );
    } catch (error) {
      if (!(error instanceof SupplierCallError)) throw error;
      if (!error.retryable) return { refused: error.message };
      last = error;
      if (attempt < attempts) await new Promise((r) => setTimeout(r, rt.config.PURCHASE_SUPPLIER_BACKOFF_MS * 2 ** (attempt - 1)));
    }
  }
  throw new Unbuyable(
    `line ${line.lineId}: the ${purchase.market} supplier API is still down after ${attempts} attempts (${last?.message ?? 'no answer'})`,
  );
}

/**
 * Orders that should be buying but have not moved for PURCHASE_STUCK_MS: their job was lost
 * (Redis emptied) or failed for good (MongoDB down through every retry). Enqueued again; the job
 * resumes where the order is, under the same keys.
 */
export async function requeueStuckPurchases(rt: Runtime, queue: Queue, now = new Date()): Promise<number> {
  const stuck = await ordersInStatus(
    rt,
    [...BUYABLE_STATUSES, 'purchasing'],
    TRACKING_BATCH,
    new Date(now.getTime() - rt.config.PURCHASE_STUCK_MS),
  );
  for (const { _id, customerId } of stuck) await enqueuePurchase(queue, { orderId: _id, customerId });
  return stuck.length;
}

export interface TrackingCounts {
  readonly orders: number;
  readonly shipped: number;
  readonly delivered: number;
  readonly needsAttention: number;
  readonly errors: number;
}

/** Polled orders per run, oldest news first, so a large backlog is worked through in turns. */
const TRACKING_BATCH = 200;

/** Reads the suppliers' status of purchased and shipped orders and moves each order on. */
export async function pollTracking(rt: Runtime, now = () => new Date()): Promise<TrackingCounts> {
  const orders = await ordersInStatus(rt, ['purchased', 'shipped'], TRACKING_BATCH);
  const counts = { orders: orders.length, shipped: 0, delivered: 0, needsAttention: 0, errors: 0 };
  for (const order of orders) {
    try {
      const at = now();
      const purchases = await Promise.all(
        order.purchases.map(async (p) => {
          const base = marketplaceUrl(rt.config, p.market);
          if (!p.supplierOrderId || !base || p.status === 'failed' || p.status === 'delivered') return p;
          return withSupplierNews(
            p,
            await readSupplierOrder(base, p.supplierOrderId, rt.config.PURCHASE_SUPPLIER_TIMEOUT_MS, outboundPolicy(rt.config)),
            at,
          );
        }),
      );
      const entries = trackingTransitions(order.status, purchases, at);
      const changed = entries.length > 0 || purchases.some((p, i) => p !== order.purchases[i] && p.updatedAt === at);
      if (!changed) continue;
      const status = entries.at(-1)?.to;
      const updated = await changeOrder(rt, order, {
        timeline: entries,
        set: { purchases },
        ...(status ? { status } : {}),
        at,
      });
      if (!updated || !status) continue;
      if (status === 'shipped') counts.shipped += 1;
      if (status === 'delivered') counts.delivered += 1;
      if (status === 'needs_attention') counts.needsAttention += 1;
    } catch (error) {
      counts.errors += 1;
      console.error(`[tracking] order ${order._id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return counts;
}
