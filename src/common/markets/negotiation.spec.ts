import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKET, marketForLanguages } from './negotiation';

describe('marketForLanguages', () => {
  it('picks the market of the most preferred language we sell in', () => {
    expect(marketForLanguages('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(marketForLanguages('fr-CH')).toBe('fr');
    expect(marketForLanguages('en-GB,en;q=0.9,es;q=0.5')).toBe('es');
  });

  it('orders by weight, not by position', () => {
    expect(marketForLanguages('it;q=0.3, fr;q=0.8')).toBe('fr');
    expect(marketForLanguages('es, de')).toBe('es');
  });

  it('ignores languages refused with q=0 and falls back to the default market', () => {
    expect(marketForLanguages('fr;q=0, en')).toBe(DEFAULT_MARKET);
    expect(marketForLanguages(undefined)).toBe('it');
    expect(marketForLanguages('*')).toBe('it');
    expect(marketForLanguages(';;,,q=')).toBe('it');
  });
});
