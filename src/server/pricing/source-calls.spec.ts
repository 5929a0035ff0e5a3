import { describe, expect, it } from 'vitest';
import { sourceCallCounts, sourceCallFields, type SourceCall } from './source-calls';

/** A minute's hash, as HGETALL returns it, from the calls made in it. */
function minute(calls: readonly SourceCall[]): Record<string, string> {
  const hash: Record<string, number> = {};
  for (const call of calls) for (const [field, by] of sourceCallFields(call)) hash[field] = (hash[field] ?? 0) + by;
  return Object.fromEntries(Object.entries(hash).map(([k, v]) => [k, String(v)]));
}

const times = (n: number, call: SourceCall): SourceCall[] => Array.from({ length: n }, () => call);

describe('sourceCallCounts', () => {
  it('adds the minutes up per source: calls, prices given, and failures by kind, most frequent first', () => {
    expect(
      sourceCallCounts([
        minute([...times(5, { source: 'page', outcome: 'ok', waitedMs: 0 }), { source: 'page', outcome: 'blocked', waitedMs: 0 }]),
        minute([
          ...times(2, { source: 'page', outcome: 'rate-limited', waitedMs: 0 }),
          ...times(2, { source: 'page', outcome: 'blocked', waitedMs: 0 }),
        ]),
        minute(times(7, { source: 'offer-api', outcome: 'ok', waitedMs: 1 })),
        {},
      ]),
    ).toEqual([
      { source: 'offer-api', calls: 7, ok: 7, failures: [], waits: { count: 0, meanMs: null } },
      {
        source: 'page',
        calls: 10,
        ok: 5,
        failures: [
          { kind: 'blocked', count: 3 },
          { kind: 'rate-limited', count: 2 },
        ],
        waits: { count: 0, meanMs: null },
      },
    ]);
  });

  it('counts the calls that waited for a limit or a slot, and their mean wait, apart from their outcome', () => {
    const [counts] = sourceCallCounts([
      minute([
        { source: 'sp-api', outcome: 'ok', waitedMs: 1_500 },
        { source: 'sp-api', outcome: 'rate-limited', waitedMs: 700 },
        { source: 'sp-api', outcome: 'ok', waitedMs: 2 },
      ]),
      minute([{ source: 'sp-api', outcome: 'ok', waitedMs: 400.4 }]),
    ]);
    expect(counts).toEqual({
      source: 'sp-api',
      calls: 4,
      ok: 3,
      failures: [{ kind: 'rate-limited', count: 1 }],
      waits: { count: 3, meanMs: 867 },
    });
  });
});
