// What the three machine-readable descriptions of a product share: schema.org's vocabulary
// (JSON-LD and microdata carry the same one; OpenGraph borrows its words), read into a Candidate.
// Shops get it wrong in familiar ways (a list of offers for variants, an AggregateOffer with only
// lowPrice, a display price in a machine field), and these readers accept those. Pure: works on
// parsed values. The readers are json-ld.ts, microdata.ts and opengraph.ts.
import type { CheerioAPI } from 'cheerio';
import type { Availability } from '../../catalog';
import { availabilityFromSchemaOrg, fold } from './availability';
import { validGtin } from './gtin';
import { absoluteUrl, collapse, decodeEntities, textOf } from './html-text';
import type { Candidate } from './listing-merge';
import type { ListingVariant } from './listing.schema';
import { normalizeCurrency, parseAmount } from './price-parse';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** `Product`, `["Product"]`, `http://schema.org/Product`, `schema:product`: lowercase local names. */
export function typesOf(node: Json): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = collapse(decodeEntities(value));
  return text === '' ? undefined : text;
}

/** `"Acme"`, `{ "name": "Acme" }`, `[{ … }]`: the first name found. */
export function nameOf(value: unknown): string | undefined {
  for (const item of asArray(value)) {
    const text = isObject(item) ? str(item['name']) : str(item);
    if (text) return text;
  }
  return undefined;
}

export function imageOf(value: unknown, base: string): string | undefined {
  for (const item of asArray(value)) {
    const href = isObject(item) ? (str(item['url']) ?? str(item['contentUrl'])) : str(item);
    const url = absoluteUrl(href, base);
    if (url) return url;
  }
  return undefined;
}

/** What tells the page's own product from others it shows: its URL and its headline. */
export interface PageIdentity {
  readonly urls: readonly string[];
  readonly headline: string | undefined;
}

