// Matching against real MongoDB and Redis: a product found in Italy and read in French is paired
// with the French shop's page of the same item (and not with another item of its brand); an
// agent's merge moves the offer, the price history and the order lines, and the old product's
// address opens the merged one; a split gives everything back; decisions hold.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { listAudit } from '../backoffice';
import { productAdminDetail } from '../catalog-admin';
import { findProduct, replaceProductIfUnchanged, withText, type Product } from '../catalog';
import { placeShopperOrder } from '../checkout/checkout.fixture';
import type { MarketCode } from '../../common/markets';
import { findOrderById } from '../orders';
import { insertPricePoints, priceHistoryOf } from '../pricing';
import { openProductPage } from '../product-page';
import { scrapedListing, scrapeDeps, scrapeProducts } from '../scraping';
import { newId } from '../../common/ids';
import { findCandidate, pairId, startMerge } from './match.store';
import { confirmMatch, findTwins, matchesToReview, rejectMatch, splitProduct } from './matching.service';
import { mergeRecord } from './product-merge';

const base = useTestRuntime('matching');
const agent = { id: 'agent_matching', email: 'matching@example.com', role: 'supervisor' as const };

/** A shop's page without GTIN or part number: the product is known by its shop's id alone. */
async function shopProduct(market: MarketCode, title: string, priceCents: number, brand = 'Casaluce'): Promise<Product> {
  const sourceId = `${market}-${newId(6)}`;
  const site = `shop.example.${market}`;
  const listing = scrapedListing({
    market,
    site,
    sourceId,
    url: `https://${site}/p/${sourceId}`,
    gtin: null,
    brand,
    title,
    priceCents,
    category: 'Cucina',
  });
  const [product] = await scrapeProducts(scrapeDeps(base()), [listing]);
  return product!;
}

/** What the translator stores: the product's title in another market's language. */
async function translated(product: Product, market: MarketCode, title: string): Promise<Product> {
  const language = market;
  const updated = withText(product, market, { title, description: null, language, origin: 'translation', at: new Date() }, new Date());
  expect(await replaceProductIfUnchanged(base(), product, updated)).toBe(true);
  return updated;
}

/** One item's pages in Italy and France, the Italian one read in French as the translator writes it. */
const ITEMS = {
  fryer: ['Friggitrice ad Aria Casaluce 5,5 litri, timer digitale', 'Friteuse sans Huile Casaluce 5,5 litres, minuteur numérique'],
  coffee: ['Macchina da Caffè Casaluce 15 bar, montalatte', 'Machine à Café Casaluce 15 bar, mousseur à lait'],
  blender: ['Frullatore Casaluce 1200 W, 6 lame', 'Blender Casaluce 1200 W, 6 lames'],
  pans: ['Set di Pentole Casaluce 10 pezzi, induzione', 'Batterie de Cuisine Casaluce 10 pièces, induction'],
  toaster: ['Tostapane Casaluce 2 fette, scongelamento', 'Grille-pain Casaluce 2 tranches, décongélation'],
} as const;

async function twinPair(item: keyof typeof ITEMS) {
  const [italianTitle, frenchTitle] = ITEMS[item];
  const italian = await shopProduct('it', italianTitle, 8_999);
  const french = await shopProduct('fr', frenchTitle, 9_499);
  await translated(italian, 'fr', frenchTitle);
  return { italian, french };
}

describe('finding twins', () => {
  it('pairs a product read in French with the French page of the same item, not with another item of the brand', async () => {
    await shopProduct('fr', 'Bouilloire Électrique Casaluce 1,7 litres, arrêt automatique', 3_999);
    const { italian, french } = await twinPair('fryer');
    const found = await findTwins(base(), italian._id);
    expect(found).toEqual({ pairs: 1, merged: null });
    const pair = await findCandidate(base(), pairId(italian._id, french._id));
    expect(pair?.status).toBe('pending');
    expect(pair?.score).toBeGreaterThan(0.9);
    expect(pair?.reasons.join('; ')).toMatch(/titles share 100 % of their words \(read in fr\)/);

    const page = await matchesToReview(base());
    const shown = page.pending.find((m) => m.id === pair!._id);
    expect(shown?.products.map((p) => p.markets)).toEqual(expect.arrayContaining([['it'], ['fr']]));
  });

  it('never pairs products of different brands, or whose GTINs differ', async () => {
    const italian = await shopProduct('it', 'Bollitore Elettrico Nordvik 1,7 litri', 3_999, 'Nordvik');
    await shopProduct('fr', 'Bouilloire Électrique Altura 1,7 litres', 3_999, 'Altura');
    await translated(italian, 'fr', 'Bouilloire Électrique Nordvik 1,7 litres');
    expect(await findTwins(base(), italian._id)).toEqual({ pairs: 0, merged: null });
  });

  it('merges at once above the configured score, and only then', async () => {
    const { italian, french } = await twinPair('coffee');
    const strict = { ...base(), config: { ...base().config, MATCH_AUTO_MERGE_SCORE: 0.9 } };
    expect(await findTwins(strict, italian._id)).toEqual({ pairs: 1, merged: french._id });
    const kept = await findProduct(base(), italian._id);
    expect(Object.keys(kept!.offers).sort()).toEqual(['fr', 'it']);
    expect(await findProduct(base(), french._id)).toBeNull();
    expect(await findCandidate(base(), pairId(italian._id, french._id))).toMatchObject({ status: 'merged', decidedBy: 'system' });
  });
});

