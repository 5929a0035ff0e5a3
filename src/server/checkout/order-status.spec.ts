import { describe, expect, it } from 'vitest';
import type { Order } from '../orders';
import { groupedIban, type BankAccount } from '../orders';
import { lookupAllowed, lookupLimitedMessage, toShopperOrderView } from './order-status';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));
const agent = { kind: 'agent' as const, id: 'agent_x1' };

const order = {
  _id: 'o-1234567',
  number: 'DS-ABCDEF0123',
  customerId: 'c-1234567',
  email: 'anna@example.it',
  market: 'it',
  status: 'refunded',
  lines: [
    {
      lineId: 'l1',
      productId: 'p123456',
      title: 'Moka',
      quantity: 2,
      unitPrice: { amountCents: 1500, currency: 'EUR' },
      total: { amountCents: 3000, currency: 'EUR' },
    },
  ],
  total: { amountCents: 3000, currency: 'EUR' },
  shippingAddress: { name: 'Anna', line1: 'Via Roma 1', line2: null, postalCode: '00184', city: 'Roma', country: 'IT', phone: '+39333' },
  paymentMethod: 'bank_transfer',
  idempotencyKey: 'k',
  // Out of order on purpose: the view sorts by time.
  timeline: [
    { kind: 'refund', at: at(4), from: 'paid', to: 'refunded', actor: agent, reason: 'Refund of €20.00: customer is a known troll' },
    { kind: 'status', at: at(0), from: null, to: 'awaiting_payment', actor: { kind: 'shopper', id: 'c-1234567' }, reason: 'order placed' },
    { kind: 'status', at: at(1), from: 'awaiting_payment', to: 'paid', actor: agent, reason: 'paid' },
    { kind: 'note', at: at(2), from: 'paid', to: 'paid', actor: agent, reason: 'internal: check the address' },
    { kind: 'refund', at: at(3), from: 'paid', to: 'paid', actor: agent, reason: 'Partial refund of €10.00: dented' },
  ],
  purchases: [],
  refunds: [],
  createdAt: at(0),
  updatedAt: at(4),
} satisfies Order;

const account: BankAccount = { beneficiary: 'DigitalSales S.r.l.', iban: 'IT60X0542811101000000123456', bic: 'BPMOIT22XXX' };

describe('the shopper’s view of an order', () => {
  it('tells status changes and partial refunds, oldest first, without notes, reasons or agents', () => {
    const view = toShopperOrderView(order, account);
    expect(view.timeline.map((e) => [e.status, e.event])).toEqual([
      ['awaiting_payment', 'status'],
      ['paid', 'status'],
      ['paid', 'partial_refund'],
      ['refunded', 'status'],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/agent_x1|troll|internal|dented|\+39333|Via Roma/);
    expect(view).toMatchObject({
      number: 'DS-ABCDEF0123',
      totalCents: 3000,
      lines: [{ title: 'Moka', quantity: 2, unitCents: 1500, totalCents: 3000 }],
    });
  });
  it('gives the account to pay to, the order number as reference, while a bank transfer is awaited', () => {
    const awaiting = { ...order, status: 'awaiting_payment' as const, paymentMethod: 'bank_transfer' as const };
    expect(toShopperOrderView(awaiting, account).payTo).toEqual({ ...account, reference: 'DS-ABCDEF0123' });
    expect(toShopperOrderView({ ...awaiting, status: 'paid' }, account).payTo).toBeNull();
    expect(toShopperOrderView({ ...awaiting, status: 'confirmed', paymentMethod: 'cash_on_delivery' }, account).payTo).toBeNull();
    expect(groupedIban(account.iban)).toBe('IT60 X054 2811 1010 0000 0123 456');
  });
});

describe('order lookup limits', () => {
  const limits = { ORDER_STATUS_LOOKUPS_PER_ADDRESS: 30, ORDER_STATUS_LOOKUPS_PER_ORDER: 10 };
  const counts = (address: number, order: number) => ({
    address: { count: address, remainingMs: 120_000 },
    order: { count: order, remainingMs: 300_000 },
  });

  it('lets lookups through up to each limit, then says how long until every exceeded window ends', () => {
    expect(lookupAllowed(counts(30, 10), limits)).toEqual({ ok: true });
    expect(lookupAllowed(counts(31, 1), limits)).toEqual({ ok: false, retryAfterMs: 120_000 });
    expect(lookupAllowed(counts(1, 11), limits)).toEqual({ ok: false, retryAfterMs: 300_000 });
    expect(lookupAllowed(counts(31, 11), limits)).toEqual({ ok: false, retryAfterMs: 300_000 });
  });

  it("says so in the shop's language, in whole minutes rounded up", () => {
    expect(lookupLimitedMessage('it', 300_000)).toBe('Troppe ricerche in poco tempo. Riprova tra 5 minuti.');
    expect(lookupLimitedMessage('fr', 61_000)).toBe('Trop de recherches en peu de temps. Réessayez dans 2 minutes.');
    expect(lookupLimitedMessage('de', 1_000)).toBe('Zu viele Suchen in kurzer Zeit. Bitte versuchen Sie es in 1 Minute erneut.');
    expect(lookupLimitedMessage('es', 600_000)).toBe('Demasiadas búsquedas en poco tiempo. Vuelve a intentarlo dentro de 10 minutos.');
  });
});