const sameUrl = (a: string, b: string) => a.replace(/[?#].*$/, '').replace(/\/+$/, '') === b.replace(/[?#].*$/, '').replace(/\/+$/, '');

/**
 * The page's product among several: the one at the page's URL, else the one named like the
 * headline, else the only one. Several distinct products and none of them the page's make a
 * listing (a category or search page), which sells no product of its own: 'listing'.
 */
export function mainProduct(nodes: readonly Json[], identity: PageIdentity, base: string): Json | 'listing' | undefined {
  if (nodes.length <= 1) return nodes[0];
  const byUrl = nodes.find((n) => {
    const url = absoluteUrl(str(n['url']) ?? str(n['@id']), base);
    return url !== undefined && identity.urls.some((u) => sameUrl(u, url));
  });
  if (byUrl) return byUrl;
  const headline = identity.headline ? fold(identity.headline) : undefined;
  const byName = headline ? nodes.find((n) => str(n['name']) !== undefined && fold(str(n['name'])!) === headline) : undefined;
  if (byName) return byName;
  const names = new Set(nodes.map((n) => str(n['name']) ?? str(n['sku']) ?? ''));
  return names.size > 1 ? 'listing' : nodes[0];
}

interface OfferFacts {
  priceCents?: number;
  listPriceCents?: number;
  currency?: string;
  availability?: Availability;
  seller?: string;
  shippingCents?: number;
  url?: string;
  sku?: string;
  gtin?: string;
  condition: 'new' | 'used' | 'unknown';
}

function offerFacts(offer: Json, base: string): OfferFacts {
  const currency = normalizeCurrency(offer['priceCurrency']);
  const specs = asArray(offer['priceSpecification']).filter(isObject);
  const isListSpec = (s: Json) => /ListPrice|StrikethroughPrice|MSRP|SRP/i.test(String(s['priceType'] ?? ''));
  const saleSpec = specs.find((s) => !isListSpec(s));
  const listSpec = specs.find(isListSpec);
  const specCurrency = normalizeCurrency(saleSpec?.['priceCurrency'] ?? listSpec?.['priceCurrency']);
  const cur = currency ?? specCurrency ?? 'EUR';
  const amount = (value: unknown) => {
    const parsed = parseAmount(value, cur);
    return parsed.ok ? parsed.amountCents : undefined;
  };
  const priceCents = amount(offer['price']) ?? amount(offer['lowPrice']) ?? amount(saleSpec?.['price']);
  const shipping = asArray(offer['shippingDetails']).filter(isObject)[0];
  const rate = shipping ? asArray(shipping['shippingRate']).filter(isObject)[0] : undefined;
  const condition = String(offer['itemCondition'] ?? '');
  return {
    priceCents,
    listPriceCents: amount(listSpec?.['price']),
    currency: priceCents !== undefined ? cur : currency,
    availability: availabilityFromSchemaOrg(offer['availability']),
    seller: nameOf(offer['seller']) ?? nameOf(offer['offeredBy']),
    shippingCents: rate ? amount(rate['value'] ?? rate['price']) : undefined,
    url: absoluteUrl(str(offer['url']), base),
    sku: str(offer['sku']),
    gtin: gtinOf(offer),
    condition: /Used|Refurbished|Damaged/i.test(condition) ? 'used' : /New/i.test(condition) ? 'new' : 'unknown',
  };
}

/** ISBN-10 → the ISBN-13 (a GTIN-13) of the same book: 978, the nine digits, a new check digit. */
function isbn10AsGtin(value: string): string | undefined {
  const isbn = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d{9}[\dX]$/.test(isbn)) return undefined;
  const body = `978${isbn.slice(0, 9)}`;
  for (let check = 0; check <= 9; check++) {
    const gtin = validGtin(`${body}${check}`);
    if (gtin) return gtin;
  }
  return undefined;
}

/**
 * A GTIN written any way shops write it: digits with spaces or hyphens, `gtin13:…`, a GS1
 * Digital Link (`https://id.gs1.org/01/04006381333931`), a JSON number that lost its leading
 * zero (a UPC-A read as 11 digits), an ISBN-10.
 */
export function gtinFrom(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : str(value);
  if (!text) return undefined;
  const digitalLink = /\/01\/(\d{14})(?:\/|$|\?)/.exec(text)?.[1];
  if (digitalLink) return validGtin(digitalLink);
  const bare = text.replace(/^[a-z0-9]*:(?!\/\/)/i, '');
  const gtin =
    validGtin(bare) ?? (typeof value === 'number' ? [8, 12, 13, 14].map((n) => validGtin(bare.padStart(n, '0'))).find(Boolean) : undefined);
  return gtin ?? isbn10AsGtin(bare);
}

function gtinOf(node: Json): string | undefined {
  for (const key of ['gtin13', 'gtin', 'gtin14', 'gtin12', 'gtin8', 'ean', 'isbn']) {
    const gtin = gtinFrom(node[key]);
    if (gtin) return gtin;
  }
  return undefined;
}

function offersOf(node: Json, base: string): OfferFacts[] {
  const facts: OfferFacts[] = [];
  for (const offer of asArray(node['offers']).filter(isObject)) {
    // An AggregateOffer may list its offers, which carry what it leaves out (availability, GTIN);
    // its lowPrice, the cheapest of them, stands in when they have no price.
    const inner = typesOf(offer).includes('aggregateoffer')
      ? asArray(offer['offers'])
          .filter(isObject)
          .map((o) => offerFacts(o, base))
      : [];
    const aggregate = offerFacts(offer, base);
    if (inner.some((o) => o.priceCents !== undefined))
      facts.push(...inner.map((o) => ({ ...o, availability: o.availability ?? aggregate.availability })));
    else
      facts.push({
        ...aggregate,
        gtin: aggregate.gtin ?? inner.find((o) => o.gtin)?.gtin,
        availability: aggregate.availability ?? inner.find((o) => o.availability)?.availability,
      });
  }
  return facts;
}

/** The offer the page sells: new rather than used, the page's own URL or SKU, else the first. */
function mainOffer(offers: readonly OfferFacts[], pageUrl: string, sku: string | undefined): OfferFacts | undefined {
  const priced = offers.filter((o) => o.priceCents !== undefined);
  const pool = priced.filter((o) => o.condition !== 'used');
  const candidates = pool.length > 0 ? pool : priced;
  return (
    candidates.find((o) => o.url !== undefined && o.url === pageUrl) ??
    candidates.find((o) => sku !== undefined && o.sku === sku) ??
    candidates[0] ??
    offers[0]
  );
}

/**
 * Offers at one price that differ only by size (how Zalando and other fashion shops list
 * them): the product can be bought while any size is in stock, whichever comes first.
 */
function sizesAvailability(offers: readonly OfferFacts[], main: OfferFacts | undefined): Availability | undefined {
  if (!main || offers.length < 2 || offers.some((o) => o.priceCents !== main.priceCents)) return undefined;
  return offers.some((o) => o.availability === 'in_stock') ? 'in_stock' : undefined;
}

export function productCandidate(node: Json, base: string): Candidate {
  const sku = str(node['sku']) ?? str(node['productID'])?.replace(/^\w+:/, '');
  const offers = offersOf(node, base);
  const offer = mainOffer(offers, base, sku);
  // Several new offers at different prices with their own SKUs are variants (how Shopify themes
  // emit a product with sizes or colours); new and used of one item are not.
  const newOffers = offers.filter((o) => o.condition !== 'used' && o.priceCents !== undefined);
  const variants: ListingVariant[] =
    newOffers.length > 1 && new Set(newOffers.map((o) => o.sku ?? o.url)).size > 1
      ? newOffers.map((o) => ({
          sourceId: o.sku ?? null,
          name: null,
          gtin: o.gtin ?? null,
          priceCents: o.priceCents!,
          availability: o.availability ?? 'unknown',
        }))
      : [];
  return {
    title: str(node['name']),
    description: str(node['description']),
    brand: nameOf(node['brand']) ?? nameOf(node['manufacturer']),
    gtin: gtinOf(node) ?? offer?.gtin,
    mpn: str(node['mpn']),
    sourceId: sku ?? offer?.sku,
    url: absoluteUrl(str(node['url']), base) ?? offer?.url,
    priceCents: offer?.priceCents,
    listPriceCents: offer?.listPriceCents,
    currency: offer?.currency,
    availability: sizesAvailability(newOffers, offer) ?? offer?.availability,
    shippingCents: offer?.shippingCents,
    imageUrl: imageOf(node['image'], base),
    category: nameOf(node['category'])
      ?.split(/\s*[>/|›]\s*/)
      .pop(),
    seller: offer?.seller,
    variants,
  };
}

/** The page's URLs (fetched, canonical, og:url) and its headline. */
export function pageIdentity($: CheerioAPI, pageUrl: string): PageIdentity {
  const urls = [
    pageUrl,
    absoluteUrl($('link[rel="canonical"]').attr('href'), pageUrl),
    absoluteUrl($('meta[property="og:url"]').attr('content'), pageUrl),
  ];
  return { urls: urls.filter((u): u is string => u !== undefined), headline: textOf($, $('h1').first()[0]) || undefined };
}
