import { describe, expect, it } from 'vitest';
import type { MarketCode } from '../../common/markets';
import { testOffer } from '../catalog/offer.fixture';
import { lookupWords, matchBlocker, matchScore, otherLanguages, titleWords, type MatchProduct } from './match-score';

const at = new Date('2026-12-01T10:00:00Z');

/** A product found in `market` with its page's title, and translations of it into other markets. */
function product(
  id: string,
  market: MarketCode,
  title: string,
  options: { brand?: string; translations?: Partial<Record<MarketCode, string>>; identities?: string[]; priceCents?: number } = {},
): MatchProduct {
  const texts = Object.fromEntries([
    [market, { title, description: null, language: market, origin: 'page' as const, at }],
    ...Object.entries(options.translations ?? {}).map(([m, t]) => [
      m,
      { title: t, description: null, language: m, origin: 'translation' as const, at },
    ]),
  ]);
  return {
    _id: id,
    brand: options.brand ?? 'Casaluce',
    category: 'home-kitchen',
    title,
    texts,
    offers: { [market]: testOffer(options.priceCents ?? 8_999, 0) },
    identities: options.identities ?? [id],
  } as MatchProduct;
}

const italianFryer = product('src-it-1', 'it', 'Friggitrice ad Aria Casaluce 5,5 litri, timer digitale', {
  translations: { fr: 'Friteuse sans Huile Casaluce 5,5 litres, minuteur numérique' },
});
const frenchFryer = product('src-fr-1', 'fr', 'Friteuse sans Huile Casaluce 5,5 litres, minuteur numérique', { priceCents: 9_499 });

describe('matchScore', () => {
  it('scores a page beside the translation of its twin near 1, in the page’s language', () => {
    const found = matchScore(italianFryer, frenchFryer)!;
    expect(found.score).toBeGreaterThan(0.9);
    expect(found.reasons).toContain('titles share 100 % of their words (read in fr)');
  });

  it('scores another item of the brand low, and a colour variant below its twin', () => {
    const kettle = product('src-fr-2', 'fr', 'Bouilloire Électrique Casaluce 1,7 litres, arrêt automatique');
    expect(matchScore(italianFryer, kettle)?.score ?? 0).toBeLessThan(0.5);
    const black = product('src-it-3', 'it', 'Friggitrice Casaluce nera', { translations: { fr: 'Friteuse Casaluce noire' } });
    const white = product('src-fr-3', 'fr', 'Friteuse Casaluce blanche');
    const same = product('src-fr-4', 'fr', 'Friteuse Casaluce noire');
    expect(matchScore(black, white)!.score).toBeLessThan(matchScore(black, same)!.score);
  });

  it('compares nothing without a title of each in one language, and never two translations', () => {
    const untranslated = product('src-it-5', 'it', 'Friggitrice ad Aria Casaluce 5,5 litri');
    expect(matchScore(untranslated, frenchFryer)).toBeNull();
    const spanish = product('src-es-1', 'es', 'Freidora de Aire Casaluce 5,5 litros', {
      translations: { fr: 'Friteuse sans Huile Casaluce 5,5 litres, minuteur numérique' },
    });
    expect(matchScore(italianFryer, spanish)).toBeNull();
  });
});

describe('matchBlocker', () => {
  it('rules out other brands, other categories, a shared market and different one-item ids', () => {
    expect(matchBlocker(italianFryer, { ...frenchFryer, brand: 'CASALUCE' })).toBeNull();
    expect(matchBlocker(italianFryer, { ...frenchFryer, brand: 'Nordvik' })).toBe('brands differ');
    expect(matchBlocker(italianFryer, { ...frenchFryer, category: 'electronics' } as MatchProduct)).toBe('categories differ');
    expect(matchBlocker(italianFryer, { ...frenchFryer, offers: { ...frenchFryer.offers, it: testOffer(1, 0) } })).toBe(
      'both have an offer in it',
    );
    const withGtin = (p: MatchProduct, gtin: string) => ({ ...p, identities: [...(p.identities ?? []), gtin] });
    expect(matchBlocker(withGtin(italianFryer, 'gtin-1'), withGtin(frenchFryer, 'gtin-2'))).toBe('different GTIN');
    expect(matchBlocker(withGtin(italianFryer, 'gtin-1'), frenchFryer)).toBeNull();
  });
});

describe('looking twins up', () => {
  it('looks in the languages the product reads in but has no offer in, by the brand and its rarest words', () => {
    expect(otherLanguages(italianFryer)).toEqual(['fr']);
    const rarity = (word: string) => ({ friteuse: 3, minuteur: 1, numerique: 2 })[word] ?? 50;
    expect(lookupWords(italianFryer, 'fr', rarity)).toEqual([
      ['casaluce', 'minuteur'],
      ['casaluce', 'numerique'],
    ]);
  });
});

describe('titleWords', () => {
  it('leaves out the brand and makers’ codes, which one page shows and its twin may not', () => {
    expect([...titleWords('Orbita Batería Externa OZ-255, con cancelación de ruido, Azul', 'Orbita')]).toEqual([
      'bateria',
      'externa',
      'con',
      'cancelacion',
      'de',
      'ruido',
      'azul',
    ]);
    expect([...titleWords('Puzzle 1000 pezzi, resistenza IPX7', null)]).toEqual(['puzzle', '1000', 'pezzi', 'resistenza']);
  });
});
