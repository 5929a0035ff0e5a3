import { describe, expect, it } from 'vitest';
import { sourceCallCounts, sourceCallField } from './source-calls';

describe('sourceCallCounts', () => {
  it('adds the minutes up per source: calls, prices given, and failures by kind, most frequent first', () => {
    const minute = (calls: Record<string, number>) => Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, String(v)]));
    const field = sourceCallField;
    expect(
      sourceCallCounts([
        minute({ [field({ source: 'page', outcome: 'ok' })]: 5, [field({ source: 'page', outcome: 'blocked' })]: 1 }),
        minute({ [field({ source: 'page', outcome: 'rate-limited' })]: 2, [field({ source: 'page', outcome: 'blocked' })]: 2 }),
        minute({ [field({ source: 'offer-api', outcome: 'ok' })]: 7 }),
        {},
      ]),
    ).toEqual([
      { source: 'offer-api', calls: 7, ok: 7, failures: [] },
      {
        source: 'page',
        calls: 10,
        ok: 5,
        failures: [
          { kind: 'blocked', count: 3 },
          { kind: 'rate-limited', count: 2 },
        ],
      },
    ]);
  });
});
