// The machine-readable descriptions shops put in their pages: schema.org JSON-LD, schema.org
// microdata and OpenGraph product tags, each read into a Candidate. Shops get these wrong in
// familiar ways (a list of offers for variants, an AggregateOffer with only lowPrice, a display
// price in a machine field, a trailing comma in JSON), and the readers accept those.
// Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Availability } from '../catalog';
import { availabilityFromSchemaOrg, fold } from './availability';
import { validGtin } from './gtin';
import { absoluteUrl, collapse, decodeEntities, textOf } from './html-text';
import type { Candidate } from './listing-merge';
import type { ListingVariant } from './listing.schema';
import { normalizeCurrency, parseAmount } from './price-parse';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** `Product`, `["Product"]`, `http://schema.org/Product`, `schema:product`: lowercase local names. */
function typesOf(node: Json): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = collapse(decodeEntities(value));
  return text === '' ? undefined : text;
}

/** `"Acme"`, `{ "name": "Acme" }`, `[{ … }]`: the first name found. */
function nameOf(value: unknown): string | undefined {
  for (const item of asArray(value)) {
    const text = isObject(item) ? str(item['name']) : str(item);
    if (text) return text;
  }
  return undefined;
}

function imageOf(value: unknown, base: string): string | undefined {
  for (const item of asArray(value)) {
    const href = isObject(item) ? (str(item['url']) ?? str(item['contentUrl'])) : str(item);
    const url = absoluteUrl(href, base);
    if (url) return url;
  }
  return undefined;
}

// ---------------------------------------------------------------- JSON-LD

/**
 * Parses a script block, forgiving the slips shops make: an HTML comment or CDATA around it,
 * trailing commas, raw newlines and tabs inside strings, the whole block entity-escaped
 * (`&quot;`), several objects one after the other without the array around them.
 */
export function parseJsonLd(text: string): unknown {
  const attempt = (candidate: string): unknown => {
    try {
      return JSON.parse(candidate);
    } catch {
      return undefined;
    }
  };
  const direct = attempt(text);
  if (direct !== undefined) return direct;
  let cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*;?\s*$/, '')
    .replace(/,\s*([}\]])/g, '$1')
    // eslint-disable-next-line no-control-regex -- raw control characters are what JSON refuses inside strings
    .replace(/[\u0000-\u001f]+/g, ' ')
    .trim();
  if (/^\{\s*&quot;/.test(cleaned)) cleaned = decodeEntities(cleaned);
  return attempt(cleaned) ?? attempt(`[${cleaned.replace(/}\s*,?\s*{(?=\s*")/g, '},{')}]`);
}

const PRODUCT_TYPES = new Set(['product', 'productgroup', 'individualproduct', 'productmodel', 'book', 'vehicle', 'car', 'someproducts']);
/** Products a page mentions that are not the one it sells. */
const SKIPPED_KEYS = new Set([
  'isRelatedTo',
  'isSimilarTo',
  'isAccessoryOrSparePartFor',
  'isConsumableFor',
  'hasVariant',
  'itemListElement',
  'review',
  'isVariantOf',
]);

