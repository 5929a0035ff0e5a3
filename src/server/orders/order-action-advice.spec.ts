import { describe, expect, it } from 'vitest';
import { refusedActionAdvice } from './order-action-advice';
import { canTransition } from './order-state';
import { OrderStatus } from './order.schema';

describe('refusedActionAdvice', () => {
  const targets = { 'order.cancelled': 'cancelled', 'order.marked_paid': 'paid', 'order.purchase_retried': 'purchasing' } as const;

  it('says why and what to do instead for every status where the action cannot apply', () => {
    for (const [action, to] of Object.entries(targets)) {
      for (const status of OrderStatus.options) {
        if (canTransition(status, to) || status === 'needs_attention') continue;
        expect(refusedActionAdvice(action, status), `${action} from ${status}`).toMatch(/^this order cannot be [a-z ]+: .{10,}/);
      }
    }
  });

  it('points a paid order to a refund rather than a cancellation', () => {
    expect(refusedActionAdvice('order.cancelled', 'paid')).toBe(
      'this order cannot be cancelled: it is paid: refund it in full instead, which closes it',
    );
    expect(refusedActionAdvice('order.note_added', 'paid')).toBeNull();
  });
});
