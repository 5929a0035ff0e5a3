// Where on the sort key each read of a listing page looks. The embedded database reads every
// index entry of the range a query's filter gives it before it sorts and applies the limit, so a
// page read as "the first 25 from here" costs the whole rest of the category. A page is read as
// windows instead: a slice of the sort key starting where the page starts, widened (windows
// never overlap) until the page is full, sized from what the previous page or the previous
// listing of the same kind learned about how densely products lie on the key. After a few
// trips the last window takes the rest of the range in one read, so a sparse tail costs one
// bounded read rather than a run of tiny windows. On MongoDB the window only narrows the index
// range the planner would read anyway.
//
// Pure: the store runs the trips; this file says where each one looks.

/** A slice of the sort key, in the listing's direction: from `start` (inclusive) to `end` (exclusive, inclusive when `last`). */
export interface SearchWindow {
  readonly start: number;
  readonly end: number;
  /** The window reaches the end of the listing's range: no trip follows it. */
  readonly last: boolean;
}

export interface WindowRange {
  /** Where the page starts: the cursor's sort value, or the range's first value. */
  readonly from: number;
  /** The range's last value (inclusive): the price range's far bound, or the key's extreme. */
  readonly to: number;
  /** 1 when the key ascends, -1 when it descends. */
  readonly direction: 1 | -1;
  /**
   * Where products begin to lie, from `from` on: `from` itself, except for a first page whose
   * range starts at the key's extreme (newest first starts at now; highest price first at the
   * highest price seen for the listing). The first window still starts at `from`, so nothing
   * before the anchor is missed.
   */
  readonly anchor: number;
  /**
   * Windowed trips before the last one takes the rest of the range (MAX_WINDOWED_TRIPS, or fewer
   * when the rest has a cheaper index; 0 reads the whole range at once).
   */
  readonly windowedTrips: number;
  /** Key units per product on a typical page of listings of this kind, when known: how far a window after an empty one reaches at least. */
  readonly typicalSpanPerRow?: number;
}

/**
 * The window as a range condition on its key, in the listing's direction: from `start`
 * (inclusive) to `end` (exclusive, inclusive on the last window). `key` turns a key value into
 * the stored type (a Date for times).
 */
export function windowRange(window: SearchWindow, direction: 1 | -1, key: (value: number) => unknown): Record<string, unknown> {
  const ascending = direction === 1;
  const start = { [ascending ? '$gte' : '$lte']: key(window.start) };
  const end = { [ascending ? (window.last ? '$lte' : '$lt') : window.last ? '$gte' : '$gt']: key(window.end) };
  // On a multikey index (search_tokens) the embedded database bounds its read by the first
  // operator alone (two could be met by different elements of an array): a window's far end
  // bounds the read to what lies before it in the listing (the window itself on a first page),
  // the last window's start to what lies after. Elsewhere both bound it, in either order.
  return window.last ? { ...start, ...end } : { ...end, ...start };
}

/** Windowed trips, at most, before the last one takes the rest of the range. */
export const MAX_WINDOWED_TRIPS = 5;
/** Headroom over the estimate, so that an estimate close to right fills the page in one trip. */
const HEADROOM = 1.25;
/** How much wider the next window grows when the last ones found nothing to go by. */
const BLIND_GROWTH = 8;

/** The first window: `rows` products at `spanPerRow` key units each, past the anchor; null when the range is empty. */
export function firstWindow(range: WindowRange, spanPerRow: number, rows: number): SearchWindow | null {
  if ((range.to - range.from) * range.direction < 0) return null;
  if (range.windowedTrips === 0) return { start: range.from, end: range.to, last: true };
  const span = Math.max(1, Math.ceil(spanPerRow * rows * HEADROOM));
  return clamp(range, range.from, range.anchor + range.direction * span);
}

/**
 * The window after `previous`, or null when the page is full or the range is read. `found` is
 * how many products all windows so far gave (`previousFound` of them from `previous`), `rows`
 * how many the page needs, `trips` how many windows were read.
 */
export function nextWindow(
  range: WindowRange,
  previous: SearchWindow,
  found: number,
  previousFound: number,
  rows: number,
  trips: number,
): SearchWindow | null {
  if (found >= rows || previous.last) return null;
  if (trips >= range.windowedTrips) return { start: previous.end, end: range.to, last: true };
  const covered = Math.abs(previous.end - range.anchor);
  // Products lie on the key about as densely as they did so far: reach as far again as the
  // missing ones need, at least twice as far, and much further when the last window found
  // none (the first products may all share one price: their density says nothing of the gap
  // after them, which doubling from a cent wide would not cross before the last trip).
  // A typical page's span of the listing's kind is a floor: from a first page of products that
  // share one creation time, eightfold growth from a millisecond would not reach the next batch.
  const reach =
    previousFound > 0
      ? Math.max(2 * covered, (covered * rows * HEADROOM) / found)
      : Math.max(BLIND_GROWTH * covered, covered + rows * HEADROOM * (range.typicalSpanPerRow ?? 0));
  return clamp(range, previous.end, range.anchor + range.direction * Math.ceil(reach));
}

/** Key units per product on a full page whose last product sits at `lastValue`: the next page's first window is sized by it. */
export function spanPerRow(range: WindowRange, lastValue: number, rows: number): number {
  return Math.max(1, Math.abs(lastValue - range.anchor)) / Math.max(1, rows);
}

function clamp(range: WindowRange, start: number, end: number): SearchWindow {
  const past = range.direction === 1 ? end >= range.to : end <= range.to;
  return past ? { start, end: range.to, last: true } : { start, end, last: false };
}
