import { describe, expect, it } from 'vitest';
import type { Product, ProductText } from './product.schema';
import { marketsToTranslate, originalText, productSearchTokens, textFor, withText } from './product-text';

const at = new Date('2026-11-25T10:00:00Z');
const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' as const });
const sells = (sourceMarket: 'it' | 'fr' | 'de' | 'es') => ({ price: eur(3999), sourceMarket, computedAt: at });
const page = (language: ProductText['language'], title: string, description: string | null = null): ProductText => ({
  title,
  description,
  language,
  origin: 'page',
  at,
});

function product(fields: Partial<Product> = {}): Product {
  return {
    _id: 'gtin-04012345678901',
    slug: 'nordvik-kaffeemaschine',
    gtin: '4012345678901',
    title: 'Nordvik Kaffeemaschine NK-120, Schwarz',
    brand: 'Nordvik',
    category: 'home-kitchen',
    images: [],
    attributes: {},
    searchTokens: [],
    offers: {},
    sellPrices: { it: sells('de'), de: sells('de'), fr: sells('es') },
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

const de = page('de', 'Nordvik Kaffeemaschine NK-120, Schwarz', 'Nordvik Kaffeemaschine: BPA-frei.');
const es = page('es', 'Nordvik Cafetera NK-120, Negro');

describe('textFor', () => {
  it("shows a market's own text, unmarked", () => {
    const it1 = { ...page('it', 'Nordvik Macchina da Caffè NK-120, Nero', 'Senza BPA.'), origin: 'translation' as const };
    expect(textFor(product({ texts: { de, it: it1 } }), 'it')).toEqual({ title: it1.title, description: 'Senza BPA.', lang: null });
    expect(textFor(product({ texts: { de, it: it1 } }), 'de')).toEqual({ title: de.title, description: de.description, lang: null });
  });

  it('shows the original until a translation exists, marked with its language', () => {
    expect(textFor(product({ texts: { de } }), 'it')).toEqual({ title: de.title, description: de.description, lang: 'de' });
  });

  it('takes the original from the market it is bought from, else the first page in market order', () => {
    const p = product({ texts: { de, es } });
    expect(textFor(p, 'fr')).toMatchObject({ title: es.title, lang: 'es' });
    expect(textFor(p, 'it')).toMatchObject({ title: de.title, lang: 'de' });
    expect(originalText(product({ texts: { es, de }, sellPrices: {} }), 'it')).toBe(de);
  });

  it('never translates from a translation', () => {
    const translated = { ...page('it', 'Macchina da Caffè'), origin: 'translation' as const };
    expect(originalText(product({ texts: { it: translated } }), 'fr')).toBeUndefined();
  });

  it('shows the first-scraped title, language unknown, for a product stored before texts were kept', () => {
    expect(textFor(product(), 'it')).toEqual({ title: 'Nordvik Kaffeemaschine NK-120, Schwarz', description: null, lang: null });
  });
});

describe('marketsToTranslate', () => {
  it('lists the markets that sell the product without a text of their own', () => {
    expect(marketsToTranslate(product({ texts: { de } }), at)).toEqual(['it', 'fr']);
    expect(marketsToTranslate(product({ texts: { de, it: page('it', 'Macchina') } }), at)).toEqual(['fr']);
  });

  it('asks nothing for a product stopped by an agent, nor without a page text to start from', () => {
    expect(marketsToTranslate(product({ texts: { de }, salesStop: { reason: 'recall', agentId: 'agent01', at } }), at)).toEqual([]);
    expect(marketsToTranslate(product(), at)).toEqual([]);
  });

  it('counts an agent’s price in force as for sale', () => {
    const override = { price: eur(4999), expiresAt: new Date('2026-12-01T00:00:00Z'), reason: 'launch', agentId: 'agent01', at };
    expect(marketsToTranslate(product({ texts: { de }, priceOverrides: { es: override } }), at)).toEqual(['it', 'fr', 'es']);
  });
});

describe('productSearchTokens and withText', () => {
  it('cover the brand and every title shown, once each', () => {
    const tokens = productSearchTokens(product({ texts: { de, es } }));
    expect(tokens).toEqual(expect.arrayContaining(['nordvik', 'kaffeemaschine', 'schwarz', 'cafetera', 'negro', 'nk']));
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('a translation stored makes its words findable and dates the write', () => {
    const later = new Date('2026-11-25T11:00:00Z');
    const translated: ProductText = {
      title: 'Nordvik Macchina da Caffè NK-120, Nero',
      description: null,
      language: 'it',
      origin: 'translation',
      at: later,
    };
    const after = withText(product({ texts: { de } }), 'it', translated, later);
    expect(after.texts).toEqual({ de, it: translated });
    expect(after.searchTokens).toEqual(expect.arrayContaining(['macchina', 'caffe', 'nero', 'kaffeemaschine']));
    expect(after.updatedAt).toBe(later);
  });
});
