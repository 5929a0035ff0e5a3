// What an agent typed into the search box, read as the ways a product is known: our id, a
// GTIN/EAN, a marketplace's own id (an ASIN, a SKU), a source URL, or words of its title and
// brand. Pure: the plan and its MongoDB filter of identifiers, every branch of which has an index;
// the words are read apart, in windows of the catalog's word index (catalog's productsWithWords):
// beside the identifiers, the word's branch would read every product holding it.
import { z } from 'zod';
import { Id } from '../../common/ids';
import { MARKET_CODES } from '../../common/markets';
import { gtinKey } from '../scraping';
import { queryTokens } from '../catalog';

export const ProductSearch = z.object({
  q: z.string().trim().max(500).default(''),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ProductSearch = z.infer<typeof ProductSearch>;

export interface ProductSearchPlan {
  readonly ids: readonly string[];
  readonly gtins: readonly string[];
  readonly sourceIds: readonly string[];
  readonly urls: readonly string[];
  readonly tokens: readonly string[];
}

const GTIN_LENGTHS = [8, 12, 13, 14] as const;

/** The spellings under which a scraper may have stored this GTIN: UPC-A, EAN-13 and GTIN-14 of one item differ only by leading zeros. */
export function gtinSpellings(digits: string): string[] {
  const key = gtinKey(digits);
  return GTIN_LENGTHS.filter((n) => /^0*$/.test(key.slice(0, 14 - n))).map((n) => key.slice(14 - n));
}

/**
 * The forms one product URL takes: the scheme, a `www.`, a trailing slash, the query (tracking
 * parameters, mostly) and the fragment vary between where an agent copied it from and what the
 * scraper stored. The host is lowercased by URL itself. Null when the text is not a web address.
 */
export function sourceUrlVariants(text: string): string[] | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const bareHost = url.host.replace(/^www\./, '');
  const hosts = [bareHost, `www.${bareHost}`];
  const path = url.pathname.replace(/\/+$/, '');
  const paths = path === '' ? ['/'] : [path, `${path}/`];
  const queries = url.search ? ['', url.search] : [''];
  const variants = new Set<string>();
  for (const scheme of ['https:', 'http:'])
    for (const host of hosts) for (const p of paths) for (const q of queries) variants.add(`${scheme}//${host}${p}${q}`);
  return [...variants];
}

export function productSearchPlan(q: string): ProductSearchPlan | null {
  const text = q.trim();
  if (text === '') return null;
  const urls = sourceUrlVariants(text);
  if (urls) return { ids: [], gtins: [], sourceIds: [], urls, tokens: [] };
  const digits = text.replace(/[\s-]/g, '');
  return {
    ids: Id.safeParse(text).success ? [text] : [],
    gtins: /^\d{8}$|^\d{12,14}$/.test(digits) ? gtinSpellings(digits) : [],
    // ASINs are upper case; SKUs may be either, so both spellings are asked for.
    sourceIds: /^[\w.-]{3,64}$/.test(text) ? [...new Set([text, text.toUpperCase()])] : [],
    urls: [],
    tokens: queryTokens(text),
  };
}

/** One `$or` over the indexed identifiers of a product; null when the plan names none. */
export function productFilter(plan: ProductSearchPlan): Record<string, unknown> | null {
  const or: Record<string, unknown>[] = [];
  if (plan.ids.length > 0) or.push({ _id: { $in: [...plan.ids] } });
  if (plan.gtins.length > 0) {
    or.push({ gtin: { $in: [...plan.gtins] } });
    // Products with a GTIN take an id derived from it (scraping/listing-writes/listing.ts productIdFor).
    or.push({ _id: `gtin-${gtinKey(plan.gtins[0]!)}` });
  }
  for (const market of MARKET_CODES) {
    if (plan.sourceIds.length > 0) or.push({ [`offers.${market}.sourceId`]: { $in: [...plan.sourceIds] } });
    if (plan.urls.length > 0) or.push({ [`offers.${market}.url`]: { $in: [...plan.urls] } });
  }
  return or.length > 0 ? { $or: or } : null;
}
