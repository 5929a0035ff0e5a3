import { describe, expect, it } from 'vitest';
import { decideRefund, refundableCents, refundedCents } from './refund';
import type { Order } from './order.schema';

const at = new Date();
const order = (totalCents: number, refunds: number[], status: Order['status'] = 'delivered') => ({
  status,
  total: { amountCents: totalCents, currency: 'EUR' as const },
  refunds: refunds.map((c, i) => ({
    refundId: `r${i}`,
    amount: { amountCents: c, currency: 'EUR' as const },
    reason: 'x',
    at,
    agentId: 'agent_1',
  })),
});
const ask = (amountCents: number, role: 'agent' | 'supervisor' | 'admin' = 'agent') => ({ amountCents, role, agentLimitCents: 5000 });

describe('refund arithmetic', () => {
  it('sums refunds in cents and never goes below zero remaining', () => {
    expect(refundedCents(order(10_000, [1234, 766]))).toBe(2000);
    expect(refundableCents(order(10_000, [1234, 766]))).toBe(8000);
    expect(refundableCents(order(1000, [1000]))).toBe(0);
  });

  it('accepts a partial refund and calls the last cent a full one', () => {
    expect(decideRefund(order(4000, []), ask(1500))).toEqual({ ok: true, full: false });
    expect(decideRefund(order(4000, [1500]), ask(2500))).toEqual({ ok: true, full: true });
  });

  it('refuses more than what remains refundable', () => {
    expect(decideRefund(order(4000, [3000]), ask(1001))).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'only €10.00 of this order remains refundable',
    });
  });

  it('refuses zero, negative and fractional amounts', () => {
    for (const cents of [0, -1, 1.5]) expect(decideRefund(order(4000, []), ask(cents))).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('sends an agent above the limit to a supervisor; supervisors and admins may', () => {
    expect(decideRefund(order(20_000, []), ask(5000))).toEqual({ ok: true, full: false });
    expect(decideRefund(order(20_000, []), ask(5001))).toMatchObject({
      ok: false,
      kind: 'forbidden',
      message: expect.stringContaining('supervisor'),
    });
    expect(decideRefund(order(20_000, []), ask(5001, 'supervisor'))).toEqual({ ok: true, full: false });
    expect(decideRefund(order(20_000, []), ask(20_000, 'admin'))).toEqual({ ok: true, full: true });
  });

  it("holds an agent to the limit on the order's running total, whoever issued the earlier refunds", () => {
    // The probe: six refunds of 5,000 cents on one order were all accepted.
    expect(decideRefund(order(40_000, []), ask(5000))).toEqual({ ok: true, full: false });
    expect(decideRefund(order(40_000, [5000]), ask(5000))).toMatchObject({
      ok: false,
      kind: 'forbidden',
      message:
        'refunds above €50.00 in total on one order need a supervisor (€50.00 of this order is refunded already): ask one to issue this refund',
    });
    expect(decideRefund(order(40_000, [3000]), ask(2000))).toEqual({ ok: true, full: false });
    expect(decideRefund(order(40_000, [3000]), ask(2001))).toMatchObject({ ok: false, kind: 'forbidden' });
    // A supervisor's earlier refund counts too: more money back on that order is a supervisor's call.
    expect(decideRefund(order(40_000, [10_000]), ask(1))).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(decideRefund(order(40_000, [5000, 5000, 5000]), ask(5000, 'supervisor'))).toEqual({ ok: true, full: false });
  });

  it('refuses orders not yet paid, being purchased, or closed, saying what to do instead', () => {
    for (const status of ['awaiting_payment', 'purchasing', 'cancelled', 'refunded'] as const) {
      expect(decideRefund(order(4000, [], status), ask(100))).toMatchObject({ ok: false, kind: 'conflict' });
    }
    expect(decideRefund(order(4000, [], 'purchasing'), ask(100))).toMatchObject({
      message: expect.stringMatching(/purchase from the supplier is under way: wait until it is bought/),
    });
    expect(decideRefund(order(4000, [], 'awaiting_payment'), ask(100))).toMatchObject({
      message: expect.stringMatching(/cancel the order instead/),
    });
  });
});
