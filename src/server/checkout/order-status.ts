// What a shopper may see of an order: its number, lines, total, address and its timeline.
// Shopper-safe by construction: status changes and refunds with their time, never the actor,
// the reason (agents write those for each other) or internal notes.
import type { BankAccount } from '../orders/bank-account';
import type { Order, OrderStatus, TimelineEntry } from '../orders/order.schema';

export interface ShopperOrderView {
  readonly number: string;
  readonly market: Order['market'];
  readonly status: OrderStatus;
  readonly paymentMethod: Order['paymentMethod'];
  readonly placedAt: string;
  readonly totalCents: number;
  readonly currency: string;
  readonly lines: readonly { title: string; quantity: number; unitCents: number; totalCents: number }[];
  readonly shipTo: { readonly name: string; readonly postalCode: string; readonly city: string; readonly country: string };
  /** A bank-transfer order still to be paid: the account to pay to, with the order number as the reference. */
  readonly payTo: (BankAccount & { readonly reference: string }) | null;
  /** Oldest first: the order's story as it happened. A partial refund keeps the status: `event` tells it apart. */
  readonly timeline: readonly { at: string; status: OrderStatus; event: 'status' | 'partial_refund' }[];
}

const SHOPPER_KINDS: ReadonlySet<TimelineEntry['kind']> = new Set(['status', 'refund']);

export function toShopperOrderView(order: Order, account: BankAccount): ShopperOrderView {
  return {
    number: order.number,
    market: order.market,
    status: order.status,
    paymentMethod: order.paymentMethod,
    placedAt: order.createdAt.toISOString(),
    totalCents: order.total.amountCents,
    currency: order.total.currency,
    lines: order.lines.map((l) => ({ title: l.title, quantity: l.quantity, unitCents: l.unitPrice.amountCents, totalCents: l.total.amountCents })),
    payTo: order.paymentMethod === 'bank_transfer' && order.status === 'awaiting_payment' ? { ...account, reference: order.number } : null,
    shipTo: { name: order.shippingAddress.name, postalCode: order.shippingAddress.postalCode, city: order.shippingAddress.city, country: order.shippingAddress.country },
    // Only what the shopper should see: status changes and refunds. Notes, purchases, address
    // edits and messages are the back office's, and any kind added later stays there too.
    timeline: order.timeline
      .filter((e) => SHOPPER_KINDS.has(e.kind))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((e) => ({ at: e.at.toISOString(), status: e.to, event: e.kind === 'refund' && e.from === e.to ? 'partial_refund' : 'status' })),
  };
}
