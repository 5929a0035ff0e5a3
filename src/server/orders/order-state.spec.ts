import { describe, expect, it } from 'vitest';
import { canTransition, IllegalTransitionError, transition, TRANSITIONS } from './order-state';
import { OrderStatus } from './order.schema';

const at = new Date('2026-11-25T10:00:00Z');
const actor = { kind: 'agent', id: 'agent_1' } as const;

describe('order state machine', () => {
  it('knows every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...OrderStatus.options].sort());
  });

  it.each([
    ['awaiting_payment', 'paid'],
    ['awaiting_payment', 'cancelled'],
    ['paid', 'purchasing'],
    ['paid', 'refunded'],
    ['purchasing', 'purchased'],
    ['purchased', 'shipped'],
    ['shipped', 'delivered'],
    ['delivered', 'refund_pending'],
    ['refund_pending', 'refunded'],
    ['needs_attention', 'purchasing'],
    ['purchasing', 'needs_attention'],
  ] as const)('allows %s → %s with a timeline entry', (from, to) => {
    expect(transition(from, { to, actor, reason: ' checked ', at })).toEqual({ kind: 'status', at, from, to, actor, reason: 'checked' });
  });

  it.each([
    ['awaiting_payment', 'shipped'],
    ['paid', 'cancelled'],
    ['purchasing', 'refunded'],
    ['delivered', 'paid'],
    ['shipped', 'purchasing'],
    ['refund_pending', 'paid'],
  ] as const)('refuses %s → %s with a clear error', (from, to) => {
    expect(() => transition(from, { to, actor, reason: 'x', at })).toThrow(IllegalTransitionError);
    expect(() => transition(from, { to, actor, reason: 'x', at })).toThrow(`an order that is ${from} cannot become ${to}`);
  });

  it('treats cancelled and refunded as final', () => {
    for (const from of ['cancelled', 'refunded'] as const) {
      for (const to of OrderStatus.options) expect(canTransition(from, to)).toBe(false);
      expect(() => transition(from, { to: 'paid', actor, reason: 'x', at })).toThrow(`(${from} is final)`);
    }
  });

  it('never allows a status to follow itself', () => {
    for (const status of OrderStatus.options) expect(canTransition(status, status)).toBe(false);
  });

  it('wants a reason', () => {
    expect(() => transition('awaiting_payment', { to: 'paid', actor, reason: '  ', at })).toThrow(/reason/);
  });
});
