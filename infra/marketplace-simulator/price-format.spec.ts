// Prices printed as the real shops print them, character for character (the spaces included).
import { describe, expect, it } from 'vitest';
import { decimalAmount, formatPrice, priceParts, type PriceStyle } from './price-format';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('formatPrice', () => {
  const cases: readonly [PriceStyle, number, string][] = [
    ['dot-suffix', 129_995, `1.299,95${NBSP}€`],
    ['dot-suffix', 1_299, `12,99${NBSP}€`],
    ['dot-suffix', 123_456_789, `1.234.567,89${NBSP}€`],
    ['nnbsp-suffix', 129_995, `1${NNBSP}299,95${NBSP}€`],
    ['nbsp-suffix', 129_995, `1${NBSP}299,95${NBSP}€`],
    ['euro-prefix', 129_995, `€${NBSP}1.299,95`],
    ['dash', 1_200, `12,-${NBSP}€`],
    ['dash', 1_295, `12,95${NBSP}€`],
    ['es-min2', 129_995, `1299,95${NBSP}€`],
    ['es-min2', 1_299_995, `12.999,95${NBSP}€`],
    ['eur-code', 129_995, 'EUR 1.299,95'],
    ['eur-code-fr', 129_995, `EUR 1${NBSP}299,95`],
    ['dot-suffix', 5, `0,05${NBSP}€`],
  ];
  it.each(cases)('%s prints %i cents as %j', (style, cents, expected) => {
    expect(formatPrice(cents, style)).toBe(expected);
  });

  it('refuses anything but a non-negative integer of cents', () => {
    expect(() => formatPrice(12.5, 'dot-suffix')).toThrow(/integer of cents/);
    expect(() => formatPrice(-1, 'dot-suffix')).toThrow(/integer of cents/);
  });
});

describe('priceParts', () => {
  it('splits whole euros (grouped), decimal mark and cents as Amazon renders them', () => {
    expect(priceParts(129_995, 'dot-suffix')).toEqual({ whole: '1.299', decimalMark: ',', fraction: '95', symbol: '€' });
    expect(priceParts(129_905, 'nnbsp-suffix').whole).toBe(`1${NNBSP}299`);
    expect(priceParts(129_905, 'nnbsp-suffix').fraction).toBe('05');
  });
});

describe('decimalAmount', () => {
  it('prints the dot-decimal amount schema.org expects', () => {
    expect(decimalAmount(129_995)).toBe('1299.95');
    expect(decimalAmount(1_200)).toBe('12.00');
    expect(decimalAmount(7)).toBe('0.07');
  });
});
