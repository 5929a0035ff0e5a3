// Where a product lives in the shop: `/{market}/p/{slug}--{id}`. The slug is for people and
// search engines; the id is what the page reads. Slugs never hold two hyphens in a row
// (`slugFor` collapses them), so everything after the first `--` is the id, whatever characters
// ids hold: scraped ids carry hyphens of their own (`gtin-08419723592143`). Pure, and imported by
// the browser bundle too (the cart's links), so it must stay free of server imports.
import { Id } from '../../common/ids';
import type { MarketCode } from '../../common/markets';

const SEPARATOR = '--';

export function productPath(market: MarketCode, product: { readonly slug: string; readonly id: string }): string {
  return `/${market}/p/${product.slug}${SEPARATOR}${encodeURIComponent(product.id)}`;
}

/** The id in a product page's last path segment (as the router hands it over: decoded), or null. */
export function productIdFromSlugId(slugId: string): string | null {
  const at = slugId.indexOf(SEPARATOR);
  if (at < 0) return null;
  const id = slugId.slice(at + SEPARATOR.length);
  return Id.safeParse(id).success ? id : null;
}

/**
 * The ids a segment of the first URL shape, `{slug}-{id}`, may name: that shape cut at the last
 * hyphen, which broke every id with a hyphen in it, so each hyphen is a possible start of the id.
 * The caller keeps the one that exists and redirects to its path; a new-shape segment names none.
 */
export function legacyProductIdCandidates(slugId: string): string[] {
  if (slugId.includes(SEPARATOR)) return [];
  const starts = [0, ...[...slugId.matchAll(/-/g)].map((m) => m.index + 1)];
  return [...new Set(starts.map((start) => slugId.slice(start)))].filter((id) => Id.safeParse(id).success);
}
