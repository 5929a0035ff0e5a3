// The order document: its lines, timeline, supplier purchases and refunds, embedded so that
// every change to an order is one atomic single-document write.
import { z } from 'zod';
import { MarketCode } from '../../common/markets';
import { Money } from '../../common/money';
import { Id } from '../../common/ids';

export const OrderStatus = z.enum([
  'awaiting_payment',
  /** Cash on delivery: nothing to wait for before buying; the money comes with the parcel. */
  'confirmed',
  'paid',
  'purchasing',
  'purchased',
  'shipped',
  'delivered',
  'cancelled',
  'refund_pending',
  'refunded',
  'needs_attention',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const Actor = z.object({
  kind: z.enum(['shopper', 'agent', 'system']),
  id: z.string().nullable(),
});
export type Actor = z.infer<typeof Actor>;

export const Address = z.object({
  name: z.string().min(1),
  line1: z.string().min(1),
  line2: z.string().nullable(),
  postalCode: z.string().min(1),
  city: z.string().min(1),
  country: z.enum(['IT', 'FR', 'DE', 'ES']),
  /** E.164, what searches match. */
  phone: z.string().nullable(),
  /** As typed, for display; absent on addresses from before it was kept. */
  phoneAsTyped: z.string().nullable().optional(),
});
export type Address = z.infer<typeof Address>;

export const OrderLine = z.object({
  lineId: z.string().min(1),
  productId: Id,
  /** The product the line was bought as, when that product was later merged into `productId`: a split points it back. */
  mergedFrom: Id.optional(),
  title: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: Money,
  total: Money,
});
export type OrderLine = z.infer<typeof OrderLine>;

/**
 * Every state change, with who made it and why; appended, never rewritten. Events that keep the
 * status (a partial refund, an internal note) are entries too, with `from` equal to `to`.
 */
export const TimelineEntry = z.object({
  /** `purchase`: a supplier order placed or moved on; `address`: shipping address edited; `message`: a message (re)sent. */
  kind: z.enum(['status', 'refund', 'note', 'purchase', 'address', 'message']),
  at: z.date(),
  from: OrderStatus.nullable(),
  to: OrderStatus,
  actor: Actor,
  reason: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A purchase placed with a source marketplace's supplier API for one order line. */
export const SupplierPurchase = z.object({
  lineId: z.string(),
  market: MarketCode,
  /** The marketplace's id of what is bought, fixed when the purchase is first recorded. */
  sourceId: z.string().min(1),
  /** The unit price we decided to pay; the supplier refuses the order if its price moved since. */
  expectedUnitPrice: Money,
  /**
   * Derived from the order line (and how many of its purchases failed before), so a retried
   * purchase job sends the same key with the same body and never buys twice.
   */
  idempotencyKey: z.string(),
  supplierOrderId: z.string().nullable(),
  cost: Money.nullable(),
  status: z.enum(['pending', 'accepted', 'shipped', 'delivered', 'failed']),
  trackingNumber: z.string().nullable(),
  carrier: z.string().nullable(),
  /** Why the supplier refused or cancelled it (`failed`). */
  failureReason: z.string().nullable(),
  updatedAt: z.date(),
});
export type SupplierPurchase = z.infer<typeof SupplierPurchase>;

/** Money given back to the shopper; the order's total stays the sum of its lines. */
export const Refund = z.object({
  refundId: z.string().min(1),
  amount: Money,
  reason: z.string().min(1),
  at: z.date(),
  agentId: Id,
});
export type Refund = z.infer<typeof Refund>;

export const Order = z.object({
  _id: Id,
  /** Shown to shoppers and agents; random so it reveals nothing about volume. */
  number: z.string().min(1),
  customerId: Id,
  email: z.email(),
  market: MarketCode,
  status: OrderStatus,
  lines: z.array(OrderLine).min(1),
  total: Money,
  shippingAddress: Address,
  paymentMethod: z.enum(['bank_transfer', 'cash_on_delivery']),
  /** The checkout's key: a double submit finds this order instead of making a second. */
  idempotencyKey: z.string().min(1),
  timeline: z.array(TimelineEntry),
  purchases: z.array(SupplierPurchase),
  /** Never more in sum than `total`; see refund.ts. */
  refunds: z.array(Refund),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Order = z.infer<typeof Order>;
