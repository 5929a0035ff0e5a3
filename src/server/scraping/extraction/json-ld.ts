// schema.org JSON-LD: the script blocks a page describes its product in, parsed forgivingly
// (trailing commas, comments, entity-escaped blocks), the page's own product found among those it
// mentions, and a ProductGroup's variants. Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import { decodeEntities } from './html-text';
import type { Candidate } from './listing-merge';
import { asArray, isObject, mainProduct, productCandidate, str, typesOf, type Json, type PageIdentity } from './schema-org';

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
