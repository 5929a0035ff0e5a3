// How well the catalog tells one item across markets: precision and recall of "these two
// listings are one product" over every pair of listings, the catalog's grouping (product ids)
// against the truth (the simulator's world products). Pure: labels in, figures out.

export interface MatchScore {
  /** Pairs the catalog put in one product. */
  readonly predictedPairs: number;
  /** Pairs that are one item. */
  readonly truePairs: number;
  /** Pairs both put together. */
  readonly rightPairs: number;
  /** Share of the catalog's pairs that are one item (1 when it put nothing together). */
  readonly precision: number;
  /** Share of the true pairs the catalog put together (1 when there are none). */
  readonly recall: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** `predicted[i]` and `truth[i]` label listing i: the product the catalog made of it, the item it is. */
export function matchScore(predicted: readonly string[], truth: readonly string[]): MatchScore {
  if (predicted.length !== truth.length) throw new Error(`${predicted.length} predictions for ${truth.length} listings`);
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((total, n) => total + pairs(n), 0);
  const predictedPairs = sum(countBy(predicted));
  const truePairs = sum(countBy(truth));
  // The \u0000 cannot occur in either label: a cell is one product and one item.
  const rightPairs = sum(countBy(predicted.map((p, i) => `${p}\u0000${truth[i]}`)));
  return {
    predictedPairs,
    truePairs,
    rightPairs,
    precision: predictedPairs === 0 ? 1 : rightPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : rightPairs / truePairs,
  };
}
