import { describe, expect, it } from 'vitest';
import { MARKET_CODES } from '../../src/common/markets';
import { Catalog } from './catalog-generator';
import { detectLanguage, translate } from './translation';

const catalog = new Catalog({ seed: 7, productsPerMarket: 600, crossMarketShare: 0.6 });

/** Products sold in several markets, with their page in each: the translations the shops themselves wrote. */
function worldProducts(count: number) {
  const found = [];
  for (let index = 0; index < catalog.size && found.length < count; index++) {
    const siblings = catalog.siblings('de', index);
    if (Object.keys(siblings).length < 2) continue;
    found.push(Object.fromEntries(Object.entries(siblings).map(([market, i]) => [market, catalog.product(market as 'de', i!)])));
  }
  return found;
}

describe('the simulator translator', () => {
  const products = worldProducts(80);

  it('translates a shop title and description into what the other shop writes for the same product', () => {
    expect(products.length).toBe(80);
    let pairs = 0;
    for (const byMarket of products) {
      for (const from of MARKET_CODES) {
        for (const to of MARKET_CODES) {
          const source = byMarket[from];
          const target = byMarket[to];
          if (!source || !target || from === to) continue;
          expect(translate(source.title, from, to)).toEqual({ text: target.title, detected: from });
          expect(translate(source.description, from, to).text).toBe(target.description);
          pairs += 1;
        }
      }
    }
    expect(pairs).toBeGreaterThan(200);
  });

  it('detects the language of a shop text when none is given', () => {
    for (const byMarket of products.slice(0, 20)) {
      for (const [market, product] of Object.entries(byMarket)) {
        expect(detectLanguage(product!.title)).toBe(market);
        expect(translate(product!.description, null, 'it').detected).toBe(market);
      }
    }
  });

  it('keeps brands, models and unknown words, and a text already in the target language', () => {
    expect(translate('Zephyr ZQ-4410 Kaffeemaschine Schwarz', 'de', 'fr').text).toBe('Zephyr ZQ-4410 Machine à Café Noir');
    expect(translate('Schwarzwald', 'de', 'it').text).toBe('Schwarzwald');
    expect(translate('Macchina da Caffè Nero', 'it', 'it').text).toBe('Macchina da Caffè Nero');
  });
});
