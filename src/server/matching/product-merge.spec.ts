import { describe, expect, it } from 'vitest';
import type { Product } from '../catalog';
import { testOffer } from '../catalog/offer.fixture';
import { DEFAULT_MARGIN_RULES } from '../pricing';
import { holdsMerge, keeperOf, mergedProduct, mergeRecord, splitProducts } from './product-merge';

const at = new Date('2026-12-01T10:00:00Z');
const now = new Date('2026-12-02T10:00:00Z');

function product(id: string, market: 'it' | 'fr', title: string, createdAt = at): Product {
  return {
    _id: id,
    slug: 'friggitrice',
    gtin: null,
    title,
    texts: { [market]: { title, description: null, language: market, origin: 'page', at } },
    brand: 'Casaluce',
    category: 'home-kitchen',
    images: [],
    attributes: {},
    searchTokens: [],
    identities: [id],
    offers: { [market]: testOffer(market === 'it' ? 8_999 : 9_499, 0) },
    sellPrices: {},
    createdAt,
    updatedAt: createdAt,
  } as Product;
}

const italian = product('src-it-1', 'it', 'Friggitrice ad Aria Casaluce');
const french = product('src-fr-1', 'fr', 'Friteuse sans Huile Casaluce', new Date('2026-12-01T11:00:00Z'));

describe('keeperOf', () => {
  it('keeps the product named by the more trusted id, else the older', () => {
    expect(keeperOf(italian, french).keep._id).toBe('src-it-1');
    const gtin = { ...french, _id: 'gtin-04006592532000' };
    expect(keeperOf(italian, gtin).keep._id).toBe('gtin-04006592532000');
  });
});

describe('merge and split', () => {
  it('gives the kept product both markets, and a split gives each its own back with the offers as refreshed since', () => {
    const withTranslation = { ...italian, texts: { ...italian.texts, fr: { ...french.texts!.fr!, origin: 'translation' as const } } };
    const merged = mergedProduct(withTranslation, french, DEFAULT_MARGIN_RULES, now);
    expect(Object.keys(merged.offers).sort()).toEqual(['fr', 'it']);
    expect(merged.texts?.fr?.origin).toBe('page');
    expect(merged.identities).toEqual(['src-it-1', 'src-fr-1']);
    expect(merged.searchTokens).toEqual(expect.arrayContaining(['friggitrice', 'friteuse']));
    expect(Object.keys(merged.sellPrices).length).toBeGreaterThan(0);
    expect(holdsMerge(merged, french)).toBe(true);

    const record = mergeRecord(withTranslation, french, 'anna@example.com', null, now);
    const refreshed = { ...merged, offers: { ...merged.offers, fr: testOffer(8_499, 0) } };
    const { kept, restored } = splitProducts(refreshed, record, DEFAULT_MARGIN_RULES, now);
    expect(Object.keys(kept.offers)).toEqual(['it']);
    expect(kept.identities).toEqual(['src-it-1']);
    expect(kept.texts?.fr?.origin).toBe('translation');
    expect(holdsMerge(kept, french)).toBe(false);
    expect(restored._id).toBe('src-fr-1');
    expect(restored.offers.fr?.price.amountCents).toBe(8_499);
    expect(restored.identities).toEqual(['src-fr-1']);
  });

  it('keeps a sales stop of either side in force', () => {
    const stopped = { ...french, salesStop: { reason: 'recall', agentId: 'agent_1', at } };
    expect(mergedProduct(italian, stopped, DEFAULT_MARGIN_RULES, now).salesStop?.reason).toBe('recall');
  });
});
