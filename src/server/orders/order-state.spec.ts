import { describe, expect, it } from 'vitest';
import { canTransition, IllegalTransitionError, transition, TRANSITIONS } from './order-state';
import { OrderStatus } from './order.schema';

const at = new Date('2026-11-25T10:00:00Z');
const actor = { kind: 'agent', id: 'agent_1' } as const;

/**
 * The lifecycle written out by hand, independently of TRANSITIONS: one line per status, the
 * statuses it may become. Every other pair of the 11 × 11 is illegal.
 */
const LEGAL = `
  awaiting_payment → paid cancelled needs_attention
  confirmed        → purchasing cancelled needs_attention
  paid             → purchasing refund_pending refunded needs_attention
  purchasing       → purchased needs_attention
  purchased        → shipped refund_pending refunded needs_attention
  shipped          → delivered refund_pending refunded needs_attention
  delivered        → refund_pending refunded needs_attention
  refund_pending   → refunded needs_attention
  needs_attention  → awaiting_payment confirmed paid purchasing purchased shipped delivered cancelled refund_pending refunded
  cancelled        →
  refunded         →
`;
const legal = new Set(
  LEGAL.trim()
    .split('\n')
    .flatMap((line) => {
      const [from, to = ''] = line.split('→').map((s) => s.trim());
      return to
        .split(/\s+/)
        .filter(Boolean)
        .map((t) => `${from}→${t}`);
    }),
);
const pairs = OrderStatus.options.flatMap((from) => OrderStatus.options.map((to) => [from, to] as const));

describe('order state machine', () => {
  it('knows every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...OrderStatus.options].sort());
  });

  it.each(pairs.filter(([f, t]) => legal.has(`${f}→${t}`)))('allows %s → %s with a timeline entry', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transition(from, { to, actor, reason: ' checked ', at })).toEqual({ kind: 'status', at, from, to, actor, reason: 'checked' });
  });

  it.each(pairs.filter(([f, t]) => !legal.has(`${f}→${t}`)))('refuses %s → %s with a clear error', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => transition(from, { to, actor, reason: 'x', at })).toThrow(IllegalTransitionError);
    expect(() => transition(from, { to, actor, reason: 'x', at })).toThrow(`an order that is ${from} cannot become ${to}`);
  });

  it('names what the order may become instead, or that it is final', () => {
    expect(() => transition('paid', { to: 'cancelled', actor, reason: 'x', at })).toThrow(
      'an order that is paid cannot become cancelled (it may become: purchasing, refund_pending, refunded, needs_attention)',
    );
    for (const from of ['cancelled', 'refunded'] as const) {
      expect(() => transition(from, { to: 'paid', actor, reason: 'x', at })).toThrow(`(${from} is final)`);
    }
  });

  it('wants a reason', () => {
    expect(() => transition('awaiting_payment', { to: 'paid', actor, reason: '  ', at })).toThrow(/reason/);
  });
});
