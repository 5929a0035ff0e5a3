import { describe, expect, it } from 'vitest';
import { MARKET_CODES, MARKETS, isMarketCode, market } from './markets';

describe('MARKETS', () => {
  it('declares the four markets, each under its own code', () => {
    expect(Object.keys(MARKETS).sort()).toEqual([...MARKET_CODES].sort());
    for (const code of MARKET_CODES) expect(MARKETS[code].code).toBe(code);
  });

  it('holds the standard VAT rates in basis points', () => {
    expect(MARKETS.it.vatBasisPoints).toBe(2200);
    expect(MARKETS.fr.vatBasisPoints).toBe(2000);
    expect(MARKETS.de.vatBasisPoints).toBe(1900);
    expect(MARKETS.es.vatBasisPoints).toBe(2100);
  });

  it('formats with each country’s locale and sells in EUR', () => {
    expect(Object.fromEntries(MARKET_CODES.map((code) => [code, MARKETS[code].locale]))).toEqual({
      it: 'it-IT',
      fr: 'fr-FR',
      de: 'de-DE',
      es: 'es-ES',
    });
    for (const code of MARKET_CODES) expect(MARKETS[code].currency).toBe('EUR');
  });

  it('recognises only the four codes', () => {
    expect(market('de').name).toBe('Deutschland');
    expect(isMarketCode('es')).toBe(true);
    expect(isMarketCode('uk')).toBe(false);
    expect(isMarketCode(undefined)).toBe(false);
  });
});
