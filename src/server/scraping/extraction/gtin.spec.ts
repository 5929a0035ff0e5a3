import { describe, expect, it } from 'vitest';
import { gtinKey, validGtin } from './gtin';

describe('validGtin', () => {
  it('accepts GTIN-8, -12, -13 and -14 with a right check digit', () => {
    expect(validGtin('8006363011440')).toBe('8006363011440');
    expect(validGtin('4006592532000')).toBe('4006592532000');
    expect(validGtin('96385074')).toBe('96385074');
    expect(validGtin('036000291452')).toBe('036000291452');
    expect(validGtin('10036000291459')).toBe('10036000291459');
    expect(validGtin('400 6592 53200 0')).toBe('4006592532000');
    expect(validGtin(4006592532000)).toBe('4006592532000');
  });

  it('refuses wrong check digits, wrong lengths and non-digits', () => {
    expect(validGtin('4006592532001')).toBeUndefined();
    expect(validGtin('12345')).toBeUndefined();
    expect(validGtin('40065925320AB')).toBeUndefined();
    expect(validGtin('0000000000000')).toBeUndefined();
    expect(validGtin(undefined)).toBeUndefined();
  });

  it('gives the UPC, EAN-13 and GTIN-14 spellings of one item one key', () => {
    expect(gtinKey('036000291452')).toBe(gtinKey('0036000291452'));
    expect(gtinKey('0036000291452')).toBe('00036000291452');
  });
});