describe('merging and splitting', () => {
  it('moves the offer, price history and order lines to the kept product, and a split gives them back', async () => {
    const { italian, french } = await twinPair('blender');
    await findTwins(base(), italian._id);
    const candidateId = pairId(italian._id, french._id);
    const at = new Date(Date.now() - 3_600_000);
    await insertPricePoints(base(), [
      { _id: `pp_${newId(12)}`, productId: french._id, market: 'fr', price: { amountCents: 9_999, currency: 'EUR' }, shipping: null, at },
    ]);
    const order = await placeShopperOrder(base(), 'fr', [[french, 1]]);

    const merged = await confirmMatch(base(), { candidateId }, agent);
    expect(merged).toMatchObject({ ok: true, merge: { goneId: french._id, intoId: italian._id, state: 'merged' } });
    const kept = await findProduct(base(), italian._id);
    expect(kept?.offers.fr?.sourceId).toBe(french.offers.fr?.sourceId);
    expect(kept?.texts?.fr?.origin).toBe('page');
    expect(kept?.identities).toEqual(expect.arrayContaining([french._id, italian._id]));
    expect(await findProduct(base(), french._id)).toBeNull();
    // The scrape's first point and the one seeded here.
    expect((await priceHistoryOf(base(), italian._id, ['fr'])).map((p) => p.price.amountCents).sort()).toEqual([9_499, 9_999]);
    const line = (await findOrderById(base(), order._id))!.lines[0]!;
    expect(line).toMatchObject({ productId: italian._id, mergedFrom: french._id });
    // The French page's address, shared and indexed, opens the product it became.
    expect((await openProductPage(base(), french._id, 'fr'))?.product.id).toBe(italian._id);
    const audit = await listAudit(base(), { entityKind: 'product', entityId: italian._id, limit: 10 });
    expect(audit.map((e) => e.action)).toContain('product.merged');
    // The kept product's back-office page lists what was merged into it, for a split.
    expect((await productAdminDetail(base(), italian._id))?.merged).toMatchObject([{ goneId: french._id, state: 'merged' }]);

    expect(await confirmMatch(base(), { candidateId }, agent)).toMatchObject({ ok: false, kind: 'conflict' });

    const split = await splitProduct(base(), { productId: french._id }, agent);
    expect(split).toMatchObject({ ok: true, merge: { state: 'split' } });
    const restored = await findProduct(base(), french._id);
    expect(Object.keys(restored!.offers)).toEqual(['fr']);
    expect(Object.keys((await findProduct(base(), italian._id))!.offers)).toEqual(['it']);
    expect((await findProduct(base(), italian._id))!.identities).not.toContain(french._id);
    expect((await priceHistoryOf(base(), french._id, ['fr'])).map((p) => p.price.amountCents).sort()).toEqual([9_499, 9_999]);
    expect(await priceHistoryOf(base(), italian._id, ['fr'])).toEqual([]);
    const back = (await findOrderById(base(), order._id))!.lines[0]!;
    expect(back.productId).toBe(french._id);
    expect(back.mergedFrom).toBeUndefined();
    expect((await findCandidate(base(), candidateId))?.status).toBe('rejected');
    expect((await productAdminDetail(base(), italian._id))?.merged).toEqual([]);
    expect(await splitProduct(base(), { productId: french._id }, agent)).toMatchObject({ ok: false, kind: 'conflict' });

    // Found again later, the pair stays decided.
    await findTwins(base(), italian._id);
    expect((await findCandidate(base(), candidateId))?.status).toBe('rejected');
  });

  it('finishes a merge that stopped after its record, and writes nothing twice', async () => {
    const { italian, french } = await twinPair('pans');
    await findTwins(base(), italian._id);
    const candidateId = pairId(italian._id, french._id);
    await startMerge(base(), mergeRecord(italian, french, agent.email, candidateId, new Date()));
    expect(await confirmMatch(base(), { candidateId }, agent)).toMatchObject({ ok: true, merge: { state: 'merged' } });
    const kept = await findProduct(base(), italian._id);
    expect(kept?.identities?.filter((id) => id === french._id)).toHaveLength(1);
    const audit = await listAudit(base(), { entityKind: 'product', entityId: italian._id, limit: 10 });
    expect(audit.filter((e) => e.action === 'product.merged')).toHaveLength(1);
  });

  it('a rejected pair is two products, and says so to the next agent', async () => {
    const { italian, french } = await twinPair('toaster');
    await findTwins(base(), italian._id);
    const candidateId = pairId(italian._id, french._id);
    expect(await rejectMatch(base(), { candidateId }, agent)).toEqual({ ok: true });
    expect(await rejectMatch(base(), { candidateId }, agent)).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: expect.stringMatching(/already rejected/),
    });
    expect(await findProduct(base(), french._id)).not.toBeNull();
    expect((await matchesToReview(base())).pending.map((m) => m.id)).not.toContain(candidateId);
  });
});
