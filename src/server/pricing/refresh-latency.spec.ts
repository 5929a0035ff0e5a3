import { describe, expect, it } from 'vitest';
import { latencyBucket, latencyMinuteKey, latencyPercentiles, latencyWindowKeys, mergeHistograms } from './refresh-latency';

describe('refresher latency percentiles', () => {
  it('buckets by the ms up to a second, by 10 ms above', () => {
    expect(latencyBucket(0.2)).toBe(1);
    expect(latencyBucket(37)).toBe(37);
    expect(latencyBucket(999.5)).toBe(1000);
    expect(latencyBucket(1001)).toBe(1010);
    expect(latencyBucket(-3)).toBe(0);
  });

  it('gives nearest-rank p50, p90 and p99 of the samples', () => {
    // 1..100 ms once each: p50 is 50, p90 is 90, p99 is 99.
    const histogram = new Map(Array.from({ length: 100 }, (_, i) => [i + 1, 1] as [number, number]));
    expect(latencyPercentiles(histogram)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99 });
  });

  it('weighs buckets by their counts and answers null without samples', () => {
    expect(
      latencyPercentiles(
        new Map([
          [20, 95],
          [700, 5],
        ]),
      ),
    ).toEqual({ count: 100, p50: 20, p90: 20, p99: 700 });
    expect(latencyPercentiles(new Map())).toBeNull();
  });

  it('merges minute hashes as Redis returns them, ignoring junk', () => {
    const merged = mergeHistograms([
      { '20': '3', '30': '1' },
      { '20': '2', x: '1', '40': 'nope' },
    ]);
    expect([...merged.entries()].sort()).toEqual([
      [20, 5],
      [30, 1],
    ]);
  });

  it('reads the 60 minutes that end with the current one', () => {
    const now = new Date('2026-11-25T14:30:10Z');
    const keys = latencyWindowKeys(now);
    expect(keys).toHaveLength(60);
    expect(keys[59]).toBe(latencyMinuteKey(now));
    expect(keys[0]).toBe(latencyMinuteKey(new Date(now.getTime() - 59 * 60_000)));
  });
});
