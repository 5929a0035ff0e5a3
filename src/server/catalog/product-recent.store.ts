// The products added or changed last, newest first: the status page's newest products and the
// back office's sample of what moved lately. Read in windows of the time field as listings are
// (product-search-window.ts): the embedded database reads the whole index range a filter gives
// it before it applies the limit, so "the 2,000 changed last" asked plainly reads every product.
import type { Filter } from 'mongodb';
import type { Product } from './product.schema';
import { firstWindow, MAX_WINDOWED_TRIPS, nextWindow, windowRange, type SearchWindow, type WindowRange } from './product-search-window';
import { productCollection } from './product.collection';
import type { DbHandle } from '../platform/db';

/** The time fields with an index that starts with them (`created`, `updated`). */
export type RecencyField = 'createdAt' | 'updatedAt';

/** The latest time a Date holds: a window from there also takes products stamped ahead of this clock. */
const TIME_MAX = 8_640_000_000_000_000;
/** How far apart in time products lie before anything is read: a guess the windows grow out of. */
const GUESSED_MS_PER_PRODUCT = 60_000;

export interface RecentQuery {
  readonly field: RecencyField;
  /** Conditions read along the window's range (the window alone picks the index). */
  readonly where?: Filter<Product>;
  /**
   * Equality on the fields an index holds before `field` (`{ searchTokens: word }`: the word's
   * entries of `search_tokens`, in time order): read beside the window, so that index serves it.
   */
  readonly prefix?: Readonly<Record<string, unknown>>;
  /**
   * Where the products are known to begin (epoch ms) and how far apart in time they lie, when a
   * sample says: the first window is sized by it instead of a guess from now.
   */
  readonly spread?: { readonly newest: number; readonly msPerProduct: number };
  readonly limit: number;
  /** The fields read; `T` names the shape they make. */
  readonly projection?: Readonly<Record<string, 0 | 1>>;
  readonly now?: Date;
}

/** Up to `limit` products by `field`, newest first (ties by the higher id). */
export async function recentProducts<T = Product>(rt: DbHandle, query: RecentQuery): Promise<T[]> {
  const products = productCollection(rt);
  const { field, limit } = query;
  const now = (query.now ?? new Date()).getTime();
  const anchor = query.spread ? Math.min(now, query.spread.newest) : now;
  const range: WindowRange = { from: TIME_MAX, to: 0, direction: -1, anchor, windowedTrips: MAX_WINDOWED_TRIPS };
  const found: T[] = [];
  let window: SearchWindow | null = firstWindow(range, query.spread?.msPerProduct ?? GUESSED_MS_PER_PRODUCT, limit);
  for (let trips = 1; window; trips++) {
    const inWindow = { ...query.prefix, [field]: windowRange(window, range.direction, (n) => new Date(n)) };
    const read = (await products
      .find({ $and: [inWindow, ...(query.where ? [query.where] : [])] } as Filter<Product>, {
        ...(query.projection && { projection: query.projection }),
        sort: { [field]: -1, _id: -1 },
        limit: limit - found.length,
      })
      .toArray()) as T[];
    found.push(...read);
    window = nextWindow(range, window, found.length, read.length, limit, trips);
  }
  return found;
}
