import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract';
import { decodeHtml } from './html-decode';
import type { Listing } from './listing.schema';

/** Fixtures imitate the markup of real European shops (written for these tests, not copied). */
function extractFixture(name: string, url: string, market: Listing['market'] = null) {
  const html = decodeHtml(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  return extractPage({ html, url, market });
}

function listingOf(result: ReturnType<typeof extractPage>): Listing {
  if (result.kind !== 'listing') throw new Error(`expected a listing, got ${JSON.stringify(result)}`);
  return result.listing;
}

describe('extractPage on Amazon layouts', () => {
  it('amazon.it current layout: offscreen price, list price, free delivery, ASIN, brand from the table', () => {
    const listing = listingOf(extractFixture('amazon-it-current.html', 'https://www.amazon.it/dp/B000CMAGOK?th=1', 'it'));
    expect(listing).toMatchObject({
      market: 'it',
      site: 'amazon.it',
      sourceId: 'B000CMAGOK',
      url: 'https://www.amazon.it/Bialetti-Moka-Express-Caffettiera-Alluminio/dp/B000CMAGOK',
      title: 'Bialetti Moka Express, Caffettiera 6 Tazze, Alluminio, Argento',
      brand: 'Bialetti',
      priceCents: 129995,
      listPriceCents: 166900,
      currency: 'EUR',
      availability: 'in_stock',
      shippingCents: 0,
      seller: 'Amazon',
      category: 'Caffettiere',
      imageUrl: 'https://m.media-amazon.com/images/I/71i0NbtG3WL._AC_SL1500_.jpg',
    });
    expect(listing.sources.price).toEqual(['amazon', 'text']);
    expect(listing.confidence).toBeGreaterThan(0.8);
  });

  it('amazon.de with an empty offscreen span: price from the whole and fraction spans; EAN from the detail bullets', () => {
    const listing = listingOf(extractFixture('amazon-de-current.html', 'https://www.amazon.de/dp/B0C5RXQ4R1', 'de'));
    expect(listing).toMatchObject({
      priceCents: 27999,
      listPriceCents: 42999,
      gtin: '4210201428473',
      brand: 'Braun',
      availability: 'in_stock',
      seller: 'Amazon',
      shippingCents: 0,
    });
  });

  it('amazon.fr with narrow no-break spaces and a paid delivery', () => {
    const listing = listingOf(extractFixture('amazon-fr-current.html', 'https://www.amazon.fr/dp/B00400OMU0', 'fr'));
    expect(listing).toMatchObject({
      priceCents: 104999,
      shippingCents: 699,
      availability: 'in_stock',
      seller: 'Cafés & Co',
      brand: "De'Longhi",
    });
  });

  it('amazon.fr unavailable: no price at all, out of stock', () => {
    const listing = listingOf(extractFixture('amazon-fr-unavailable.html', 'https://www.amazon.fr/dp/B0813RXX1B', 'fr'));
    expect(listing).toMatchObject({ sourceId: 'B0813RXX1B', priceCents: null, availability: 'out_of_stock', brand: 'LEGO' });
    expect(listing.confidence).toBeLessThan(0.6);
  });

  it('amazon.es older layout: priceblock, EUR code, shipping line, seller sentence', () => {
    const listing = listingOf(extractFixture('amazon-es-legacy.html', 'https://www.amazon.es/dp/B07SNRG7QH', 'es'));
    expect(listing).toMatchObject({
      sourceId: 'B07SNRG7QH',
      priceCents: 4490,
      listPriceCents: 5999,
      shippingCents: 499,
      gtin: '8718699673147',
      brand: 'Philips Hue',
      seller: 'Iluminación Sánchez',
      availability: 'in_stock',
      url: 'https://www.amazon.es/dp/B07SNRG7QH',
    });
  });
});

describe('extractPage on other shops', () => {
  it('Shopify-like JSON-LD with variants as offers: the first variant’s price, the others as variants', () => {
    const listing = listingOf(
      extractFixture('shopify-it-jsonld.html', 'https://montagnastore.it/products/zaino-trekking-alpina-40l', 'it'),
    );
    expect(listing).toMatchObject({
      sourceId: 'ALP-40-BLU',
      gtin: '8033772051248',
      priceCents: 7900,
      listPriceCents: 9900,
      availability: 'in_stock',
      brand: 'Alpina Outdoor',
    });
    expect(listing.variants.map((v) => [v.sourceId, v.priceCents, v.availability])).toEqual([
      ['ALP-40-BLU', 7900, 'in_stock'],
      ['ALP-40-ROS', 8400, 'out_of_stock'],
    ]);
    // JSON-LD, OpenGraph (79,00 in a machine field) and the visible `€ 79,00` agree.
    expect(listing.sources.price).toEqual(['json-ld', 'opengraph', 'text']);
  });

  it('microdata shop (Shopware-like): price from the content attribute, breadcrumb category', () => {
    const listing = listingOf(
      extractFixture('microdata-de-shop.html', 'https://www.kaffeewelt.de/siebtraegermaschine-barista-pro/SW10023', 'de'),
    );
    expect(listing).toMatchObject({
      sourceId: 'SW10023',
      gtin: '9312432039109',
      priceCents: 129995,
      brand: 'Sage',
      availability: 'in_stock',
      category: 'Siebträgermaschinen',
    });
    expect(listing.imageUrl).toBe('https://www.kaffeewelt.de/media/a4/9f/barista-pro.jpg');
  });

  it('OpenGraph-only shop: product tags, confirmed by the visible Spanish price', () => {
    const listing = listingOf(
      extractFixture('opengraph-es-shop.html', 'https://www.hogarymas.es/freidora-aire-crisp-55?utm_source=x', 'es'),
    );
    expect(listing).toMatchObject({
      sourceId: 'HM-88231',
      priceCents: 129995,
      brand: 'Cecotec',
      availability: 'in_stock',
      url: 'https://www.hogarymas.es/freidora-aire-crisp-55',
    });
    expect(listing.sources.price).toEqual(['opengraph', 'text']);
  });

  it('French page without structured data, narrow no-break spaces everywhere: visible-text heuristics', () => {
    const listing = listingOf(
      extractFixture('text-only-fr-nnbsp.html', 'https://www.maison-dupont.fr/robot-patissier-chef-titanium', 'fr'),
    );
    expect(listing).toMatchObject({
      title: 'Robot pâtissier Chef Titanium 1500 W',
      priceCents: 129995,
      listPriceCents: 149900,
      shippingCents: 990,
      gtin: '5011423198620',
      brand: 'Kenwood',
      availability: 'in_stock',
      seller: 'Maison Dupont',
    });
    expect(listing.sources.price).toEqual(['text']);
    expect(listing.confidence).toBeLessThan(0.7);
  });

  it('page in ISO-8859-1 (windows-1252 bytes) declared by a meta tag: umlauts, € and `29,-`', () => {
    const listing = listingOf(extractFixture('windows-1252-de-shop.html', 'http://www.mueller-haushalt.de/artikel/HKM-2041.html', 'de'));
    expect(listing).toMatchObject({
      title: 'Handkaffeemühle "Bäuerin" Größe M, Buche natur',
      priceCents: 2900,
      gtin: '4006592532000',
      sourceId: 'HKM-2041',
      brand: 'Zassenhaus',
      availability: 'in_stock',
    });
  });

  it('a category page is no product; block pages are blocked, never listings', () => {
    expect(extractFixture('category-it-no-product.html', 'https://casashop.it/c/caffettiere').kind).toBe('no_product');
    expect(extractFixture('amazon-captcha.html', 'https://www.amazon.de/dp/B0C5RXQ4R1')).toEqual({ kind: 'blocked', reason: 'captcha' });
    expect(extractFixture('cloudflare-challenge.html', 'https://www.example-shop.fr/p/1')).toEqual({
      kind: 'blocked',
      reason: 'challenge',
    });
  });

  it('lowers the confidence when sources disagree on the price', () => {
    const html = readFileSync(new URL('./fixtures/opengraph-es-shop.html', import.meta.url), 'utf8');
    const agreeing = listingOf(extractPage({ html, url: 'https://www.hogarymas.es/x' }));
    const disagreeing = listingOf(extractPage({ html: html.replace('1299,95', '1199,95'), url: 'https://www.hogarymas.es/x' }));
    expect(disagreeing.priceCents).toBe(129995);
    expect(disagreeing.confidence).toBeLessThan(agreeing.confidence - 0.1);
  });
});

describe('the maker’s part number', () => {
  it('is read from JSON-LD’s mpn and from a part-number row, without its label', () => {
    const jsonLd = `<html><head><script type="application/ld+json">{"@type":"Product","name":"Airfryer XXL","brand":"Philips","mpn":"HD9867/90","offers":{"@type":"Offer","price":"199.99","priceCurrency":"EUR"}}</script></head><body><h1>Airfryer XXL</h1></body></html>`;
    expect(listingOf(extractPage({ html: jsonLd, url: 'https://shop.example.de/p/1', market: 'de' })).mpn).toBe('HD9867/90');
    const table = `<html><body><h1>Airfryer XXL</h1><p class="price">199,99 €</p><button>In den Warenkorb</button><table><tr><th>Marke</th><td>Philips</td></tr><tr><th>Herstellernummer</th><td>HD9867/90</td></tr><tr><th>Art.-Nr.</th><td>4411</td></tr></table></body></html>`;
    expect(listingOf(extractPage({ html: table, url: 'https://shop.example.de/p/1', market: 'de' }))).toMatchObject({
      mpn: 'HD9867/90',
      brand: 'Philips',
    });
  });
});
