import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWindow, MAX_WINDOWED_TRIPS, nextWindow, spanPerRow, type SearchWindow, type WindowRange } from './product-search-window';

const trips = MAX_WINDOWED_TRIPS;
const newest: WindowRange = { from: 8_640_000_000_000_000, to: 0, direction: -1, anchor: 1_000_000_000, windowedTrips: trips };

describe('search windows', () => {
  it('start where the page starts and reach past the anchor as far as the expected rows lie, with headroom', () => {
    expect(firstWindow(newest, 1000, 25)).toEqual({ start: newest.from, end: 1_000_000_000 - 31_250, last: false });
    expect(firstWindow({ from: 500, to: 9000, direction: 1, anchor: 500, windowedTrips: trips }, 100, 25)).toEqual({
      start: 500,
      end: 3625,
      last: false,
    });
  });

  it('read the whole range at once when no windowed trip is allowed', () => {
    expect(firstWindow({ from: 500, to: 9000, direction: 1, anchor: 700, windowedTrips: 0 }, 100, 25)).toEqual({
      start: 500,
      end: 9000,
      last: true,
    });
  });

  it('end at the range’s far bound, inclusive, when the estimate passes it', () => {
    expect(firstWindow({ from: 500, to: 900, direction: 1, anchor: 500, windowedTrips: trips }, 100, 25)).toEqual({
      start: 500,
      end: 900,
      last: true,
    });
  });

  it('grow by what was found: as far again as the missing rows need, at least twice as far, eight times when the last window found nothing', () => {
    const range: WindowRange = { from: 0, to: 1_000_000, direction: 1, anchor: 0, windowedTrips: trips };
    const first = firstWindow(range, 10, 8)!; // 0 → 100
    expect(nextWindow(range, first, 2, 2, 8, 1)).toEqual({ start: 100, end: 500, last: false });
    expect(nextWindow(range, first, 7, 7, 8, 1)).toEqual({ start: 100, end: 200, last: false });
    expect(nextWindow(range, first, 0, 0, 8, 1)).toEqual({ start: 100, end: 800, last: false });
    expect(nextWindow(range, first, 8, 8, 8, 1)).toBeNull();
    // Seven products sharing the first price, then a gap: the second window found nothing.
    expect(nextWindow(range, { start: 100, end: 200, last: false }, 7, 0, 8, 2)).toEqual({ start: 200, end: 1600, last: false });
    // After an empty window, at least a typical page of the listing's kind further.
    expect(nextWindow({ ...range, typicalSpanPerRow: 1000 }, { start: 100, end: 200, last: false }, 7, 0, 8, 2)).toEqual({
      start: 200,
      end: 10_200,
      last: false,
    });
  });

  it('take the rest of the range in one read after the windowed trips', () => {
    const range: WindowRange = { from: 0, to: 1_000_000, direction: 1, anchor: 0, windowedTrips: trips };
    expect(nextWindow(range, { start: 0, end: 10, last: false }, 1, 1, 25, MAX_WINDOWED_TRIPS)).toEqual({
      start: 10,
      end: 1_000_000,
      last: true,
    });
    expect(nextWindow({ ...range, windowedTrips: 1 }, { start: 0, end: 10, last: false }, 1, 1, 25, 1)).toEqual({
      start: 10,
      end: 1_000_000,
      last: true,
    });
  });

  it('never overlap, never leave a gap, and reach the end of any range within the trips allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom<1 | -1>(1, -1),
        fc.double({ min: 0.001, max: 1e9, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: MAX_WINDOWED_TRIPS + 1, maxLength: MAX_WINDOWED_TRIPS + 1 }),
        (a, b, direction, span, foundPerTrip) => {
          const [from, to] = direction === 1 ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
          const range: WindowRange = { from, to, direction, anchor: from, windowedTrips: trips };
          const windows: SearchWindow[] = [];
          let found = 0;
          let window: SearchWindow | null = firstWindow(range, span, 25);
          for (let trips = 1; window; trips++) {
            windows.push(window);
            // A page that never fills, so every window the range allows is read.
            const before = found;
            found = Math.min(24, found + foundPerTrip[trips - 1]!);
            window = nextWindow(range, window, found, found - before, 25, trips);
          }
          expect(windows.length).toBeLessThanOrEqual(MAX_WINDOWED_TRIPS + 1);
          expect(windows[0]!.start).toBe(from);
          expect(windows.at(-1)).toMatchObject({ end: to, last: true });
          for (const [i, w] of windows.entries()) {
            expect(direction * (w.end - w.start)).toBeGreaterThanOrEqual(0);
            if (i > 0) expect(w.start).toBe(windows[i - 1]!.end);
          }
        },
      ),
    );
  });

  it('size the next page from where this one ended', () => {
    expect(spanPerRow({ from: 5000, to: 0, direction: -1, anchor: 5000, windowedTrips: trips }, 4000, 25)).toBe(40);
    expect(spanPerRow({ from: 5000, to: 0, direction: -1, anchor: 5000, windowedTrips: trips }, 5000, 25)).toBe(0.04);
  });
});
