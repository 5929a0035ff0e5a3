// The Redis copy of a product document, read whole by the product page: its key and its
// JSON form. Pure; product-cache.store.ts does the Redis calls. Dates travel as ISO strings
// and come back as Dates, so a cached product equals the one MongoDB returns.
import { Product } from './product.schema';

export const PRODUCT_CACHE_PREFIX = 'ds:product:';

/**
 * How long a cached copy lives without being rewritten. Writes go through on every refresh and
 * scrape, so this only bounds how long a copy a writer failed to update can linger.
 */
export const PRODUCT_CACHE_TTL_S = 15 * 60;

export function productCacheKey(productId: string): string {
  return `${PRODUCT_CACHE_PREFIX}${productId}`;
}

export function encodeCachedProduct(product: Product): string {
  return JSON.stringify(product);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Parses a cached copy; null when it does not match the schema (written by an older version,
 * say), which the caller treats as a miss. Every date field of Product is named `…At`, or `at`
 * (when an agent set an override or a sales stop).
 */
export function decodeCachedProduct(json: string): Product | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json, (key, value: unknown) =>
      (key === 'at' || key.endsWith('At')) && typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value,
    );
  } catch {
    return null;
  }
  const parsed = Product.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
