// The supplier side of a simulated marketplace: orders placed through its API, kept in memory
// (the simulator is one process and forgets them on restart, like a sandbox account).
// An idempotency key is required and scoped to the marketplace; the same key returns the same
// order, the same key with another body is refused. An order's status is a function of the time:
// accepted, then shipped with a tracking number, then delivered; some fail, for reasons decided
// when they are placed (out of stock, price changed) or, for a seeded share, while in processing.
import { z } from 'zod';
import type { MarketCode } from '../../src/common/markets';
import { Cents } from '../../src/common/money';
import type { OfferState } from './offer-drift';
import { hashKey, SeededRandom, unitFromHash } from './seeded-random';

const COUNTRIES = ['IT', 'FR', 'DE', 'ES'] as const satisfies readonly Uppercase<MarketCode>[];

export const ShipTo = z.strictObject({
  country: z.enum(COUNTRIES),
  name: z.string().min(1).max(200).optional(),
  line1: z.string().min(1).max(200).optional(),
  postalCode: z.string().min(1).max(20).optional(),
  city: z.string().min(1).max(100).optional(),
});
export type ShipTo = z.infer<typeof ShipTo>;

export const PlaceOrderRequest = z.strictObject({
  sourceId: z.string().regex(/^B0[0-9A-Z]{8}$/, 'expected a source id such as B0ABCD1234'),
  quantity: z.int().min(1).max(99),
  /** The unit price the buyer saw; the order fails with price_changed when it differs. */
  expectedPriceCents: Cents.nonnegative().optional(),
  shipTo: ShipTo,
});
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

/** Printable ASCII, as Stripe and the IETF Idempotency-Key draft allow. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'expected 1 to 255 printable ASCII characters');

export const ORDER_STATUSES = ['accepted', 'shipped', 'delivered', 'failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type FailureReason = 'out_of_stock' | 'price_changed';

export const OrderTimeline = z
  .strictObject({
    /** From acceptance to shipment. */
    shippedAfterMs: z.int().min(0),
    /** From acceptance to delivery. */
    deliveredAfterMs: z.int().min(0),
    /** Share of accepted orders the seller cancels for want of stock before shipping them. */
    failureShare: z.number().min(0).max(1),
  })
  .refine((t) => t.deliveredAfterMs >= t.shippedAfterMs, {
    message: 'deliveredAfterMs must be at least shippedAfterMs',
    path: ['deliveredAfterMs'],
  });
export type OrderTimeline = z.infer<typeof OrderTimeline>;

interface StoredOrder {
  readonly id: string;
  readonly market: MarketCode;
  readonly request: PlaceOrderRequest;
  readonly fingerprint: string;
  readonly unitPriceCents: number;
  readonly shippingCents: number;
  readonly createdAtMs: number;
  /** `refused`: failed when placed, so it never took stock; otherwise cancelled in processing. */
  readonly failure: { readonly reason: FailureReason; readonly atMs: number; readonly refused: boolean } | null;
  readonly tracking: { readonly carrier: string; readonly number: string };
}

