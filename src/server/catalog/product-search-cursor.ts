// Keyset cursors of listing pages: the sort value and the id of a page's last product, which
// the next page starts after. Opaque to shoppers (base64url JSON), checked when read back: a
// cursor names the sort it belongs to, so one pasted into another sort is refused, not misread.
import { Id } from '../db/ids';
import type { SearchSort } from './product-search.schema';

export interface SearchCursor {
  readonly sort: SearchSort;
  /** Creation time in epoch ms (relevance, newest) or the selling price in cents (price sorts). */
  readonly value: number;
  readonly id: string;
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

/** The cursor, or null when the text is not one of a page sorted by `sort`. */
export function decodeCursor(text: string, sort: SearchSort): SearchCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [tag, value, id] = parsed as unknown[];
  if (tag !== sort || !Number.isSafeInteger(value) || !Id.safeParse(id).success) return null;
  return { sort, value: value as number, id: id as string };
}
