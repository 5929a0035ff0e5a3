// The generated catalogs: reproducible from the seed, O(1) per product up to a million per
// market, valid GTINs, source ids that decode back, and the configured share of products sold in
// several markets under one GTIN at different prices.
import { describe, expect, it } from 'vitest';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { Catalog, canonicalPath, JSON_LD_SHAPES, snapPrice, TEMPLATE_KINDS, type SimProduct } from './catalog-generator';
import { isValidGtin13 } from './gtin';
import { CATEGORIES } from './word-lists';

const SHAPE = { seed: 1, productsPerMarket: 5_000, crossMarketShare: 0.6 };
const catalog = new Catalog(SHAPE);
const sample = (market: MarketCode, count = 2_000): SimProduct[] => Array.from({ length: count }, (_, i) => catalog.product(market, i));

describe('Catalog: determinism', () => {
  it('gives the same product for the same (seed, market, index), even from another instance', () => {
    const again = new Catalog({ ...SHAPE });
    for (const market of MARKET_CODES)
      for (const index of [0, 1, 2_500, 4_999]) expect(again.product(market, index)).toEqual(catalog.product(market, index));
  });

  it('gives another catalog for another seed', () => {
    const other = new Catalog({ ...SHAPE, seed: 2 });
    const titles = sample('it', 50).map((p) => p.title);
    const otherTitles = Array.from({ length: 50 }, (_, i) => other.product('it', i).title);
    expect(otherTitles).not.toEqual(titles);
  });

  it('refuses indices outside the catalog and impossible shapes', () => {
    expect(() => catalog.product('it', 5_000)).toThrow(/no product/);
    expect(() => catalog.product('it', -1)).toThrow(/no product/);
    expect(() => new Catalog({ ...SHAPE, productsPerMarket: 0 })).toThrow(/productsPerMarket/);
    expect(() => new Catalog({ ...SHAPE, crossMarketShare: 1.5 })).toThrow(/crossMarketShare/);
  });
});

describe('Catalog: identities', () => {
  it('lays every market out as a permutation of its slots, inverted exactly', () => {
    for (const size of [1, 2, 3, 10, 97, 1_000]) {
      const small = new Catalog({ ...SHAPE, productsPerMarket: size });
      for (const market of MARKET_CODES) {
        const slots = new Set<number>();
        for (let i = 0; i < size; i++) {
          const slot = small.slotOf(market, i);
          slots.add(slot);
          expect(small.indexOfSlot(market, slot)).toBe(i);
        }
        expect(slots.size).toBe(size);
      }
    }
  });

  it('makes ASIN-like source ids that decode to their index, in their own market only', () => {
    const ids = new Set<string>();
    for (const market of MARKET_CODES) {
      for (const product of sample(market, 500)) {
        expect(product.sourceId).toMatch(/^B0[0-9A-Z]{8}$/);
        expect(catalog.indexOfSourceId(market, product.sourceId)).toBe(product.index);
        ids.add(product.sourceId);
      }
    }
    expect(ids.size).toBe(2_000);
    const itId = catalog.sourceIdOf('it', 10);
    expect(catalog.indexOfSourceId('fr', itId)).toBeNull();
    expect(catalog.indexOfSourceId('it', 'B0XXXXXXXX')).toBeNull();
    expect(catalog.indexOfSourceId('it', 'b0' + itId.slice(2))).toBeNull();
    expect(new Catalog({ ...SHAPE, productsPerMarket: 10 }).indexOfSourceId('it', itId)).toBeNull();
  });

  it('gives every product a valid GTIN-13, unique unless it is the same world product', () => {
    const byGtin = new Map<string, SimProduct>();
    for (const market of MARKET_CODES) {
      for (const product of sample(market)) {
        expect(isValidGtin13(product.gtin), product.gtin).toBe(true);
        const seen = byGtin.get(product.gtin);
        if (seen) {
          expect(product.worldId).not.toBeNull();
          expect(product.worldId).toBe(seen.worldId);
          expect(product.market).not.toBe(seen.market);
        }
        byGtin.set(product.gtin, product);
      }
    }
  });
});

describe('Catalog: the same products across markets', () => {
  it('sells about the configured share of each market’s products in other markets too', () => {
    for (const market of MARKET_CODES) {
      const shared = sample(market).filter((p) => p.worldId !== null).length / 2_000;
      expect(shared).toBeGreaterThan(0.57);
      expect(shared).toBeLessThan(0.63);
    }
    for (const share of [0, 0.3, 0.9, 1]) {
      const other = new Catalog({ ...SHAPE, crossMarketShare: share });
      const measured = Array.from({ length: 2_000 }, (_, i) => other.worldIdOf('de', i)).filter((w) => w !== null).length / 2_000;
      expect(Math.abs(measured - share)).toBeLessThan(0.03);
    }
  });

  it('puts a world product in 2 to 4 markets under one GTIN, brand and category, in each market’s language', () => {
    let cheaperSomewhere = 0;
    const shared = sample('it', 300).filter((p) => p.worldId !== null);
    for (const product of shared) {
      const siblings = catalog.siblings('it', product.index);
      const markets = Object.keys(siblings) as MarketCode[];
      expect(markets.length).toBeGreaterThanOrEqual(2);
      expect(markets).toEqual(expect.arrayContaining(['it']));
      expect([...markets].sort()).toEqual([...product.markets].sort());
      const others = markets.filter((m) => m !== 'it').map((m) => catalog.product(m, siblings[m] as number));
      for (const other of others) {
        expect(other.worldId).toBe(product.worldId);
        expect(other.gtin).toBe(product.gtin);
        expect(other.brand).toBe(product.brand);
        expect(other.model).toBe(product.model);
        expect(other.category.key).toBe(product.category.key);
        expect(other.title).not.toBe(product.title);
        expect(other.sourceId).not.toBe(product.sourceId);
      }
      if (others.some((o) => o.basePriceCents !== product.basePriceCents)) cheaperSomewhere++;
    }
    // Prices differ by market; equal prices happen only when rounding meets.
    expect(cheaperSomewhere / shared.length).toBeGreaterThan(0.9);
  });

  it('keeps products sold in one market to themselves', () => {
    const local = sample('es', 200).find((p) => p.worldId === null) as SimProduct;
    expect(local.markets).toEqual(['es']);
    expect(catalog.siblings('es', local.index)).toEqual({ es: local.index });
  });
});

