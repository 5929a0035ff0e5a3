import { describe, expect, it } from 'vitest';
import { computeSellPrices, DEFAULT_MARGIN_RULES } from '../../pricing';
import { identityIds, makerPartKey, MAX_DESCRIPTION_CHARS, partNumberInTitle, planListing, productAfter, type ChangePlan } from './listing';
import { listingFixture } from '../extraction/listing.fixture';
import type { Listing } from '../extraction/listing.schema';

const RULES = DEFAULT_MARGIN_RULES;
const at = new Date('2026-11-25T10:00:00Z');

const listing = (overrides: Partial<Listing> = {}): Listing =>
  listingFixture({ imageUrl: null, category: null, seller: null, confidence: 0.9, sources: {}, ...overrides });

function change(l: Listing, now = at): ChangePlan {
  const plan = planListing(l, undefined, now);
  if (plan.kind !== 'insert' && plan.kind !== 'update') throw new Error(`expected a write, got ${plan.kind}`);
  return plan;
}

describe('planListing', () => {
  it('stores the taxonomy id the shop’s category text maps to, other when it maps to nothing', () => {
    expect(change(listing({ category: 'Küche, Haushalt & Wohnen' })).onInsert.category).toBe('home-kitchen');
    expect(change(listing({ category: 'Cuisine et Maison' })).onInsert.category).toBe('home-kitchen');
    expect(change(listing({ category: 'Angebote' })).onInsert.category).toBe('other');
    expect(change(listing({ category: null })).onInsert.category).toBe('other');
  });
});

describe('productAfter', () => {
  it('a new product is named by its first listing and priced by the margin rules in every market', () => {
    const it1 = change(listing());
    const fr1 = change(
      listing({ market: 'fr', site: 'amazon.fr', url: 'https://www.amazon.fr/dp/B000CMAGOK', title: 'Moka 6 tasses', priceCents: 2599 }),
    );
    const product = productAfter(undefined, [it1, fr1], RULES, at);
    expect(product).toMatchObject({ _id: 'gtin-08006363011440', title: 'Bialetti Moka Express 6 tazze', createdAt: at, updatedAt: at });
    expect(product.sellPrices).toEqual(computeSellPrices({ it: it1.offer, fr: fr1.offer }, RULES, at));
    expect(product.sellPrices.de?.sourceMarket).toBe('fr');
  });

  it('a change keeps the stored document and its other offers, and prices from all of them', () => {
    const stored = productAfter(
      undefined,
      [change(listing({ market: 'de', site: 'amazon.de', url: 'https://www.amazon.de/dp/B000CMAGOK', priceCents: 2299 }))],
      RULES,
      at,
    );
    const later = new Date('2026-11-25T12:00:00Z');
    const it1 = change(listing({ priceCents: 1999 }), later);
    const product = productAfter(stored, [it1], RULES, later);
    expect(product).toMatchObject({ title: stored.title, createdAt: at, updatedAt: later });
    expect(product.offers.de).toEqual(stored.offers.de);
    expect(product.sellPrices).toEqual(computeSellPrices({ de: stored.offers.de!, it: it1.offer }, RULES, later));
    expect(product.sellPrices.es?.sourceMarket).toBe('it');
  });

  it('keeps the photos of the listing that named the product, and gives a product found without one the first a later listing brings', () => {
    const photo = 'https://m.media-amazon.com/images/I/moka.jpg';
    const named = productAfter(undefined, [change(listing({ imageUrl: photo }))], RULES, at);
    expect(named.images).toEqual([photo]);
    const fr = listing({
      market: 'fr',
      site: 'amazon.fr',
      url: 'https://www.amazon.fr/dp/B000CMAGOK',
      imageUrl: 'https://m.media-amazon.com/images/I/moka-fr.jpg',
    });
    expect(productAfter(named, [change(fr)], RULES, at).images).toEqual([photo]);
    const bare = productAfter(undefined, [change(listing())], RULES, at);
    expect(bare.images).toEqual([]);
    expect(productAfter(bare, [change(fr)], RULES, at).images).toEqual(['https://m.media-amazon.com/images/I/moka-fr.jpg']);
  });
});

describe('a price history point', () => {
  it('is the same document however late a retried scrape plans the same change: same id, same time (the shard key)', () => {
    const stored = productAfter(undefined, [change(listing({ priceCents: 2499 }))], RULES, at);
    const point = (now: Date) => {
      const plan = planListing(listing({ priceCents: 1999 }), { offer: stored.offers.it, text: stored.texts?.it }, now);
      return plan.kind === 'update' ? plan.pricePoint : undefined;
    };
    const first = point(new Date('2026-11-25T12:00:00Z'));
    expect(first).toMatchObject({ market: 'it', price: { amountCents: 1999, currency: 'EUR' }, at: new Date(at.getTime() + 1) });
    expect(point(new Date('2026-11-25T12:05:00Z'))).toEqual(first);
  });
});

