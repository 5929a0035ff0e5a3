// GTIN-13 check digits, on published examples and on digits changed one at a time.
import { describe, expect, it } from 'vitest';
import { gtin13, gtinCheckDigit, isValidGtin13 } from './gtin';

describe('GTIN-13', () => {
  it('computes the check digit of published examples', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('590123412345')).toBe(7);
    expect(isValidGtin13('4006381333931')).toBe(true);
    expect(isValidGtin13('5901234123457')).toBe(true);
  });

  it('rejects a changed digit, a wrong length and non-digits', () => {
    expect(isValidGtin13('4006381333932')).toBe(false);
    expect(isValidGtin13('4006381333913')).toBe(false);
    expect(isValidGtin13('400638133393')).toBe(false);
    expect(isValidGtin13('40063813339a1')).toBe(false);
    expect(() => gtinCheckDigit('12a')).toThrow(/digits only/);
  });

  it('builds valid codes from a prefix and a serial', () => {
    expect(gtin13(800, 0)).toMatch(/^800000000000\d$/);
    for (let serial = 0; serial < 1_000_000_000; serial += 7_919_993) expect(isValidGtin13(gtin13(426, serial))).toBe(true);
    expect(() => gtin13(800, 1e9)).toThrow(/out of range/);
  });
});
