// Keyset cursors of listing pages: the sort value and the id of a page's last product, which
// the next page starts after, and how densely that page's products lay on the sort key. Opaque
// to shoppers (base64url JSON), checked when read back: a cursor names the sort it belongs to,
// so one pasted into another sort is refused, not misread.
import { z } from 'zod';
import { Id } from '../../common/ids';

export const SEARCH_SORTS = ['relevance', 'price-asc', 'price-desc', 'newest'] as const;
export const SearchSort = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof SearchSort>;

export interface SearchCursor {
  readonly sort: SearchSort;
  /** Creation time in epoch ms (relevance, newest) or the selling price in cents (price sorts). */
  readonly value: number;
  readonly id: string;
  /** Sort-key units per product on the page before: sizes the next page's first window. */
  readonly spanPerRow?: number;
}

export function encodeCursor(cursor: SearchCursor): string {
  const parts: unknown[] = [cursor.sort, cursor.value, cursor.id];
  if (cursor.spanPerRow !== undefined) parts.push(Math.round(cursor.spanPerRow * 100) / 100);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The cursor, or null when the text is not one of a page sorted by `sort`. */
export function decodeCursor(text: string, sort: SearchSort): SearchCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length < 3 || parsed.length > 4) return null;
  const [tag, value, id, span] = parsed as unknown[];
  if (tag !== sort || !Number.isSafeInteger(value) || !Id.safeParse(id).success) return null;
  // A hint only: one that is not a positive number is ignored, not refused.
  const spanPerRow = typeof span === 'number' && Number.isFinite(span) && span > 0 ? span : undefined;
  return { sort, value: value as number, id: id as string, ...(spanPerRow !== undefined && { spanPerRow }) };
}
