// Test data, written through the stores as checkout will: a customer and their orders. Used by
// the integration tests and the back-office e2e seed; not imported by application code.
import type { Customer } from '../customers/customer.schema';
import { insertCustomer } from '../customers/customer.store';
import { newId } from '../db/ids';
import type { MarketCode } from '../markets';
import type { Runtime } from '../runtime';
import type { Order, OrderStatus } from './order.schema';
import { insertOrder } from './order.store';
import { lineTotal, orderTotal } from './order-total';

export interface SeedOrder {
  readonly title?: string;
  readonly quantity?: number;
  readonly unitPriceCents: number;
  readonly status?: OrderStatus;
  readonly market?: MarketCode;
}

export interface SeedCustomer {
  readonly email?: string;
  readonly name?: string;
  readonly phone?: string | null;
  readonly orders: readonly SeedOrder[];
}

export async function seedCustomerWithOrders(rt: Runtime, seed: SeedCustomer): Promise<{ customer: Customer; orders: Order[] }> {
  const now = new Date();
  const tag = newId(6);
  const customer: Customer = {
    _id: newId(),
    email: (seed.email ?? `shopper-${tag}@example.com`).toLowerCase(),
    name: seed.name ?? `Giulia Rossi ${tag}`,
    phone: seed.phone === undefined ? `+39333${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` : seed.phone,
    market: seed.orders[0]?.market ?? 'it',
    notes: [],
    createdAt: now,
    updatedAt: now,
  };
  await insertCustomer(rt.collections.customers, customer);
  const orders: Order[] = [];
  for (const [i, o] of seed.orders.entries()) {
    const quantity = o.quantity ?? 1;
    const status = o.status ?? 'paid';
    const lineSum = lineTotal({ amountCents: o.unitPriceCents, currency: 'EUR' }, quantity);
    const created = new Date(now.getTime() - (seed.orders.length - i) * 60_000);
    const order: Order = {
      _id: newId(),
      number: `DS-${newId(8).toUpperCase()}`,
      customerId: customer._id,
      email: customer.email,
      market: o.market ?? customer.market,
      status,
      lines: [
        {
          lineId: 'l1',
          productId: newId(),
          title: o.title ?? 'Moka pot 6 cups',
          quantity,
          unitPrice: { amountCents: o.unitPriceCents, currency: 'EUR' },
          total: lineSum,
        },
      ],
      total: orderTotal([{ total: lineSum }]),
      shippingAddress: { name: customer.name, line1: 'Via Roma 1', line2: null, postalCode: '00100', city: 'Roma', country: 'IT', phone: customer.phone },
      paymentMethod: 'bank_transfer',
      idempotencyKey: newId(),
      timeline: [
        { kind: 'status', at: created, from: null, to: 'awaiting_payment', actor: { kind: 'shopper', id: customer._id }, reason: 'order placed' },
        ...(status === 'awaiting_payment'
          ? []
          : [{ kind: 'status' as const, at: new Date(created.getTime() + 1000), from: 'awaiting_payment' as const, to: status, actor: { kind: 'system' as const, id: null }, reason: 'seeded' }]),
      ],
      purchases: [],
      refunds: [],
      createdAt: created,
      updatedAt: created,
    };
    await insertOrder(rt.collections.orders, order);
    orders.push(order);
  }
  return { customer, orders };
}