/** What the API answers about an order at a given time. */
export interface OrderView {
  readonly id: string;
  readonly market: MarketCode;
  readonly status: OrderStatus;
  readonly sourceId: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly shippingCents: number;
  readonly totalCents: number;
  readonly currency: 'EUR';
  readonly shipTo: ShipTo;
  readonly failureReason: FailureReason | null;
  readonly tracking: { readonly carrier: string; readonly number: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly { readonly status: OrderStatus; readonly at: string }[];
}

export type PlaceOrderResult =
  | {
      readonly kind: 'created';
      readonly order: OrderView;
      /** Units taken from stock: 0 when refused. */ readonly reservedQuantity: number;
    }
  | { readonly kind: 'replayed'; readonly order: OrderView }
  | { readonly kind: 'key-reused'; readonly orderId: string };

const CARRIERS: Readonly<
  Record<MarketCode, { readonly carrier: string; readonly prefix: string; readonly digits: number; readonly suffix: string }>
> = {
  it: { carrier: 'BRT', prefix: '', digits: 15, suffix: '' },
  fr: { carrier: 'Colissimo', prefix: '6A', digits: 11, suffix: '' },
  de: { carrier: 'DHL', prefix: '00340434', digits: 12, suffix: '' },
  es: { carrier: 'Correos', prefix: 'PQ', digits: 14, suffix: 'ES' },
};

/** JSON with sorted keys, so that two bodies differing only in key order are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export class SupplierOrderBook {
  private readonly orders = new Map<string, StoredOrder>();
  private readonly byKey = new Map<string, string>();
  private sequence = 0;

  constructor(
    private readonly market: MarketCode,
    private readonly seed: number,
    private readonly timeline: OrderTimeline,
  ) {}

  /** `offer` is the product's offer at `nowMs`, before this order takes its stock. */
  place(key: string, request: PlaceOrderRequest, offer: OfferState, nowMs: number): PlaceOrderResult {
    const fingerprint = canonicalJson(request);
    const existingId = this.byKey.get(key);
    if (existingId !== undefined) {
      const existing = this.orders.get(existingId) as StoredOrder;
      return existing.fingerprint === fingerprint
        ? { kind: 'replayed', order: this.view(existing, nowMs) }
        : { kind: 'key-reused', orderId: existingId };
    }
    this.sequence += 1;
    const id = `SO-${this.market.toUpperCase()}-${String(this.sequence).padStart(7, '0')}`;
    const roll = unitFromHash(hashKey(this.seed, 'order', this.market, this.sequence));
    let failure: StoredOrder['failure'] = null;
    if (request.expectedPriceCents !== undefined && request.expectedPriceCents !== offer.priceCents)
      failure = { reason: 'price_changed', atMs: nowMs, refused: true };
    else if (offer.stockQuantity < request.quantity) failure = { reason: 'out_of_stock', atMs: nowMs, refused: true };
    else if (roll < this.timeline.failureShare)
      failure = { reason: 'out_of_stock', atMs: nowMs + Math.floor(this.timeline.shippedAfterMs / 2), refused: false };
    const order: StoredOrder = {
      id,
      market: this.market,
      request,
      fingerprint,
      unitPriceCents: offer.priceCents,
      shippingCents: offer.shippingCents,
      createdAtMs: nowMs,
      failure,
      tracking: this.trackingNumber(),
    };
    this.orders.set(id, order);
    this.byKey.set(key, id);
    return { kind: 'created', order: this.view(order, nowMs), reservedQuantity: failure?.refused ? 0 : request.quantity };
  }

  get(id: string, nowMs: number): OrderView | null {
    const order = this.orders.get(id);
    return order ? this.view(order, nowMs) : null;
  }

  get size(): number {
    return this.orders.size;
  }

  private trackingNumber(): { carrier: string; number: string } {
    const format = CARRIERS[this.market];
    const random = new SeededRandom(hashKey(this.seed, 'tracking', this.market, this.sequence));
    const digits = Array.from({ length: format.digits }, () => random.int(0, 9)).join('');
    return { carrier: format.carrier, number: `${format.prefix}${digits}${format.suffix}` };
  }

  private view(order: StoredOrder, nowMs: number): OrderView {
    const iso = (ms: number) => new Date(ms).toISOString();
    const history: { status: OrderStatus; at: string }[] = [];
    const reached = (status: OrderStatus, atMs: number) => {
      if (atMs <= nowMs || history.length === 0) history.push({ status, at: iso(atMs) });
    };
    const { failure, createdAtMs } = order;
    if (failure?.refused) {
      reached('failed', createdAtMs);
    } else {
      reached('accepted', createdAtMs);
      if (failure) reached('failed', failure.atMs);
      else {
        reached('shipped', createdAtMs + this.timeline.shippedAfterMs);
        reached('delivered', createdAtMs + this.timeline.deliveredAfterMs);
      }
    }
    const last = history[history.length - 1] as { status: OrderStatus; at: string };
    const shipped = last.status === 'shipped' || last.status === 'delivered';
    return {
      id: order.id,
      market: order.market,
      status: last.status,
      sourceId: order.request.sourceId,
      quantity: order.request.quantity,
      unitPriceCents: order.unitPriceCents,
      shippingCents: order.shippingCents,
      totalCents: order.unitPriceCents * order.request.quantity + order.shippingCents,
      currency: 'EUR',
      shipTo: order.request.shipTo,
      failureReason: last.status === 'failed' && failure ? failure.reason : null,
      tracking: shipped ? order.tracking : null,
      createdAt: iso(createdAtMs),
      updatedAt: last.at,
      history,
    };
  }
}
