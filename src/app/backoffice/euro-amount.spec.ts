import { describe, expect, it } from 'vitest';
import { formatEuroCents, parseEuroCents } from './euro-amount';

describe('parseEuroCents', () => {
  it('reads euros with a dot or a comma as whole cents', () => {
    expect(parseEuroCents('12.34')).toBe(1234);
    expect(parseEuroCents('12,3')).toBe(1230);
    expect(parseEuroCents(' 7 ')).toBe(700);
    expect(parseEuroCents('0.10')).toBe(10);
  });

  it('refuses what is not a positive amount', () => {
    for (const text of ['', '0', '-5', '1.234', 'abc', '1e3', '12.']) expect(parseEuroCents(text)).toBeNull();
  });
});

describe('formatEuroCents', () => {
  it('shows whole cents as euros with two decimals, negatives with a sign', () => {
    expect(formatEuroCents(1234)).toBe('€12.34');
    expect(formatEuroCents(5)).toBe('€0.05');
    expect(formatEuroCents(-50)).toBe('-€0.50');
  });
});
