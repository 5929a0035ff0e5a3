// Product URLs of the first shape (`/{market}/p/{slug}-{id}`) stay valid: links to them are out
// in the world (shared, bookmarked, indexed), so each one that names a stored product answers a
// permanent redirect to the product's path today.
import { firstStoredProduct } from '../catalog';
import { isMarketCode, type MarketCode } from '../../common/markets';
import type { Runtime } from '../platform/runtime';
import { legacyProductIdCandidates, productPath } from './product-url';

const PRODUCT_SEGMENT = /^\/([a-z]{2})\/p\/([^/?#]+)\/?(?:[?#]|$)/;

/** Whether a request path could be a first-shape product URL: the cheap test made on every request. */
export function legacyProductPathParts(path: string): { market: MarketCode; segment: string } | null {
  const match = PRODUCT_SEGMENT.exec(path);
  if (!match || !isMarketCode(match[1])) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
  return legacyProductIdCandidates(segment).length > 0 ? { market: match[1], segment } : null;
}

/** Where a first-shape product URL lives now, or null when it names no stored product. */
export async function legacyProductRedirect(rt: Runtime, path: string): Promise<string | null> {
  const parts = legacyProductPathParts(path);
  if (!parts) return null;
  const product = await firstStoredProduct(rt, legacyProductIdCandidates(parts.segment));
  return product ? productPath(parts.market, { slug: product.slug, id: product._id }) : null;
}
