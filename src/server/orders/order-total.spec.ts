import { describe, expect, it } from 'vitest';
import { lineTotal, orderTotal } from './order-total';

const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' as const });

describe('order totals in cents', () => {
  it('multiplies a line in whole cents', () => {
    expect(lineTotal(eur(1999), 3)).toEqual(eur(5997));
    expect(lineTotal(eur(10), 3)).toEqual(eur(30));
  });

  it('makes the order total the sum of its lines', () => {
    const lines = [{ total: lineTotal(eur(1999), 3) }, { total: lineTotal(eur(1), 1) }, { total: lineTotal(eur(12_345), 2) }];
    expect(orderTotal(lines)).toEqual(eur(5997 + 1 + 24_690));
    for (let n = 1; n <= 20; n++) {
      const many = Array.from({ length: n }, (_, i) => ({ total: lineTotal(eur(1 + ((i * 7919) % 10_000)), 1 + (i % 5)) }));
      expect(orderTotal(many).amountCents).toBe(many.reduce((sum, l) => sum + l.total.amountCents, 0));
    }
  });

  it('refuses what has no exact total', () => {
    expect(() => lineTotal(eur(100), 0)).toThrow('quantity');
    expect(() => lineTotal(eur(100), 1.5)).toThrow('quantity');
    expect(() => lineTotal(eur(Number.MAX_SAFE_INTEGER), 2)).toThrow('exact');
    expect(() => orderTotal([])).toThrow('at least one line');
  });
});