describe("a market's text from its page", () => {
  const text = (plan: ReturnType<typeof planListing>) => (plan.kind === 'insert' || plan.kind === 'update' ? plan.text : undefined);

  it("is the page's title and description, in the market's language", () => {
    const plan = planListing(
      listing({ market: 'de', site: 'amazon.de', title: 'Bialetti Espressokocher', description: 'Für 6 Tassen.' }),
      undefined,
      at,
    );
    expect(text(plan)).toEqual({ title: 'Bialetti Espressokocher', description: 'Für 6 Tassen.', language: 'de', origin: 'page', at });
  });

  it('is stored beside the other markets’ texts, and their words are searched', () => {
    const de = change(listing({ market: 'de', site: 'amazon.de', title: 'Bialetti Espressokocher' }));
    const it1 = change(listing());
    const product = productAfter(productAfter(undefined, [de], RULES, at), [it1], RULES, at);
    expect(product.texts).toEqual({ de: de.text, it: it1.text });
    expect(product.title).toBe('Bialetti Espressokocher');
    expect(product.searchTokens).toEqual(expect.arrayContaining(['espressokocher', 'moka', 'tazze', 'bialetti']));
  });

  it('an unchanged offer with an unchanged text writes nothing; a changed text, or a translation to replace, writes', () => {
    const first = change(listing());
    const stored = productAfter(undefined, [first], RULES, at);
    const later = new Date('2026-11-25T12:00:00Z');
    const existing = { offer: stored.offers.it, text: stored.texts?.it };
    expect(planListing(listing(), existing, later).kind).toBe('unchanged');

    const edited = planListing(listing({ description: 'Nuova descrizione.' }), existing, later);
    expect(edited.kind).toBe('update');
    expect(text(edited)).toMatchObject({ description: 'Nuova descrizione.', at: later });

    const translated = { ...first.text, origin: 'translation' as const };
    expect(text(planListing(listing(), { ...existing, text: translated }, later))).toMatchObject({ origin: 'page', at: later });
  });

  it('keeps the text date of a page read again when only the offer changed', () => {
    const first = change(listing());
    const later = new Date('2026-11-25T12:00:00Z');
    const plan = planListing(listing({ priceCents: 2599 }), { offer: first.offer, text: first.text }, later);
    expect(text(plan)).toBe(first.text);
  });

  it('cuts a description longer than a product page shows', () => {
    const long = `${'Parola '.repeat(400)}fine`;
    const description = text(planListing(listing({ description: long }), undefined, at))?.description ?? '';
    expect(description.length).toBeGreaterThan(MAX_DESCRIPTION_CHARS - 10);
    expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
    expect(long.startsWith(description)).toBe(true);
  });
});

describe('identityIds', () => {
  it('names a product by GTIN, then the ASIN of Amazon’s European stores, then brand and part number, then its shop’s id', () => {
    const withMarket = (overrides: Partial<Listing>) => ({ ...listingFixture(overrides), market: 'de' as const });
    const all = identityIds(withMarket({ site: 'amazon.de', sourceId: 'B00F3YVQ8A', brand: 'Rowenta', mpn: 'DW5080' }));
    expect(all.map((id) => id.replace(/-[0-9a-z]+$/, ''))).toEqual(['gtin', 'asin', 'mpn', 'src-de']);
    expect(all[1]).toBe('asin-b00f3yvq8a');
    const shop = identityIds(withMarket({ site: 'shop.example.de', sourceId: 'B00F3YVQ8A', gtin: null, brand: 'Rowenta', mpn: null }));
    expect(shop.map((id) => id.replace(/-[0-9a-z]+$/, ''))).toEqual(['src-de']);
    // Without the field, the part number the title shows: a French and a German title of one iron.
    const fr = identityIds(
      withMarket({
        site: 'shop.example.fr',
        gtin: null,
        brand: 'Rowenta',
        mpn: null,
        title: 'Fer à repasser Rowenta DW5080 Focus Excel, 2700 W',
      }),
    );
    const de = identityIds(
      withMarket({ site: 'shop.example.de', gtin: null, brand: 'ROWENTA', mpn: 'dw 5080', title: 'Rowenta Dampfbügeleisen' }),
    );
    expect(fr[0]).toMatch(/^mpn-/);
    expect(fr[0]).toBe(de[0]);
  });

  it('reads a part number from a title only when it shows exactly one code of letters and digits', () => {
    expect(partNumberInTitle('Sony WH-1000XM4 Kabellose Kopfhörer, schwarz', 'Sony')).toBe('WH-1000XM4');
    expect(partNumberInTitle('Philips HD9867/90 Airfryer XXL 2225W', 'Philips')).toBe('HD9867/90');
    expect(partNumberInTitle('Cafetière Vektor VA-2301, 1,5 l, 12 tasses', 'Vektor')).toBe('VA-2301');
    // Quantities, a brand with digits, a code too short to be a part number's.
    expect(partNumberInTitle('Samsung Galaxy S23 128GB 5G, 6.1 pouces', 'Samsung')).toBeNull();
    expect(partNumberInTitle('Bosch Akkuschrauber 18V, 2x 2.0Ah', 'Bosch')).toBeNull();
    expect(partNumberInTitle('Rasoio K2R5 Pro', 'K2R5')).toBeNull();
    expect(partNumberInTitle('Vektor VA-2301 Luftpumpe, 12-V-Anschluss', 'Vektor')).toBe('VA-2301');
    // Two codes: a cartridge and the printers it fits.
    expect(partNumberInTitle('Tonerkartusche TN-2420 für HL-L2350DW', 'Brother')).toBeNull();
    // One code spelt twice is one.
    expect(partNumberInTitle('Vektor VA-2301 (VA2301) Kaffeemaschine', 'Vektor')).toBe('VA-2301');
  });

  it('reads brand and part number alike however a shop writes them, and only a part number that can name one item', () => {
    expect(makerPartKey('Philips', 'HD9867/90')).toBe(makerPartKey('PHILIPS', 'hd 9867-90'));
    expect(makerPartKey('Ibéricos Peña', 'IP-75')).toBe('ibericospena|ip75');
    expect(makerPartKey(null, 'HD9867/90')).toBeNull();
    expect(makerPartKey('Philips', 'XL')).toBeNull();
    expect(makerPartKey('Philips', 'Premium')).toBeNull();
  });
});