/** Every product node of the page, shallowest first, leaving out the ones merely mentioned (related, reviewed). */
function findProductNodes(roots: readonly unknown[]): Json[] {
  const found: Json[] = [];
  let queue: unknown[] = [...roots];
  for (let depth = 0; depth < 6 && queue.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of queue) {
      if (Array.isArray(item)) {
        next.push(...item);
        continue;
      }
      if (!isObject(item)) continue;
      if (typesOf(item).some((t) => PRODUCT_TYPES.has(t))) {
        found.push(item);
        continue;
      }
      for (const [key, value] of Object.entries(item)) if (!SKIPPED_KEYS.has(key) && typeof value === 'object') next.push(value);
    }
    queue = next;
  }
  return found;
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
function mainProduct(nodes: readonly Json[], identity: PageIdentity, base: string): Json | 'listing' | undefined {
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

function breadcrumbCategory(roots: readonly unknown[]): string | undefined {
  const lists: Json[] = [];
  const walk = (item: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(item)) item.forEach((i) => walk(i, depth + 1));
    else if (isObject(item)) {
      if (typesOf(item).includes('breadcrumblist')) lists.push(item);
      else for (const value of Object.values(item)) if (typeof value === 'object') walk(value, depth + 1);
    }
  };
  roots.forEach((r) => walk(r, 0));
  const items = asArray(lists[0]?.['itemListElement']).filter(isObject);
  items.sort((a, b) => Number(a['position'] ?? 0) - Number(b['position'] ?? 0));
  // The last crumb is often the product itself; the one before it is its category.
  const names = items
    .map((i) => str(i['name']) ?? (isObject(i['item']) ? str(i['item']['name']) : undefined))
    .filter((n): n is string => !!n);
  return names.length >= 2 ? names[names.length - 1] : undefined;
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

function productCandidate(node: Json, base: string): Candidate {
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

/** The JSON-LD Product of the page; undefined when the page has none, 'listing' when it lists several. */
export function jsonLdCandidate($: CheerioAPI, pageUrl: string, identity: PageIdentity): Candidate | 'listing' | undefined {
  const roots = $('script[type="application/ld+json"], script[type="application/ld+json; charset=utf-8"]')
    .toArray()
    .map((el) => parseJsonLd($(el).text()))
    .filter((v) => v !== undefined);
  if (roots.length === 0) return undefined;
  const node = mainProduct(findProductNodes(roots), identity, pageUrl);
  if (node === undefined || node === 'listing') return node;
  const candidate = productCandidate(node, pageUrl);
  candidate.category ??= breadcrumbCategory(roots);
  if (!typesOf(node).includes('productgroup')) return candidate;

  // A ProductGroup sells its variants: the one whose SKU is the group's id is this page's.
  const variantNodes = asArray(node['hasVariant']).filter(isObject);
  const variants = variantNodes.map((v) => productCandidate(v, pageUrl));
  const groupId = str(node['productGroupID']) ?? candidate.sourceId;
  const main = variants.find((v) => v.sourceId !== undefined && v.sourceId === groupId) ?? variants.find((v) => v.priceCents !== undefined);
  if (!main) return candidate;
  return {
    ...candidate,
    title: candidate.title ?? main.title,
    description: candidate.description ?? main.description,
    brand: candidate.brand ?? main.brand,
    gtin: main.gtin ?? candidate.gtin,
    sourceId: main.sourceId ?? groupId,
    url: candidate.url ?? main.url,
    priceCents: main.priceCents,
    listPriceCents: main.listPriceCents,
    currency: main.currency,
    availability: main.availability,
    shippingCents: main.shippingCents,
    imageUrl: candidate.imageUrl ?? main.imageUrl,
    seller: main.seller,
    variants: variants
      .filter((v) => v.priceCents !== undefined)
      .map((v) => ({
        sourceId: v.sourceId ?? null,
        name: v.title ?? null,
        gtin: v.gtin ?? null,
        priceCents: v.priceCents!,
        availability: v.availability ?? 'unknown',
      })),
  };
}

// ---------------------------------------------------------------- microdata

type ItemValue = string | MicroItem;
interface MicroItem {
  readonly type: string;
  readonly props: Map<string, ItemValue[]>;
}

function itemValue($: CheerioAPI, el: Element, base: string): ItemValue {
  const node = $(el);
  if (node.attr('itemscope') !== undefined) return readItem($, el, base);
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return node.attr('content') ?? '';
  if (['link', 'a', 'area'].includes(tag)) return absoluteUrl(node.attr('href'), base) ?? node.attr('href') ?? '';
  if (['img', 'source', 'video', 'audio', 'iframe'].includes(tag)) return absoluteUrl(node.attr('src'), base) ?? '';
  if (['data', 'meter'].includes(tag)) return node.attr('value') ?? '';
  if (tag === 'time') return node.attr('datetime') ?? textOf($, el);
  return node.attr('content') ?? textOf($, el);
}

function readItem($: CheerioAPI, scope: Element, base: string): MicroItem {
  const props = new Map<string, ItemValue[]>();
  $(scope)
    .find('[itemprop]')
    .each((_, el) => {
      // A property belongs to the nearest enclosing item only.
      if ($(el).parent().closest('[itemscope]')[0] !== scope) return;
      const value = itemValue($, el, base);
      for (const name of ($(el).attr('itemprop') ?? '').split(/\s+/).filter(Boolean)) props.set(name, [...(props.get(name) ?? []), value]);
    });
  // `itemtype` may list several types; the first names the item.
  return {
    type: ($(scope).attr('itemtype') ?? '')
      .trim()
      .split(/\s+/)[0]!
      .replace(/^.*[/#]/, ''),
    props,
  };
}

function toJson(item: MicroItem): Json {
  const json: Json = { '@type': item.type };
  for (const [name, values] of item.props) {
    const converted = values.map((v) => (typeof v === 'string' ? v : toJson(v)));
    json[name] = converted.length === 1 ? converted[0] : converted;
  }
  return json;
}

/** Product item types: schema.org's (http or https) and Google's retired data-vocabulary.org. */
const MICRODATA_PRODUCT =
  '[itemscope][itemtype*="schema.org/Product" i], [itemscope][itemtype*="schema.org/IndividualProduct" i], [itemscope][itemtype*="data-vocabulary.org/Product" i]';

/** The microdata Product of the page, read as if it were JSON-LD (the vocabulary is the same); 'listing' when it lists several. */
export function microdataCandidate($: CheerioAPI, pageUrl: string, identity: PageIdentity): Candidate | 'listing' | undefined {
  const scopes = $(MICRODATA_PRODUCT)
    .toArray()
    .filter((el) => $(el).parent().closest(MICRODATA_PRODUCT).length === 0);
  const node = mainProduct(
    scopes.map((scope) => toJson(readItem($, scope, pageUrl))),
    identity,
    pageUrl,
  );
  if (node === undefined || node === 'listing') return node;
  return productCandidate(node, pageUrl);
}

// ---------------------------------------------------------------- OpenGraph

const OG_AVAILABILITY: Readonly<Record<string, Availability>> = {
  'in stock': 'in_stock',
  instock: 'in_stock',
  'available for order': 'in_stock',
  'out of stock': 'out_of_stock',
  oos: 'out_of_stock',
  outofstock: 'out_of_stock',
  discontinued: 'out_of_stock',
  preorder: 'out_of_stock',
  pending: 'unknown',
};

/** OpenGraph product tags (Facebook's `product:` spelling and the older `og:` one). */
export function openGraphCandidate($: CheerioAPI, pageUrl: string): Candidate | undefined {
  const tags = new Map<string, string>();
  $('meta[property], meta[name]').each((_, el) => {
    const key = ($(el).attr('property') ?? $(el).attr('name') ?? '').toLowerCase();
    const content = $(el).attr('content');
    if ((key.startsWith('og:') || key.startsWith('product:')) && content !== undefined && !tags.has(key)) tags.set(key, content.trim());
  });
  const get = (...keys: string[]) => keys.map((k) => tags.get(k)).find((v) => v !== undefined && v !== '');
  const type = get('og:type');
  const amount = get('product:price:amount', 'og:price:amount', 'product:sale_price:amount');
  if (!amount && !(type && /product/i.test(type))) return undefined;
  const currency = normalizeCurrency(get('product:price:currency', 'og:price:currency', 'product:sale_price:currency')) ?? undefined;
  const price = amount ? parseAmount(amount, currency ?? 'EUR') : undefined;
  const availability = get('product:availability', 'og:availability');
  return {
    title: str(get('og:title')),
    description: str(get('og:description')),
    brand: str(get('product:brand', 'og:brand')),
    gtin: gtinFrom(get('product:ean', 'product:gtin', 'product:upc', 'product:isbn')),
    sourceId: str(get('product:retailer_item_id', 'product:retailer_part_no', 'product:sku')),
    url: absoluteUrl(get('og:url'), pageUrl),
    priceCents: price?.ok ? price.amountCents : undefined,
    listPriceCents: (() => {
      const list = get('product:original_price:amount');
      const parsed = list ? parseAmount(list, currency ?? 'EUR') : undefined;
      return parsed?.ok ? parsed.amountCents : undefined;
    })(),
    currency: price?.ok ? price.currency : currency,
    availability: availability
      ? (OG_AVAILABILITY[availability.toLowerCase().replace(/_/g, ' ')] ?? availabilityFromSchemaOrg(availability))
      : undefined,
    imageUrl: absoluteUrl(get('og:image', 'og:image:url', 'og:image:secure_url'), pageUrl),
    category: str(get('product:category')),
  };
}