describe('Catalog: what a product carries', () => {
  it('holds money as integer cents, with a list price only above the price', () => {
    for (const market of MARKET_CODES) {
      for (const p of sample(market, 1_000)) {
        expect(Number.isSafeInteger(p.basePriceCents) && p.basePriceCents > 0).toBe(true);
        expect(Number.isSafeInteger(p.shippingCents) && p.shippingCents >= 0).toBe(true);
        if (p.listPriceCents !== null) {
          expect(Number.isSafeInteger(p.listPriceCents)).toBe(true);
          expect(p.listPriceCents).toBeGreaterThan(p.basePriceCents);
        }
      }
    }
  });

  it('writes titles and descriptions in the market’s language, with slugs and image paths', () => {
    const it0 = catalog.product('it', 0);
    expect(it0.title).toContain(it0.brand);
    expect(it0.title).toContain(it0.colour.name.it);
    expect(it0.description).toContain(it0.brand);
    expect(it0.category.name.it.length).toBeGreaterThan(0);
    expect(it0.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(it0.imagePaths[0]).toBe(`/images/${it0.sourceId}/1.jpg`);
  });

  it('uses every template, JSON-LD shape and category', () => {
    const products = MARKET_CODES.flatMap((m) => sample(m, 500));
    expect(new Set(products.map((p) => p.markup.template))).toEqual(new Set(TEMPLATE_KINDS));
    expect(new Set(products.map((p) => p.markup.jsonLdShape))).toEqual(new Set(JSON_LD_SHAPES));
    expect(new Set(products.map((p) => p.category.key)).size).toBe(CATEGORIES.length);
    for (const p of products)
      expect(canonicalPath(p)).toMatch(p.markup.template.startsWith('amazon') ? /^\/dp\/B0/ : /^\/p\/[a-z0-9-]+-B0[0-9A-Z]{8}$/);
  });

  it('agrees with the cheap category lookup the listings use', () => {
    for (const market of MARKET_CODES)
      for (const p of sample(market, 300)) expect(CATEGORIES[catalog.categoryIndexOf(market, p.index)]).toBe(p.category);
  });

  it('rounds prices the way the shop does', () => {
    expect(snapPrice(1_234, 'x99')).toBe(1_199);
    expect(snapPrice(1_260, 'x99')).toBe(1_299);
    expect(snapPrice(1_260, 'x95')).toBe(1_295);
    expect(snapPrice(1_234, 'x9')).toBe(1_229);
    expect(snapPrice(1_260, 'x00')).toBe(1_300);
    expect(snapPrice(3, 'x00')).toBe(100);
  });
});

describe('Catalog: a million products per market', () => {
  it('computes any of them at once, without holding the catalog', () => {
    const big = new Catalog({ ...SHAPE, productsPerMarket: 1_000_000 });
    for (const market of MARKET_CODES) {
      for (const index of [0, 123_456, 999_999]) {
        const product = big.product(market, index);
        expect(big.indexOfSourceId(market, product.sourceId)).toBe(index);
        expect(isValidGtin13(product.gtin)).toBe(true);
      }
    }
    const shared = Array.from({ length: 4_000 }, (_, i) => big.worldIdOf('fr', 996_000 + i)).filter((w) => w !== null).length;
    expect(Math.abs(shared / 4_000 - 0.6)).toBeLessThan(0.03);
  });
});

describe('Catalog: identifiers shown as real shops show them', () => {
  const realistic = new Catalog({ ...SHAPE, identifiers: { gtin: 0.3, model: 0.5 } });
  const pages = Array.from({ length: 2_000 }, (_, i) => realistic.product('fr', i));

  it('shows the GTIN and the model on about the configured shares of pages, each page drawn on its own', () => {
    const share = (shown: (p: SimProduct) => boolean) => pages.filter(shown).length / pages.length;
    expect(share((p) => p.pageGtin !== null)).toBeCloseTo(0.3, 1);
    expect(share((p) => p.pageModel !== null)).toBeCloseTo(0.5, 1);
    expect(share((p) => p.pageGtin !== null && p.pageModel !== null)).toBeCloseTo(0.15, 1);
  });

  it('leaves the model out of the title of a page that does not name it, and changes nothing else', () => {
    for (const page of pages.slice(0, 200)) {
      const full = catalog.product('fr', page.index);
      expect(page.gtin).toBe(full.gtin);
      expect(page.basePriceCents).toBe(full.basePriceCents);
      expect(page.title.includes(page.model)).toBe(page.pageModel !== null);
      if (page.pageModel === null) expect(page.title).toBe(full.title.replace(` ${full.model}`, ''));
    }
  });

  it('shows both on every page by default', () => {
    expect(sample('it', 200).every((p) => p.pageGtin === p.gtin && p.pageModel === p.model)).toBe(true);
  });
});
