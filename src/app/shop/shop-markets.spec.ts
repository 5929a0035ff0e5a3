import { describe, expect, it } from 'vitest';
import { marketOfPath, switchMarketHref, type ShopMarket } from './shop-markets';

const markets: ShopMarket[] = [
  { code: 'it', name: 'Italia', language: 'it' },
  { code: 'fr', name: 'France', language: 'fr' },
];

describe('marketOfPath', () => {
  it('is the market of the first path segment, or null outside the shop', () => {
    expect(marketOfPath('/fr/p/moka-abcdef12', markets)?.code).toBe('fr');
    expect(marketOfPath('/it?q=moka', markets)?.code).toBe('it');
    expect(marketOfPath('/status', markets)).toBeNull();
    expect(marketOfPath('/', markets)).toBeNull();
  });
});

describe('switchMarketHref', () => {
  it('keeps the page and the search, drops what only means something in this market (the cursor)', () => {
    expect(switchMarketHref('/it/p/moka-abcdef12', 'fr')).toBe('/fr/p/moka-abcdef12');
    expect(switchMarketHref('/it?q=moka&category=kitchen&sort=price-asc&cursor=xyz', 'de')).toBe('/de?q=moka&category=kitchen');
    expect(switchMarketHref('/es', 'it')).toBe('/it');
  });
});
