// What a shopper may see of an order: its number, lines, total, address and its timeline.
// Shopper-safe by construction: status changes and refunds with their time, never the actor,
// the reason (agents write those for each other) or internal notes.
import type { MarketCode } from '../../common/markets';
import type { BankAccount, Order, OrderStatus, TimelineEntry } from '../orders';

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
    lines: order.lines.map((l) => ({
      title: l.title,
      quantity: l.quantity,
      unitCents: l.unitPrice.amountCents,
      totalCents: l.total.amountCents,
    })),
    payTo: order.paymentMethod === 'bank_transfer' && order.status === 'awaiting_payment' ? { ...account, reference: order.number } : null,
    shipTo: {
      name: order.shippingAddress.name,
      postalCode: order.shippingAddress.postalCode,
      city: order.shippingAddress.city,
      country: order.shippingAddress.country,
    },
    // Only what the shopper should see: status changes and refunds. Notes, purchases, address
    // edits and messages are the back office's, and any kind added later stays there too.
    timeline: order.timeline
      .filter((e) => SHOPPER_KINDS.has(e.kind))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((e) => ({ at: e.at.toISOString(), status: e.to, event: e.kind === 'refund' && e.from === e.to ? 'partial_refund' : 'status' })),
  };
}

export interface LookupLimits {
  readonly ORDER_STATUS_LOOKUPS_PER_ADDRESS: number;
  readonly ORDER_STATUS_LOOKUPS_PER_ORDER: number;
}

export interface LookupCounts {
  /** Lookups from this client address in its current window, this one included. */
  readonly address: { readonly count: number; readonly remainingMs: number };
  /** Lookups of this order number from anywhere in its current window, this one included. */
  readonly order: { readonly count: number; readonly remainingMs: number };
}

/**
 * Whether a lookup may go ahead. Per address, so one client cannot guess on; per order number,
 * so guessing one order's e-mail from many addresses stops too. When refused, how long until
 * every exceeded window has ended.
 */
export function lookupAllowed(
  counts: LookupCounts,
  limits: LookupLimits,
): { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number } {
  const exceeded = [
    counts.address.count > limits.ORDER_STATUS_LOOKUPS_PER_ADDRESS ? counts.address.remainingMs : null,
    counts.order.count > limits.ORDER_STATUS_LOOKUPS_PER_ORDER ? counts.order.remainingMs : null,
  ].filter((ms): ms is number => ms !== null);
  return exceeded.length === 0 ? { ok: true } : { ok: false, retryAfterMs: Math.max(...exceeded) };
}

/** The refusal of one lookup too many, in the shop's language, with the wait in whole minutes. */
export function lookupLimitedMessage(market: MarketCode, retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return LIMITED[market](minutes);
}

const LIMITED: Readonly<Record<MarketCode, (minutes: number) => string>> = {
  it: (m) => `Troppe ricerche in poco tempo. Riprova tra ${m === 1 ? '1 minuto' : `${m} minuti`}.`,
  fr: (m) => `Trop de recherches en peu de temps. Réessayez dans ${m === 1 ? '1 minute' : `${m} minutes`}.`,
  de: (m) => `Zu viele Suchen in kurzer Zeit. Bitte versuchen Sie es in ${m === 1 ? '1 Minute' : `${m} Minuten`} erneut.`,
  es: (m) => `Demasiadas búsquedas en poco tiempo. Vuelve a intentarlo dentro de ${m === 1 ? '1 minuto' : `${m} minutos`}.`,
};
