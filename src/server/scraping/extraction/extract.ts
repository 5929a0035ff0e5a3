// Extraction of one page: block page, product listing, or nothing. Chooses the site's extractor
// (Amazon's layout, or the generic one: JSON-LD, then microdata, then OpenGraph, then the visible
// text) and merges what the sources say. Pure: HTML and URL in, result out; no I/O.
import type { CheerioAPI } from 'cheerio';
import type { MarketCode } from '../../../common/markets';
import { amazonCandidate, looksLikeAmazon } from './amazon-extractor';
import { detectBlockPage } from './block-page';
import { cleanBrand, cleanId, cleanTitle, withoutVariantColour } from './field-cleaning';
import { parseHtml } from './html-text';
import { mergeCandidates, type Candidate, type SourcedCandidate } from './listing-merge';
import { Listing, type ExtractResult } from './listing.schema';
import { jsonLdCandidate } from './json-ld';
import { microdataCandidate } from './microdata';
import { openGraphCandidate } from './opengraph';
import { pageIdentity } from './schema-org';
import { looksLikeListing, textCandidate } from './text-heuristics';

export const EXTRACTOR_NAMES = ['auto', 'generic', 'amazon'] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

export interface ExtractInput {
  readonly html: string;
  /** Where the page was fetched from: resolves relative links, names the site. */
  readonly url: string;
  readonly market?: MarketCode | null;
  /** The site's name from the sites table; defaults to the URL's host without `www.`. */
  readonly site?: string;
  /** @defaultValue 'auto': Amazon's extractor when the page has Amazon's layout, else the generic one. */
  readonly extractor?: ExtractorName;
  /** HTTP status, when known: a 429 or a small 403 is a block whatever the body says. */
  readonly status?: number;
  /** A document already parsed by the caller, to save parsing it twice. */
  readonly $?: CheerioAPI;
  /**
   * The caller has looked for a block page already (the crawl's and the page quote's verdict):
   * skip the second look, a scan of the whole document.
   */
  readonly blockPageChecked?: boolean;
}

export function siteOfUrl(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '') || 'local';
  } catch {
    return 'unknown';
  }
}

/**
 * Each source's fields as a shop means them (field-cleaning.ts): the title without eBay's hidden
 * prefix, and without the variant's colour when another source names the product without it;
 * brands and ids without the label in front of them.
 */
function cleaned(candidates: readonly SourcedCandidate[]): SourcedCandidate[] {
  const tidy = candidates.map(([source, c]): SourcedCandidate => {
    const candidate: Candidate = {
      ...c,
      title: cleanTitle(c.title),
      brand: cleanBrand(c.brand),
      sourceId: cleanId(c.sourceId),
      mpn: cleanId(c.mpn),
    };
    for (const key of ['title', 'brand', 'sourceId', 'mpn'] as const) if (candidate[key] === undefined) delete candidate[key];
    return [source, candidate];
  });
  const titles = tidy.map(([, c]) => c.title);
  return tidy.map(([source, c]) => [source, c.title === undefined ? c : { ...c, title: withoutVariantColour(c.title, titles) }]);
}

const isCandidate = (value: Candidate | 'listing' | undefined): value is Candidate => typeof value === 'object';

export function extractPage(input: ExtractInput): ExtractResult {
  const blocked = input.blockPageChecked ? undefined : detectBlockPage(input.html, input.status);
  if (blocked) return { kind: 'blocked', reason: blocked };
  const $ = input.$ ?? parseHtml(input.html);
  const pageUrl = input.url;
  // On an Amazon site, a page without a product title (search results, a dog page) is read as any other page.
  const useAmazon =
    input.extractor === 'amazon' ? $('#productTitle, #title').length > 0 : (input.extractor ?? 'auto') === 'auto' && looksLikeAmazon($);

  const candidates: SourcedCandidate[] = [];
  if (useAmazon) candidates.push(['amazon', amazonCandidate($, pageUrl)]);
  const identity = pageIdentity($, pageUrl);
  const jsonLd = jsonLdCandidate($, pageUrl, identity);
  const microdata = microdataCandidate($, pageUrl, identity);
  // A category or search page describes each product it lists: it sells none of its own.
  if (!useAmazon && (jsonLd === 'listing' || microdata === 'listing') && !(isCandidate(jsonLd) || isCandidate(microdata))) {
    return { kind: 'no_product', reason: 'a listing of several products' };
  }
  if (isCandidate(jsonLd)) candidates.push(['json-ld', jsonLd]);
  if (isCandidate(microdata)) candidates.push(['microdata', microdata]);
  const openGraph = openGraphCandidate($, pageUrl);
  if (openGraph) candidates.push(['opengraph', openGraph]);
  const structured = candidates.length > 0;
  // Visible text is read on every page: it confirms structured data (or contradicts it, which
  // lowers the confidence), and on a page without any it is all there is.
  const text = textCandidate($, pageUrl);
  // Amazon's layout says where its price is: a page without one has no offer of its own, and a
  // price elsewhere on it belongs to other sellers' offers or other products. Where Amazon's
  // price is found, the visible text still confirms it (or not).
  const amazon = candidates.find(([source]) => source === 'amazon')?.[1];
  if (amazon && amazon.priceCents === undefined) {
    delete text.priceCents;
    delete text.listPriceCents;
    delete text.currency;
  }
  candidates.push(['text', text]);

  // Without structured data, a headline alone does not make a product page: a category page or
  // a blog post has one too. It takes a price and something that identifies an item.
  if (!structured && looksLikeListing($, pageUrl)) return { kind: 'no_product', reason: 'a listing of several products' };
  if (
    !structured &&
    (text.priceCents === undefined || (text.sourceId === undefined && text.gtin === undefined && text.availability === undefined))
  ) {
    return { kind: 'no_product', reason: 'no structured product data and no price with an item on the page' };
  }
  const listing = mergeCandidates(cleaned(candidates), { market: input.market ?? null, site: input.site ?? siteOfUrl(pageUrl), pageUrl });
  if (!listing) return { kind: 'no_product', reason: 'no product title' };
  const checked = Listing.safeParse(listing);
  if (!checked.success)
    return {
      kind: 'no_product',
      reason: `listing out of shape: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  return { kind: 'listing', listing: checked.data };
}
