import { describe, expect, it } from 'vitest';
import { isValidPostalCode, MARKET_COUNTRY } from './postal-code';

describe('postal codes', () => {
  it.each([
    ['IT', '00184', true],
    ['IT', '20121', true],
    ['IT', '2012', false],
    ['IT', '201211', false],
    ['IT', 'AB123', false],
    ['FR', '75008', true],
    ['FR', '20000', true],
    ['FR', '7500', false],
    ['DE', '10115', true],
    ['DE', '01067', true],
    ['DE', '1011', false],
    ['DE', 'D-10115', false],
    ['ES', '28013', true],
    ['ES', '01001', true],
    ['ES', '52001', true],
    ['ES', '53001', false],
    ['ES', '00123', false],
    ['ES', '99999', false],
    ['ES', '2801', false],
  ] as const)('%s %s valid: %s', (country, code, valid) => {
    expect(isValidPostalCode(country, code)).toBe(valid);
  });

  it('ignores spaces a shopper typed', () => {
    expect(isValidPostalCode('IT', ' 00 184 ')).toBe(true);
  });

  it('ships each market to its own country', () => {
    expect(MARKET_COUNTRY).toEqual({ it: 'IT', fr: 'FR', de: 'DE', es: 'ES' });
  });
});
