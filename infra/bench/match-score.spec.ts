import { describe, expect, it } from 'vitest';
import { matchScore } from './match-score';

describe('matchScore', () => {
  it('counts pairs: a wrong merge costs precision, a missed one recall', () => {
    // Items a (3 listings) and b, c (1 each). The catalog joins two of a's listings and b with c.
    const score = matchScore(['p1', 'p1', 'p2', 'p3', 'p3'], ['a', 'a', 'a', 'b', 'c']);
    expect(score).toMatchObject({ predictedPairs: 2, truePairs: 3, rightPairs: 1, precision: 0.5 });
    expect(score.recall).toBeCloseTo(1 / 3);
  });

  it('is perfect when the groupings agree, whatever the labels', () => {
    expect(matchScore(['x', 'x', 'y'], ['a', 'a', 'b'])).toMatchObject({ precision: 1, recall: 1, rightPairs: 1 });
    expect(matchScore(['x', 'y'], ['a', 'b'])).toMatchObject({ precision: 1, recall: 1, predictedPairs: 0, truePairs: 0 });
  });

  it('refuses labels of different lengths', () => {
    expect(() => matchScore(['x'], [])).toThrow(/1 predictions for 0 listings/);
  });
});
